package lanchat.node;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;
import lanchat.bulk.BulkPolicy;
import lanchat.bulk.Transfers;
import lanchat.membership.Discovery;
import lanchat.membership.DiscoveryListener;
import lanchat.membership.Peer;
import lanchat.message.Body;
import lanchat.message.BodyCodec;
import lanchat.message.Decoded;
import lanchat.message.MessageId;
import lanchat.message.PresenceBody;
import lanchat.message.Text;
import lanchat.reliable.AckTiming;
import lanchat.reliable.ByteBudget;
import lanchat.reliable.Link;
import lanchat.reliable.MessageSink;
import lanchat.reliable.Outcomes;
import lanchat.reliable.StreamPolicy;
import lanchat.session.SessionLayer;
import lanchat.transport.Transport;
import lanchat.wire.Ack;
import lanchat.wire.Announcement;
import lanchat.wire.BulkAck;
import lanchat.wire.BulkData;
import lanchat.wire.BulkStop;
import lanchat.wire.Data;
import lanchat.wire.DecodeResult;
import lanchat.wire.DropReason;
import lanchat.wire.Frame;
import lanchat.wire.FrameCodec;
import lanchat.wire.Goodbye;
import lanchat.wire.PeerRef;
import lanchat.wire.Reset;

/**
 * All protocol state of one node. Single-threaded: only the duty cycle calls it, passing the time in.
 * The receive path goes up the layers: framing decodes, membership says whose frame it is, the peer's
 * link takes what its streams carry; what they report becomes {@link ChatEvent}s. The send path goes down:
 * commands enqueue on links, {@link #flush} packs frames, the transport sends them.
 */
public final class Engine implements DiscoveryListener, Frame.Visitor<DropReason> {
    /** The engine's own log (details with --verbose): membership changes, stalls, resets. Never message text. */
    private static final System.Logger LOG = System.getLogger("lanchat.engine");
    private final PeerRef self;
    private final ChatListener listener;
    private final Discovery discovery;
    private final StreamPolicy streams;
    private final Links links;
    private final ByteBudget receiveBudget;
    private final AckTiming ackTiming = new AckTiming();
    private final Counters counters = new Counters();
    private final FrameSender out;
    private final PendingOutcomes pending = new PendingOutcomes();
    private final PeerViews views;
    private final List<Frame> frames = new ArrayList<>();
    private final List<Map.Entry<PeerInfo, String>> pendingDisplayChanges = new ArrayList<>();
    private int nextEpoch = 1;
    private long now;
    private boolean stopped;
    // The datagram being dispatched, for the visitor methods.
    private InetSocketAddress source;
    private boolean quarantined;
    private DropReason admissionDrop;

    private final SessionLayer sessions;
    private final KnownPeers known;
    private final Map<PeerRef, Trust> trust = new java.util.HashMap<>();
    private final Map<PeerRef, String> fingerprints = new java.util.HashMap<>();
    /** Bulk transfers (files): a layer beside the links, flushed after them (protocol.md 8). */
    private final Transfers bulk;
    /** Hex identity keys, as in known_peers; read by other threads through {@link #keyOf}. */
    private final Map<PeerRef, String> keys = new java.util.concurrent.ConcurrentHashMap<>();
    // Presence (protocol.md 4.8): ours, what each peer said, and who has had an automatic reply.
    private final lanchat.presence.IdleDetector idle = new lanchat.presence.IdleDetector(0, 0);
    private final lanchat.presence.AutoReplyPolicy replies = new lanchat.presence.AutoReplyPolicy();
    private final lanchat.presence.OwnPresence ownPresence = new lanchat.presence.OwnPresence(idle, replies);
    private final PeerPresences presences = new PeerPresences();
    /** Ids of the messages the engine sent by itself, to what each was; their outcomes are no event. */
    private final Map<Integer, Own> ownMessages = new java.util.HashMap<>();

    /** What the engine sends by itself. A presence is sent again once when it fails, never more. */
    private enum Own { PRESENCE, PRESENCE_AGAIN, AUTO_REPLY }
    /** Every message id of this node, the engine's own sends included (one order for receivers). */
    private final MessageIds ids = new MessageIds();
    /** Makes the text of an automatic reply with a new end-to-end id; {@link ChatNode} provides it. */
    private volatile java.util.function.Function<String, Text> autoReplies;
    /** Whether our presence is an idle away, for other threads (ChatNode#activity). */
    private volatile boolean idleAway;

