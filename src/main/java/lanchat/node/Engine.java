package lanchat.node;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;
import lanchat.membership.Discovery;
import lanchat.membership.DiscoveryListener;
import lanchat.membership.Peer;
import lanchat.reliable.Link;
import lanchat.reliable.MessageSink;
import lanchat.reliable.Outcomes;
import lanchat.transport.Transport;
import lanchat.wire.Ack;
import lanchat.wire.Announcement;
import lanchat.wire.Data;
import lanchat.wire.DecodeResult;
import lanchat.wire.DropReason;
import lanchat.wire.Frame;
import lanchat.wire.FrameCodec;
import lanchat.wire.Goodbye;
import lanchat.wire.PeerRef;

/**
 * All protocol state of one node. Single-threaded: only the event loop calls it, passing the time in.
 * Dispatches frames to discovery and to the per-peer links, and turns what they report into
 * {@link ChatEvent}s.
 */
public final class Engine implements DiscoveryListener {
    private final PeerRef self;
    private final ChatListener listener;
    private final Discovery discovery;
    private final long deliveryTimeout;
    private final Map<Long, Link> links = new HashMap<>();
    private final Counters counters = new Counters();
    private final FrameSender out;
    private final PendingOutcomes pending = new PendingOutcomes();
    private final PeerViews views;
    private final List<Frame> frames = new ArrayList<>();
    private int nextEpoch = 1;
    private long now;
    private boolean stopped;

    public Engine(NodeConfig config, PeerRef self, Transport transport, RandomGenerator random, ChatListener listener) {
        this.self = self;
        this.listener = listener;
        this.deliveryTimeout = config.deliveryTimeout().toNanos();
        this.out = new FrameSender(transport, counters);
        this.discovery = new Discovery(self, config.name(), transport.localAddress().getPort(),
                config.heartbeatInterval().toNanos(), (int) config.holdTime().toMillis(), random, out, this);
        this.views = new PeerViews(self, discovery, links, transport.localAddress());
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
        discovery.start(now);
        listener.onEvent(new ChatEvent.Ready(self()));
    }

    // ---- input ----

    public void onDatagram(ByteBuffer datagram, InetSocketAddress source, long time) {
        now = time;
        counters.datagramsIn++;
        counters.bytesIn += datagram.remaining();
        DecodeResult r = FrameCodec.decode(datagram);
        DropReason dropped = r.ok() ? dispatch(r.frame(), source) : r.dropped();
        if (dropped != null) {
            counters.drop(dropped);
        }
    }

    private DropReason dispatch(Frame frame, InetSocketAddress source) {
        if (stopped) {
            return null;
        }
        if (frame instanceof Announcement a) {
            return discovery.onAnnouncement(a, source.getAddress(), now);
        }
        if (frame instanceof Goodbye g) {
            return discovery.onGoodbye(g);
        }
        if (frame.sender().id() == self.id()) {
            return DropReason.OWN_ID;
        }
        PeerRef receiver = frame instanceof Data d ? d.receiver() : ((Ack) frame).receiver();
        if (!receiver.equals(self)) {
            return DropReason.NOT_FOR_ME;
        }
        Peer peer = discovery.heardFrom(frame.sender(), source, now);
        if (peer == null) {
            return discovery.rejection(frame.sender());
        }
        Link link = links.get(peer.ref().id());
        if (frame instanceof Data d) {
            link.onData(d, now);
        } else {
            link.onAck(((Ack) frame).ack(), now);
        }
        return null;
    }

    public void onTimers(long time) {
        now = time;
        discovery.onTimer(now);
        for (Link link : new ArrayList<>(links.values())) {
            link.onTimer(now);
        }
    }

    /** Sends what the links have ready: queued records, and acknowledgements that are due. */
    public void flush(long time) {
        now = time;
        for (Link link : links.values()) {
            if (link.wantsFlush(now)) {
                InetSocketAddress address = discovery.table().get(link.remote().id()).address();
                link.flush(now, frames);
                for (Frame f : frames) {
                    if (f instanceof Data) {
                        counters.dataOut++;
                    } else {
                        counters.acksOut++;
                    }
                    out.to(address, f);
                }
                frames.clear();
            }
        }
    }

    /** The earliest time {@link #onTimers} or {@link #flush} has work to do. */
    public long nextDeadline() {
        long next = discovery.nextDeadline();
        for (Link link : links.values()) {
            long d = link.nextDeadline();
            if (d >= 0) {
                next = Math.min(next, d);
            }
        }
        return next;
    }

    // ---- commands ----