    public Engine(NodeConfig config, PeerRef self, Transport transport, SessionLayer sessions, RandomGenerator random,
            ChatListener listener) {
        this.self = self;
        this.autoReplies = text -> new Text(MessageId.random(random), 0, Text.AUTO_REPLY, text); // until a ChatNode attaches
        this.sessions = sessions;
        this.listener = listener;
        this.streams = config.streams();
        this.links = new Links(config.maxAwayPeers());
        this.receiveBudget = ByteBudget.total(config.receiveBytesPerNode());
        this.out = new FrameSender(sessions, counters);
        this.discovery = new Discovery(self, config.name(), transport.localAddress().getPort(), config.membership(),
                random, out, this);
        this.views = new PeerViews(self, discovery, this::liveLink, transport.localAddress());
        this.known = config.knownPeers() != null ? config.knownPeers() : KnownPeers.inMemory();
        this.bulk = new Transfers(self, BulkPolicy.DEFAULTS.withMaxDatagramBytes(config.bulkDatagramBytes()),
                this::sendBulk);
        views.keys(new PeerViews.Keys() {
            @Override
            public String fingerprint(PeerRef peer) {
                return fingerprints.getOrDefault(peer, "");
            }

            @Override
            public Trust trust(PeerRef peer) {
                return trust.getOrDefault(peer, Trust.NEW);
            }

            @Override
            public lanchat.presence.Presence presence(PeerRef peer) {
                return presences.of(peer);
            }

            @Override
            public lanchat.presence.Presence ownPresence() {
                return ownPresence.current();
            }
        });
    }

    /** Called whenever a message has an outcome for every recipient (for back-pressure). */
    void onMessageSettled(Runnable r) {
        pending.onSettled(r);
    }

    public PeerRef ref() {
        return self;
    }

    public void start(long time) {
        now = time;
        idle.activity(now); // the idle time counts from the start
        discovery.start(now);
        listener.onEvent(new ChatEvent.Ready(self()));
    }

    // ---- up: datagrams in ----

    /**
     * One datagram from the transport. {@code afterStall}: it waited in the socket while this process was
     * stalled, so the records it carries are not trusted to be still wanted (protocol.md 4.1).
     */
    public void onDatagram(ByteBuffer datagram, InetSocketAddress from, long time, boolean afterStall) {
        now = time;
        counters.datagramsIn++;
        counters.bytesIn += datagram.remaining();
        ByteBuffer frame = sessions.up(datagram, from);
        if (frame == null) {
            return; // the session layer took it (a handshake) or dropped it, and counted why
        }
        from = sessions.upSource();
        DecodeResult r = FrameCodec.decode(frame);
        if (!r.ok()) {
            counters.drop(r.dropped());
            return;
        }
        if (stopped) {
            return;
        }
        source = from;
        quarantined = afterStall;
        DropReason dropped = r.frame().accept(this);
        if (dropped != null) {
            counters.drop(dropped);
        }
    }

    /** The duty cycle found that this process stood still for a while (a pause, a stop signal, a long GC). */
    public void onStall(long time) {
        now = time;
        counters.stalls++;
        discovery.onStall(time);
        LOG.log(System.Logger.Level.DEBUG, "the event loop stood still; records read now are not trusted");
    }

    @Override
    public DropReason announcement(Announcement a) {
        return discovery.onAnnouncement(a, source.getAddress(), now);
    }

    @Override
    public DropReason goodbye(Goodbye g) {
        DropReason dropped = discovery.onGoodbye(g);
        if (dropped == DropReason.UNKNOWN_PEER) {
            Links.Entry away = links.remove(g.sender()); // a peer that timed out says goodbye after all
            if (away != null) {
                discovery.noteQuit(g.sender());
                retire(away.link(), "it left (quit)");
                return null;
            }
        }
        return dropped;
    }

    @Override
    public DropReason data(Data d) {
        Links.Entry e = admit(d.sender(), d.receiver());
        if (e == null) {
            return admissionDrop;
        }
        e.link().onData(d, now, quarantined);
        links.markActive(e);
        return null;
    }

    @Override
    public DropReason ack(Ack a) {
        Links.Entry e = admit(a.sender(), a.receiver());
        if (e == null) {
            return admissionDrop;
        }
        e.link().onAck(a.ack(), now);
        links.markActive(e);
        return null;
    }

    @Override
    public DropReason reset(Reset r) {
        Links.Entry e = admit(r.sender(), r.receiver());
        if (e == null) {
            return admissionDrop;
        }
        links.markActive(e);
        DropReason dropped = e.link().onReset(r);
        if (dropped == null) {
            LOG.log(System.Logger.Level.DEBUG, () -> r.sender() + " reset our stream " + r.epoch() + " (" + r.cause() + ")");
        }
        return dropped;
    }

    @Override
    public DropReason bulkData(BulkData d) {
        return admit(d.sender(), d.receiver()) == null ? admissionDrop : bulk.onData(d, now);
    }

    @Override
    public DropReason bulkAck(BulkAck a) {
        return admit(a.sender(), a.receiver()) == null ? admissionDrop : bulk.onAck(a, now);
    }

    @Override
    public DropReason bulkStop(BulkStop s) {
        return admit(s.sender(), s.receiver()) == null ? admissionDrop : bulk.onStop(s, now);
    }

    /** The bulk layer's frames go to the peer instance only while it is live (an away peer hears nothing). */
    private boolean sendBulk(PeerRef peer, Frame f) {
        Links.Entry e = links.live(peer.id());
        if (e == null || !e.peer().ref().equals(peer)) {
            return false;
        }
        out.to(e.peer().address(), f);
        return true;
    }

    /** Where file offers, answers and cancels go (FileTransfers); the chat never shows them. */
    interface FileBodies {
        void onBody(PeerInfo from, String senderKey, Body body);
    }

    private FileBodies fileBodies = (from, key, body) -> { };

    void fileBodies(FileBodies f) {
        fileBodies = f;
    }

    /** Told of every peer that joined or came back, after the PeerJoined event (FileTransfers resumes). */
    private java.util.function.Consumer<PeerInfo> joins = peer -> { };

    void onJoin(java.util.function.Consumer<PeerInfo> j) {
        joins = j;
    }

    ChatListener listener() {
        return listener;
    }

    /** Run at the end of every pass of the duty cycle, in the order added; loop thread only. */
    private final List<Runnable> passEnds = new ArrayList<>();

    /** From the next pass on, {@code hook} runs at the end of every pass (after its flush). Loop thread. */
    void afterEachPass(Runnable hook) {
        passEnds.add(hook);
    }

    /** The duty cycle's pass is over: what listeners collected during it goes on now, in one piece. */
    public void passEnded() {
        for (int i = 0; i < passEnds.size(); i++) {
            passEnds.get(i).run();
        }
    }

    /** The bulk transfers of this node; loop thread only. */
    public Transfers bulk() {
        return bulk;
    }

    /**
     * The link a unicast frame is for, or null with {@link #admissionDrop} set. A peer that timed out and
     * is heard again with the same incarnation comes back with its link as it was.
     */
    private Links.Entry admit(PeerRef sender, PeerRef receiver) {
        if (sender.id() == self.id()) {
            admissionDrop = DropReason.OWN_ID;
            return null;
        }
        if (!receiver.equals(self)) {
            admissionDrop = DropReason.NOT_FOR_ME;
            return null;
        }
        Peer known = discovery.table().get(sender.id());
        if (known == null) {
            Links.Entry away = links.peekAway(sender);
            if (away != null && discovery.readmit(away.peer(), now)) {
                return links.live(sender.id());
            }
        }
        Peer peer = discovery.heardFrom(sender, source, now);
        if (peer == null) {
            admissionDrop = discovery.rejection(sender);
            return null;
        }
        return links.live(sender.id());
    }

    // ---- timers and the down path ----

    public void onTimers(long time) {
        now = time;
        if (now >= sessions.nextDeadline()) {
            sessions.onTimer(now);
        }
        discovery.onTimer(now);
        links.forEachActive(e -> e.link().onTimer(now));
        if (ownPresence.tick(now)) {
            presenceChanged(); // nobody typed for the idle time
        }
        bulk.onTimer(now);
    }

    /** Sends what the links have ready: queued records, and acknowledgements that are due. */
    public void flush(long time) {
        now = time;
        if (!presenceOwed.isEmpty()) {
            sendOwedPresences();
        }
        links.forEachActive(e -> {
            if (e.link().wantsFlush(now)) {
                e.link().flush(now, frames);
                for (Frame f : frames) {
                    countStreamFrame(f);
                    out.to(e.peer().address(), f);
                }
                frames.clear();
            }
        });
        links.settleActive();
        bulk.flush(now); // after chat: a chat record never waits behind bulk data
    }