    /** Sends to every live peer under message id {@code id}. */
    public void sendToRoom(int id, byte[] utf8) {
        List<Peer> recipients = new ArrayList<>(discovery.table().all());
        recipients.sort(Comparator.comparing(Peer::name));
        List<PeerInfo> infos = new ArrayList<>();
        for (Peer p : recipients) {
            links.get(p.ref().id()).enqueue(id, true, utf8);
            infos.add(views.identity(p, now));
        }
        announceSent(id, true, infos);
    }

    /**
     * Sends to one peer instance, looked up by the caller in {@link #directory()}. If it has left since,
     * the message fails at once: every recipient gets an outcome.
     */
    public void sendTo(PeerInfo target, int id, byte[] utf8) {
        Peer p = discovery.table().get(target.id());
        if (p == null || p.ref().incarnation() != target.incarnation()) {
            announceSent(id, false, List.of(target));
            listener.onEvent(new ChatEvent.Undelivered(Integer.toUnsignedLong(id), target, "it left"));
            pending.settle(id);
            return;
        }
        links.get(p.ref().id()).enqueue(id, false, utf8);
        announceSent(id, false, List.of(views.identity(p, now)));
    }

    private void announceSent(int id, boolean room, List<PeerInfo> recipients) {
        counters.messagesOut++;
        listener.onEvent(new ChatEvent.MessageSent(Integer.toUnsignedLong(id), room, List.copyOf(recipients)));
        pending.expect(id, recipients.size());
    }

    public void rename(String newName) {
        String old = discovery.name();
        if (old.equals(newName)) {
            return;
        }
        discovery.rename(newName);
        views.publish(now);
        listener.onEvent(new ChatEvent.PeerRenamed(self(), old, true));
    }

    /** Messages still waiting for an outcome from at least one recipient. */
    public int awaitingOutcome() {
        return pending.size();
    }

    /** Fails what is still pending, says goodbye; the engine then ignores all input. */
    public void shutdown(long time) {
        now = time;
        for (Link link : links.values()) {
            link.close("we stopped before it was confirmed");
        }
        discovery.goodbye();
        stopped = true;
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

    public Map<String, Long> counters() {
        Map<String, Long> snapshot = counters.snapshot();
        long retransmitted = 0;
        long duplicates = 0;
        for (Link l : links.values()) {
            retransmitted += l.recordsRetransmitted();
            duplicates += l.duplicates();
        }
        snapshot.put("records_retransmitted", retransmitted);
        snapshot.put("records_duplicate", duplicates);
        snapshot.put("peers", (long) discovery.table().size());
        return snapshot;
    }

    // ---- DiscoveryListener ----

    @Override
    public void joined(Peer peer) {
        links.put(peer.ref().id(), newLink(peer));
        views.publish(now);
        listener.onEvent(new ChatEvent.PeerJoined(views.info(peer, now)));
    }

    @Override
    public void left(Peer peer, lanchat.membership.LeaveReason reason) {
        PeerInfo info = views.info(peer, now);
        Link link = links.remove(peer.ref().id());
        views.publish(now);
        listener.onEvent(new ChatEvent.PeerLeft(info, LeaveReason.valueOf(reason.name()))); // first the leave, then what it costs
        if (link != null) {
            link.close(reason == lanchat.membership.LeaveReason.RESTARTED ? "it restarted" : "it left (" + reason.label + ")");
        }
    }

    @Override
    public void renamed(Peer peer, String oldName) {
        views.publish(now);
        listener.onEvent(new ChatEvent.PeerRenamed(views.info(peer, now), oldName, false));
    }

    /** The link to a peer that just joined, reporting outcomes and messages as events about that peer. */
    private Link newLink(Peer peer) {
        Outcomes outcomes = new Outcomes() {
            @Override
            public void delivered(int messageId) {
                listener.onEvent(new ChatEvent.Delivered(Integer.toUnsignedLong(messageId), views.identity(peer, now)));
                pending.settle(messageId);
            }

            @Override
            public void failed(int messageId, String reason) {
                listener.onEvent(new ChatEvent.Undelivered(Integer.toUnsignedLong(messageId),
                        views.identity(peer, now), reason));
                pending.settle(messageId);
            }
        };
        MessageSink sink = new MessageSink() {
            @Override
            public void message(int messageId, boolean room, byte[] utf8) {
                counters.messagesIn++;
                String text = new String(utf8, StandardCharsets.UTF_8); // malformed input becomes U+FFFD
                listener.onEvent(new ChatEvent.MessageReceived(Integer.toUnsignedLong(messageId),
                        views.identity(peer, now), room, text));
            }

            @Override
            public void discarded(DropReason reason, String detail) {
                counters.drop(reason);
            }
        };
        return new Link(self, peer.ref(), () -> nextEpoch++, deliveryTimeout, outcomes, sink);
    }
}