    private void countStreamFrame(Frame f) {
        if (f instanceof Data) {
            counters.dataOut++;
        } else if (f instanceof Ack) {
            counters.acksOut++;
        } else {
            counters.resetsOut++;
        }
    }

    /** The earliest time {@link #onTimers} or {@link #flush} has work to do. */
    public long nextDeadline() {
        return Math.min(Math.min(bulk.nextDeadline(), ownPresence.deadline()),
                Math.min(sessions.nextDeadline(), links.nextDeadline(discovery.nextDeadline())));
    }

    // ---- commands ----

    /** Sends {@code body} to every live peer under message id {@code id}. */
    public void sendToRoom(int id, Body body) {
        byte[] utf8 = BodyCodec.encode(body);
        List<Peer> recipients = new ArrayList<>(discovery.table().all());
        recipients.sort(Comparator.comparing(Peer::name));
        List<PeerInfo> infos = new ArrayList<>();
        for (Peer p : recipients) {
            Links.Entry e = links.live(p.ref().id());
            e.link().enqueue(id, true, utf8);
            links.markActive(e);
            infos.add(views.identity(p, now));
        }
        announceSent(id, true, infos, body);
    }

    /**
     * Sends to one peer instance, looked up by the caller in {@link #directory()}. If it has left since,
     * the message fails at once: every recipient gets an outcome.
     */
    public void sendTo(PeerInfo target, int id, Body body) {
        byte[] utf8 = BodyCodec.encode(body);
        Peer p = discovery.table().get(target.id());
        if (p == null || p.ref().incarnation() != target.incarnation()) {
            announceSent(id, false, List.of(target), body);
            listener.onEvent(new ChatEvent.Undelivered(Integer.toUnsignedLong(id), target, "it left", e2eIdOf(body)));
            pending.settle(id);
            return;
        }
        Links.Entry e = links.live(p.ref().id());
        e.link().enqueue(id, false, utf8);
        links.markActive(e);
        announceSent(id, false, List.of(views.identity(p, now)), body);
    }

    private void announceSent(int id, boolean room, List<PeerInfo> recipients, Body body) {
        counters.messagesOut++;
        listener.onEvent(new ChatEvent.MessageSent(Integer.toUnsignedLong(id), room, List.copyOf(recipients),
                textOf(body)));
        pending.expect(id, recipients.size(), e2eIdOf(body));
    }

    private static lanchat.message.MessageId e2eIdOf(Body body) {
        return body instanceof Text ? ((Text) body).id() : null;
    }

    private static Text textOf(Body body) {
        return body instanceof Text ? (Text) body : null;
    }

    public void rename(String newName) {
        String old = discovery.name();
        if (old.equals(newName)) {
            return;
        }
        discovery.rename(newName);
        publish();
        listener.onEvent(new ChatEvent.PeerRenamed(self(), old, true));
        reportDisplayChanges();
    }

    // ---- presence (protocol.md 4.8) ----

    /** The user chose a presence (/away, /busy, /back). */
    public void presence(lanchat.presence.Presence p) {
        if (ownPresence.set(p, now)) {
            presenceChanged();
        }
    }

    /** The user typed: an automatic away ends, and the idle time counts again. */
    public void activity() {
        if (ownPresence.activity(now)) {
            presenceChanged();
        }
    }

    /** True while our presence is an idle away; safe to read from any thread. */
    public boolean idleAway() {
        return idleAway;
    }

    /** The idle time before the automatic away, in ns; 0 turns it off. */
    public void autoAway(long idleNanos) {
        idle.idleTime(idleNanos);
    }

    /** Every live peer hears of our new presence; then the user does. */
    private void presenceChanged() {
        idleAway = ownPresence.current().automatic();
        for (Peer p : discovery.table().all()) {
            sendPresence(p);
        }
        listener.onEvent(new ChatEvent.PresenceChanged(self(), ownPresence.current(), true));
    }

    private void sendPresence(Peer peer) {
        sendOwn(peer.ref(), new PresenceBody(ownPresence.current()), Own.PRESENCE);
    }

    /** The node's message ids; the {@link ChatNode} sends through them too. */
    MessageIds messageIds() {
        return ids;
    }

    void autoReplies(java.util.function.Function<String, Text> f) {
        autoReplies = f;
    }

    /** A body the engine sends by itself to one peer instance; its outcome is no event and holds back nothing. */
    private void sendOwn(PeerRef to, Body body, Own what) {
        byte[] bytes = BodyCodec.encode(body);
        ids.send(id -> {
            Links.Entry e = links.live(to.id());
            if (stopped || e == null || !e.peer().ref().equals(to)) {
                return; // it left (or we stopped) before the message's turn came
            }
            ownMessages.put(id, what);
            e.link().enqueue(id, false, bytes);
            links.markActive(e);
        });
    }

    /**
     * The outcome of a message the engine sent by itself: nothing to report. A presence that failed to a
     * peer still in the table (its stream ran out of time) goes again, once, so that the peer does not keep
     * an old one; only once, because a peer that refuses it (a build without PRESENCE) would refuse it
     * forever, and each refusal would start the next one.
     * @return false if the message is not one of these
     */
    private boolean ownOutcome(int messageId, Peer peer, boolean delivered) {
        Own what = ownMessages.remove(messageId);
        if (what == null) {
            return false;
        }
        Links.Entry e = links.live(peer.ref().id());
        if (!delivered && what == Own.PRESENCE && e != null && e.peer().ref().equals(peer.ref())) {
            presenceOwed.add(peer.ref()); // not from inside the link that reports the failure: at the flush
        }
        return true;
    }

    /** Peers whose presence failed, to be sent again (once) at the next flush. */
    private final List<PeerRef> presenceOwed = new ArrayList<>();

    private void sendOwedPresences() {
        List<PeerRef> owed = new ArrayList<>(presenceOwed);
        presenceOwed.clear();
        for (PeerRef to : owed) {
            sendOwn(to, new PresenceBody(ownPresence.current()), Own.PRESENCE_AGAIN);
        }
    }

    /** A peer's PRESENCE body: it came in that peer's session, so it is that peer's to say. */
    private void presenceReceived(Peer peer, lanchat.presence.Presence p) {
        if (!presences.update(peer.ref(), p, ref -> liveLink(ref.id()) != null)) {
            return;
        }
        publish(); // the cached snapshots carry the presence
        listener.onEvent(new ChatEvent.PresenceChanged(views.identity(peer, now), p, false));
        reportDisplayChanges();
    }

    /** A direct line came while we are away or busy: answer it once per peer per away period. */
    private void maybeAutoReply(Peer peer, boolean room, boolean incomingIsAutoReply) {
        lanchat.presence.Presence own = ownPresence.current();
        if (!replies.shouldReply(own, peer.ref().id(), room, incomingIsAutoReply)) {
            return;
        }
        String text = lanchat.presence.AutoReplyPolicy.replyText(discovery.name(), own);
        Text reply = autoReplies.apply(text);
        sendOwn(peer.ref(), reply, Own.AUTO_REPLY);
        listener.onEvent(new ChatEvent.AutoReplySent(views.identity(peer, now), text, reply));
    }

    /** Messages still waiting for an outcome from at least one recipient. */
    public int awaitingOutcome() {
        return pending.size();
    }

    /** Fails what is still pending, says goodbye; the engine then ignores all input. */
    public void shutdown(long time) {
        now = time;
        stopped = true; // first: the failures below must not start presence messages again
        for (Links.Entry e : links.all()) {
            e.link().close("we stopped before it was confirmed");
        }
        discovery.goodbye();
    }

    // ---- snapshots ----

    public PeerInfo self() {
        return views.self();
    }

    public List<PeerInfo> peers() {
        return views.all(now);
    }

    /** The live peers as of the last join, leave or rename; safe to read from any thread. */
    public List<PeerInfo> directory() {
        return views.directory();
    }

    /** Bytes the receive side holds for all peers: at most the node's receive budget. */
    public long bufferedBytes() {
        return receiveBudget.used();
    }

    public Map<String, Long> counters() {
        Map<String, Long> snapshot = counters.snapshot();
        long retransmitted = counters.retiredRetransmitted;
        long duplicates = counters.retiredDuplicates;
        long doubled = counters.retiredDoubled;
        for (Links.Entry e : links.all()) {
            retransmitted += e.link().recordsRetransmitted();
            duplicates += e.link().duplicates();
            doubled += e.link().datagramsDoubled();
        }
        snapshot.put("records_retransmitted", retransmitted);
        snapshot.put("data_sent_twice", doubled);
        snapshot.put("records_duplicate", duplicates);
        snapshot.put("peers", (long) discovery.table().size());
        snapshot.put("peers_away", (long) (links.all().size() - links.liveCount()));
        snapshot.put("receive_buffered_bytes", receiveBudget.used());
        ackTiming.addTo(snapshot);
        bulk.addCounters(snapshot);
        sessions.addCounters(snapshot);
        return snapshot;
    }

    // ---- DiscoveryListener: membership changes ----

    @Override
    public void joined(Peer peer) {
        Links.Entry obsolete = links.dropAwayOtherThan(peer.ref());
        if (obsolete != null) {
            retire(obsolete.link(), "it restarted");
            bulk.peerGone(obsolete.peer().ref(), "it restarted");
        }
        Links.Entry back = links.takeAway(peer.ref());
        judge(peer);
        Links.Entry e = new Links.Entry(peer, back != null ? back.link() : newLink(peer));
        links.addLive(e);
        if (back != null) {
            back.link().cameBack(now);
            links.markActive(e);
        }
        publish();
        LOG.log(System.Logger.Level.DEBUG, () -> "peer " + peer.ref() + " " + (back != null ? "is back" : "joined")
                + " at " + peer.address());
        listener.onEvent(new ChatEvent.PeerJoined(views.info(peer, now)));
        presences.forgetOtherInstances(peer.ref());
        sendPresence(peer); // its session is up: it learns ours at once
        reportDisplayChanges();
        joins.accept(views.identity(peer, now));
    }

    @Override
    public void left(Peer peer, lanchat.membership.LeaveReason reason) {
        PeerInfo info = views.info(peer, now);
        Links.Entry gone = reason == lanchat.membership.LeaveReason.TIMEOUT ? links.sendAway(peer.ref())
                : links.remove(peer.ref());
        publish();
        LOG.log(System.Logger.Level.DEBUG, () -> "peer " + peer.ref() + " left (" + reason.label + ")"
                + (reason == lanchat.membership.LeaveReason.TIMEOUT ? "; its link waits in case it comes back" : ""));
        listener.onEvent(new ChatEvent.PeerLeft(info, LeaveReason.valueOf(reason.name()))); // first the leave
        if (reason != lanchat.membership.LeaveReason.TIMEOUT) {
            presences.forget(peer.ref()); // a peer that times out keeps it, in case it is heard again
        }
        reportDisplayChanges();
        if (reason != lanchat.membership.LeaveReason.TIMEOUT) {
            bulk.peerGone(peer.ref(), reason == lanchat.membership.LeaveReason.RESTARTED ? "it restarted" : "it left (quit)");
        }
        if (gone != null && reason != lanchat.membership.LeaveReason.TIMEOUT) {
            retire(gone.link(), reason == lanchat.membership.LeaveReason.RESTARTED ? "it restarted" : "it left (quit)");
        } else if (gone != null) {
            retire(gone.link(), "it left (timeout)"); // pushed out of the away links by newer ones
        }
    }

    @Override
    public void renamed(Peer peer, String oldName) {
        judge(peer);
        publish();
        listener.onEvent(new ChatEvent.PeerRenamed(views.info(peer, now), oldName, false));
        reportDisplayChanges();
    }

    /**
     * Rebuilds the snapshots after a change of the table. The events about peers whose display name changed
     * with it come after the event about the change itself, so callers publish first and report after.
     */
    private void publish() {
        pendingDisplayChanges.addAll(views.publish(now));
    }

    private void reportDisplayChanges() {
        for (Map.Entry<PeerInfo, String> c : pendingDisplayChanges) {
            listener.onEvent(new ChatEvent.DisplayNameChanged(c.getKey(), c.getValue()));
        }
        pendingDisplayChanges.clear();
    }

    /**
     * Compares the key {@code peer} proved with the one remembered for its name (trust on first use): a
     * first key is remembered, another key for a known name makes it a possible impostor.
     */
    private void judge(Peer peer) {
        byte[] key = sessions.staticKeyOf(peer.ref());
        if (key != null) {
            fingerprints.put(peer.ref(), lanchat.session.Fingerprints.of(key));
            keys.put(peer.ref(), java.util.HexFormat.of().formatHex(key));
            trust.put(peer.ref(), known.observe(peer.name(), key));
        }
    }

    /** The key facts of a live peer, or null when it has no session. */
    public Whois whois(PeerInfo target) {
        Peer p = discovery.table().get(target.id());
        byte[] key = p == null ? null : sessions.staticKeyOf(p.ref());
        byte[] ours = sessions.ourStaticKey();
        if (key == null || ours == null) {
            return null;
        }
        return new Whois(views.info(p, now), lanchat.session.Fingerprints.of(key),
                lanchat.session.SafetyNumber.of(ours, key), trust.getOrDefault(p.ref(), Trust.NEW));
    }

    /** The user compared the safety number with {@code target}: its key is now verified for its name. */
    public Whois verify(PeerInfo target) {
        Peer p = discovery.table().get(target.id());
        byte[] key = p == null ? null : sessions.staticKeyOf(p.ref());
        if (key == null) {
            return null;
        }
        known.verify(p.name(), key);
        trust.put(p.ref(), Trust.VERIFIED);
        publish();
        reportDisplayChanges();
        return whois(target);
    }

    /** A link is done for good: its messages fail, and its counters stay in the node's totals. */
    private void retire(Link link, String reason) {
        link.close(reason);
        counters.retiredRetransmitted += link.recordsRetransmitted();
        counters.retiredDuplicates += link.duplicates();
        counters.retiredDoubled += link.datagramsDoubled();
    }

    /** The hex of the identity key {@code peer} proved, or "" without a session (plaintext simulations). */
    String keyHex(Peer peer) {
        return keys.getOrDefault(peer.ref(), "");
    }

    /** The hex identity key of a peer instance, or "" when it has no session; safe from any thread. */
    public String keyOf(PeerInfo peer) {
        return keys.getOrDefault(new PeerRef(peer.id(), peer.incarnation()), "");
    }

    /** Our own identity key in hex, or "" without a session layer. */
    public String ownKey() {
        byte[] k = sessions.ourStaticKey();
        return k == null ? "" : java.util.HexFormat.of().formatHex(k);
    }

    private Link liveLink(long id) {
        Links.Entry e = links.live(id);
        return e == null ? null : e.link();
    }

    /** The peer as the table knows it now (a name may have changed), or as it was when the link began. */
    private Peer current(Peer original) {
        Links.Entry e = links.live(original.ref().id());
        return e != null && e.peer().ref().equals(original.ref()) ? e.peer() : original;
    }

    /** The link to a peer that just joined, reporting outcomes and messages as events about that peer. */
    private Link newLink(Peer peer) {
        Outcomes outcomes = new Outcomes() {
            @Override
            public void delivered(int messageId) {
                if (ownOutcome(messageId, current(peer), true)) {
                    return;
                }
                listener.onEvent(new ChatEvent.Delivered(Integer.toUnsignedLong(messageId),
                        views.identity(current(peer), now), pending.e2eId(messageId)));
                pending.settle(messageId);
            }

            @Override
            public void failed(int messageId, String reason) {
                if (ownOutcome(messageId, current(peer), false)) {
                    return;
                }
                listener.onEvent(new ChatEvent.Undelivered(Integer.toUnsignedLong(messageId),
                        views.identity(current(peer), now), reason, pending.e2eId(messageId)));
                pending.settle(messageId);
            }
        };
        MessageSink sink = new MessageSink() {
            @Override
            public String message(int messageId, boolean room, byte[] body) {
                Decoded d = BodyCodec.decode(body);
                if (!d.isOk()) {
                    return d.problem(); // the stream is refused from here (protocol.md 4.2)
                }
                counters.messagesIn++;
                if (d.body() instanceof Text) {
                    Text t = (Text) d.body();
                    listener.onEvent(new ChatEvent.MessageReceived(Integer.toUnsignedLong(messageId),
                            views.identity(current(peer), now), room, t.text(), t.id(), t.sentAtMillis(),
                            keyHex(peer), t.autoReply(), t.sentAgain()));
                    maybeAutoReply(current(peer), room, t.autoReply());
                } else if (d.body() instanceof PresenceBody) {
                    presenceReceived(current(peer), ((PresenceBody) d.body()).presence());
                } else {
                    fileBodies.onBody(views.identity(current(peer), now), keyHex(peer), d.body());
                }
                return null;
            }

            @Override
            public void discarded(DropReason reason, String detail) {
                counters.drop(reason);
            }
        };
        return new Link(self, peer.ref(), () -> nextEpoch++, streams, outcomes, sink, receiveBudget, ackTiming);
    }
}
