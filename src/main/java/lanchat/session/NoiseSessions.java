package lanchat.session;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import java.util.random.RandomGenerator;
import lanchat.session.noise.EphemeralKeys;
import lanchat.session.noise.HandshakeState;
import lanchat.session.noise.NoiseException;
import lanchat.session.noise.NoiseProtocol;
import lanchat.session.noise.TransportKeys;
import lanchat.transport.Transport;
import lanchat.wire.Announcement;
import lanchat.wire.DecodeResult;
import lanchat.wire.FrameCodec;
import lanchat.wire.FrameType;
import lanchat.wire.PeerRef;
import lanchat.wire.Wire;

/**
 * Authenticated, encrypted sessions between peers (protocol.md 6): a Noise XX handshake per pair of peer
 * instances, then every unicast frame sealed with AES-GCM under the session's keys. Framing above sees
 * only frames whose sender completed a handshake: an announcement is a hint that starts one, and what a
 * peer is called, where it is and how long it may stay silent come from its handshake and its sealed
 * frames. Loop thread only; time comes from the injected clock.
 */
public final class NoiseSessions implements SessionLayer {
    static final NoiseProtocol PROTOCOL = NoiseProtocol.parse("Noise_XX_25519_AESGCM_SHA256");
    static final byte[] PROLOGUE = "lanchat v3".getBytes(StandardCharsets.US_ASCII);
    /** Handshakes under way at once, and from one IP address: the state an unauthenticated sender gets. */
    static final int MAX_PENDING = 64;
    static final int MAX_PENDING_PER_ADDRESS = 4;
    static final int MAX_SESSIONS = 1_024;
    /** From this many handshakes under way on, first messages need a cookie (protocol.md 6.6). */
    static final int PENDING_FOR_LOAD = MAX_PENDING * 3 / 4;
    /** Cookies this node holds for the responders that sent them, and for how long it uses one. */
    static final int HELD_COOKIES = 64;
    static final long HELD_COOKIE_NANOS = 120_000_000_000L;
    static final long SESSION_IDLE_NANOS = 300_000_000_000L;
    private static final long SWEEP_NANOS = 10_000_000_000L;
    private static final long SECOND = 1_000_000_000L;

    private final Identity identity;
    private final PeerRef self;
    private final Transport transport;
    private final lanchat.node.Clock clock;
    private final RandomGenerator random;
    private final EphemeralKeys ephemerals;
    private final RekeyPolicy rekey;
    private final Map<PeerRef, Session> byPeer = new HashMap<>();
    private final Map<Integer, Session> byIndex = new HashMap<>();
    private final Map<InetSocketAddress, Session> byAddress = new HashMap<>();
    private final Map<Long, Session> byId = new HashMap<>();
    /** Our sessions whose responder has not been heard under the new keys yet: HS3 goes again for them. */
    private final java.util.Set<Session> unconfirmed = new java.util.LinkedHashSet<>();
    private final Map<Integer, PendingHandshake> pendingByIndex = new HashMap<>();
    private final Map<PeerRef, PendingHandshake> pendingByPeer = new HashMap<>();
    private final HandshakeAdmission admission = new HandshakeAdmission();
    private final Cookies cookies;
    /** Cookies responders under load gave us, by their address, with when: HS1s to them carry MAC2. */
    private final Map<InetSocketAddress, HeldCookie> heldCookies = new java.util.LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<InetSocketAddress, HeldCookie> eldest) {
            return size() > HELD_COOKIES;
        }
    };
    private final SessionCounters counters = new SessionCounters();
    private final byte[] work = new byte[Wire.MAX_UDP_PAYLOAD + 1];
    private final byte[] outgoing = new byte[Wire.MAX_BULK_DATAGRAM];
    private final ByteBuffer announcementOut = ByteBuffer.allocate(Wire.MAX_SEND_DATAGRAM);
    /** Where the announcements handed up are written: one per heartbeat heard, so never a new buffer. */
    private InetSocketAddress source;
    private String name;
    private int port;
    private int holdMillis;
    private long nextSweep;

    public NoiseSessions(Identity identity, PeerRef self, Transport transport, lanchat.node.Clock clock,
            RandomGenerator random, EphemeralKeys ephemerals, RekeyPolicy rekey) {
        if (identity.peerId() != self.id()) {
            throw new IllegalArgumentException("the peer id must be the identity's");
        }
        this.identity = identity;
        this.self = self;
        this.transport = transport;
        this.clock = clock;
        this.random = random;
        this.ephemerals = ephemerals;
        this.rekey = rekey;
        this.cookies = new Cookies(ephemerals::nextPrivateKey);
        this.nextSweep = clock.nanoTime() + SWEEP_NANOS;
    }

    /**
     * For the doctor: the sender of {@code d} when it is a handshake's first message (HS1) for {@code to},
     * which is how a peer answers an announcement; else null. Reads the layout only.
     */
    public static PeerRef handshakeStarter(ByteBuffer d, PeerRef to) {
        if (SessionFrames.type(d) != SessionFrames.HS1 || d.remaining() != SessionFrames.HS1_BYTES
                || !to.equals(SessionFrames.receiver(d))) {
            return null;
        }
        return SessionFrames.sender(d);
    }

    // ---- up ----

    @Override
    public ByteBuffer up(ByteBuffer d, InetSocketAddress from) {
        long now = clock.nanoTime();
        source = from;
        int type = SessionFrames.type(d);
        if (d.remaining() > Wire.MAX_RECEIVE_DATAGRAM && type != SessionFrames.SEALED) {
            return d; // only sealed bulk data may be larger: framing drops it, counted too large
        }
        switch (type) {
            case SessionFrames.HS1:
                onFirst(d, from, now);
                return null;
            case SessionFrames.HS2:
                return onSecond(d, from, now);
            case SessionFrames.HS3:
                return onThird(d, from, now);
            case SessionFrames.SEALED:
                return onSealed(d, from, now);
            case SessionFrames.COOKIE:
                onCookie(d, from, now);
                return null;
            case 0x01, 0x02:
                return onAnnouncement(d, from, now);
            case 0x03, 0x10, 0x11, 0x12, 0x20, 0x21, 0x22:
                counters.drop(SessionCounters.Drop.UNSEALED); // a stream frame or goodbye must come sealed
                return null;
            default:
                return d; // not this layer's: framing judges it and counts why it drops it
        }
    }

    @Override
    public InetSocketAddress upSource() {
        return source;
    }

    /** HS1, "-> e": a peer starts a handshake with us; we answer with HS2 and keep a bounded state. */
    private void onFirst(ByteBuffer d, InetSocketAddress from, long now) {
        PeerRef sender = SessionFrames.sender(d);
        PeerRef receiver = SessionFrames.receiver(d);
        if (d.remaining() != SessionFrames.HS1_BYTES || sender == null || !self.equals(receiver)
                || sender.id() == self.id()) {
            counters.drop(SessionCounters.Drop.MALFORMED_HANDSHAKE);
            return;
        }
        int theirIndex = SessionFrames.senderIndex(d);
        PendingHandshake earlier = pendingByPeer.get(sender);
        if (earlier != null && !earlier.initiator && earlier.remoteIndex == theirIndex && earlier.retry != null) {
            transport.send(earlier.retry.datagram.duplicate(), from); // HS2 was lost: the same answer again
            return;
        }
        if (earlier != null && earlier.initiator) {
            if (Long.compareUnsigned(self.id(), sender.id()) < 0) {
                counters.drop(SessionCounters.Drop.CROSSED); // both started: the smaller id's handshake goes on
                return;
            }
            forget(earlier);
        }
        if (name == null) {
            return;
        }
        boolean proven = false;
        if (admission.underLoad(now, pendingByIndex.size() >= PENDING_FOR_LOAD)) {
            proven = carriesCookie(d, from, now);
            if (!proven) {
                replyWithCookie(sender, theirIndex, from, now);
                return;
            }
        }
        if (!admitAnswer(from, proven, now)) {
            return;
        }
        long computing = clock.nanoTime();
        HandshakeState noise = HandshakeState.responder(PROTOCOL, PROLOGUE, identity.keys(), null, ephemerals);
        try {
            noise.readMessage(SessionFrames.noise(d, SessionFrames.HS1));
            byte[] hs2 = noise.writeMessage(ourPayload(sender));
            counters.computed(clock.nanoTime() - computing);
            PendingHandshake p = new PendingHandshake(false, noise, sender, from, newIndex(), now);
            p.remoteIndex = theirIndex;
            ByteBuffer datagram = SessionFrames.handshake(SessionFrames.HS2, self, sender, p.localIndex, theirIndex, hs2);
            p.retry = new PendingHandshake.Retry(datagram, from, now);
            p.retry.tries = PendingHandshake.Retry.MAX_TRIES; // answers are not repeated on a timer, only on a repeat
            remember(p);
            transport.send(datagram.duplicate(), from);
        } catch (NoiseException e) {
            counters.drop(SessionCounters.Drop.BAD_HANDSHAKE);
        }
    }

    /** HS2, "<- e, ee, s, es": the answer to our HS1; we finish with HS3 and the session starts. */
    private ByteBuffer onSecond(ByteBuffer d, InetSocketAddress from, long now) {
        PendingHandshake p = d.remaining() > SessionFrames.HS23_FIXED
                ? pendingByIndex.get(SessionFrames.receiverIndex(d)) : null;
        PeerRef sender = SessionFrames.sender(d);
        if (p == null || !p.initiator || !p.peer.equals(sender) || !self.equals(SessionFrames.receiver(d))
                || !p.address.equals(from)) {
            counters.drop(SessionCounters.Drop.UNEXPECTED_HANDSHAKE);
            return null;
        }
        long computing = clock.nanoTime();
        try {
            HandshakePayload said = HandshakePayload.decode(p.noise.readMessage(SessionFrames.noise(d, SessionFrames.HS2)));
            if (!authentic(p.noise, sender, said)) {
                forget(p);
                return null;
            }
            byte[] hs3 = p.noise.writeMessage(ourPayload(sender));
            TransportKeys keys = p.noise.split();
            counters.computed(clock.nanoTime() - computing);
            int theirIndex = SessionFrames.senderIndex(d);
            ByteBuffer datagram = SessionFrames.handshake(SessionFrames.HS3, self, sender, p.localIndex, theirIndex, hs3);
            forget(p);
            Session s = establish(p, theirIndex, keys, said, now);
            s.hs3 = new PendingHandshake.Retry(datagram, from, now);
            unconfirmed.add(s);
            transport.send(datagram.duplicate(), from);
            return announce(s, FrameType.HELLO);
        } catch (NoiseException e) {
            counters.drop(SessionCounters.Drop.BAD_HANDSHAKE);
            forget(p); // a failed read ends a Noise handshake; the next announcement starts another
            return null;
        }
    }

    /** HS3, "-> s, se": the initiator's identity; our side of the session starts. */
    private ByteBuffer onThird(ByteBuffer d, InetSocketAddress from, long now) {
        int ourIndex = d.remaining() > SessionFrames.HS23_FIXED ? SessionFrames.receiverIndex(d) : 0;
        PendingHandshake p = pendingByIndex.get(ourIndex);
        PeerRef sender = SessionFrames.sender(d);
        if (p == null) {
            Session done = byIndex.get(ourIndex);
            if (done != null && done.peer.equals(sender) && !done.initiator) {
                confirm(done); // our confirmation was lost: the initiator repeats HS3
            } else {
                counters.drop(SessionCounters.Drop.UNEXPECTED_HANDSHAKE);
            }
            return null;
        }
        if (p.initiator || !p.peer.equals(sender) || !p.address.equals(from)) {
            counters.drop(SessionCounters.Drop.UNEXPECTED_HANDSHAKE);
            return null;
        }
        long computing = clock.nanoTime();
        try {
            HandshakePayload said = HandshakePayload.decode(p.noise.readMessage(SessionFrames.noise(d, SessionFrames.HS3)));
            forget(p);
            if (!authentic(p.noise, sender, said)) {
                return null;
            }
            TransportKeys keys = p.noise.split();
            counters.computed(clock.nanoTime() - computing);
            Session s = establish(p, p.remoteIndex, keys, said, now);
            confirm(s);
            return announce(s, FrameType.HELLO);
        } catch (NoiseException e) {
            counters.drop(SessionCounters.Drop.BAD_HANDSHAKE);
            forget(p);
            return null;
        }
    }

    /**
     * The peer's static key must be the one its id comes from, and what it says encrypted must match the
     * cleartext header: its incarnation, and us as the instance it means.
     */
    private boolean authentic(HandshakeState noise, PeerRef sender, HandshakePayload said) {
        if (Identity.peerIdOf(noise.remoteStatic()) != sender.id()) {
            counters.drop(SessionCounters.Drop.KEY_NOT_ID);
            return false;
        }
        if (said == null || said.incarnation() != sender.incarnation() || said.peerId() != self.id()
                || said.peerIncarnation() != self.incarnation()) {
            counters.drop(SessionCounters.Drop.BAD_HANDSHAKE);
            return false;
        }
        return true;
    }

    private ByteBuffer onSealed(ByteBuffer d, InetSocketAddress from, long now) {
        Session s = d.remaining() >= SessionFrames.SEALED_OVERHEAD ? byIndex.get(SessionFrames.sealedIndex(d)) : null;
        if (s == null || !s.peer.equals(SessionFrames.sender(d))) {
            counters.drop(SessionCounters.Drop.UNKNOWN_SESSION);
            return null;
        }
        int length = d.remaining();
        d.duplicate().get(work, 0, length);
        int n = s.opener.open(work, 0, length, SessionFrames.SEALED_AD);
        if (n < 0) {
            counters.rejected(s.opener.lastRejection());
            return null;
        }
        ByteBuffer inner = ByteBuffer.wrap(work, Envelope.payloadOffset(SessionFrames.SEALED_AD), n).slice();
        int innerType = SessionFrames.type(inner);
        if (!s.peer.equals(innerType < 0 ? null : SessionFrames.sender(inner)) || !carriedSealed(innerType)) {
            counters.drop(SessionCounters.Drop.WRONG_INNER_FRAME);
            return null;
        }
        counters.opened++;
        s.lastHeard = now;
        if (!s.confirmed) {
            s.confirmed = true;
            s.hs3 = null;
            unconfirmed.remove(s);
        }
        if (!from.equals(s.address)) {
            byAddress.remove(s.address, s); // it moved: an authenticated frame says so
            s.address = from;
            byAddress.put(from, s);
        }
        if (innerType == 0x01 || innerType == 0x02) {
            learn(s, inner);
        }
        source = s.address;
        return inner;
    }

    private static boolean carriedSealed(int type) {
        return type == 0x01 || type == 0x02 || type == 0x03 || type == 0x10 || type == 0x11 || type == 0x12
                || type == 0x20 || type == 0x21 || type == 0x22; // bulk frames (protocol.md 8)
    }

    /** A sealed announcement: the peer's own word for its name, port and hold time (a rename, typically). */
    private void learn(Session s, ByteBuffer inner) {
        DecodeResult r = FrameCodec.decode(inner.duplicate());
        if (r.ok() && r.frame() instanceof Announcement a && a.holdMillis() >= HandshakePayload.MIN_HOLD_MILLIS
                && a.holdMillis() <= HandshakePayload.MAX_HOLD_MILLIS) {
            s.said(a.name(), a.port(), a.holdMillis());
        }
    }

    /**
     * A cleartext announcement is a hint (protocol.md 6.1): from a peer with a session at that address it
     * refreshes it, as the session knows it; from anyone else it starts a handshake, and goes no further.
     */
    private ByteBuffer onAnnouncement(ByteBuffer d, InetSocketAddress from, long now) {
        DecodeResult r = FrameCodec.decode(d.duplicate());
        if (!r.ok()) {
            return d; // framing counts why
        }
        Announcement a = (Announcement) r.frame();
        if (a.sender().id() == self.id()) {
            return d; // our own, looped back: framing's membership drops it as such
        }
        InetSocketAddress at = new InetSocketAddress(from.getAddress(), a.port());
        Session s = byPeer.get(a.sender());
        if (s != null && s.address.equals(at)) {
            return announce(s, a.type());
        }
        counters.hints++;
        start(a.sender(), at, now);
        return null;
    }

    /** Starts a handshake as initiator with {@code peer} at {@code at}, unless one is under way or limits say no. */
    private void start(PeerRef peer, InetSocketAddress at, long now) {
        if (pendingByPeer.containsKey(peer) || name == null) {
            return;
        }
        Session current = sessionOfId(peer.id());
        if (current != null && current.peer.incarnation() > peer.incarnation()) {
            counters.drop(SessionCounters.Drop.STALE_HINT);
            return;
        }
        if (!admitStart(at, now)) {
            return;
        }
        long computing = clock.nanoTime();
        HandshakeState noise = HandshakeState.initiator(PROTOCOL, PROLOGUE, identity.keys(), null, ephemerals);
        byte[] hs1 = noise.writeMessage(new byte[0]);
        counters.computed(clock.nanoTime() - computing);
        PendingHandshake p = new PendingHandshake(true, noise, peer, at, newIndex(), now);
        ByteBuffer datagram = SessionFrames.handshake(SessionFrames.HS1, self, peer, p.localIndex, 0, hs1);
        HeldCookie held = heldCookies.get(at);
        if (held != null && now - held.since < HELD_COOKIE_NANOS) {
            SessionFrames.putMac2(datagram, held.cookie); // it was under load lately: prove our address at once
        }
        p.retry = new PendingHandshake.Retry(datagram, at, now);
        remember(p);
        counters.started++;
        transport.send(datagram.duplicate(), at);
    }

    /** The table and rate limits for starting a handshake (protocol.md 6.4); counts a refusal. */
    private boolean admitStart(InetSocketAddress at, long now) {
        if (pendingByIndex.size() >= MAX_PENDING || pendingFrom(at.getAddress()) >= MAX_PENDING_PER_ADDRESS) {
            counters.drop(SessionCounters.Drop.PENDING_FULL);
            return false;
        }
        if (!admission.start(now)) {
            counters.drop(SessionCounters.Drop.RATE_LIMITED);
            return false;
        }
        return true;
    }

    /**
     * The table and rate limits for answering a first message. One whose sender proved its address with a
     * cookie may take the place of the oldest handshake we started on a hint: hints can be forged from
     * any address, a proven address cannot.
     */
    private boolean admitAnswer(InetSocketAddress from, boolean proven, long now) {
        if (pendingFrom(from.getAddress()) >= MAX_PENDING_PER_ADDRESS) {
            counters.drop(SessionCounters.Drop.PENDING_FULL);
            return false;
        }
        if (pendingByIndex.size() >= MAX_PENDING) {
            PendingHandshake oldest = proven ? oldestStarted() : null;
            if (oldest == null) {
                counters.drop(SessionCounters.Drop.PENDING_FULL);
                return false;
            }
            forget(oldest);
        }
        if (!admission.answer(from.getAddress(), proven, now)) {
            counters.drop(SessionCounters.Drop.RATE_LIMITED);
            return false;
        }
        return true;
    }

    private PendingHandshake oldestStarted() {
        PendingHandshake oldest = null;
        for (PendingHandshake p : pendingByIndex.values()) {
            if (p.initiator && (oldest == null || p.started < oldest.started)) {
                oldest = p;
            }
        }
        return oldest;
    }

    // ---- cookies (protocol.md 6.6) ----

    private record HeldCookie(byte[] cookie, long since) {}

    /** Whether an HS1 carries MAC2 under the cookie of its source address. */
    private boolean carriesCookie(ByteBuffer d, InetSocketAddress from, long now) {
        byte[] all = SessionFrames.bytes(d);
        byte[] mac = java.util.Arrays.copyOfRange(all, SessionFrames.HS1_MACED, SessionFrames.HS1_BYTES);
        return !java.util.Arrays.equals(mac, new byte[Cookies.BYTES])
                && cookies.verifies(all, SessionFrames.HS1_MACED, mac, from, now);
    }

    /** Under load: the HS1 is not worked on; its sender gets the cookie of its address instead (no state kept). */
    private void replyWithCookie(PeerRef sender, int theirIndex, InetSocketAddress from, long now) {
        if (!admission.cookieReply(now)) {
            counters.drop(SessionCounters.Drop.RATE_LIMITED);
            return;
        }
        counters.cookieReplies++;
        transport.send(SessionFrames.cookieReply(self, sender, theirIndex, cookies.cookieFor(from, now)), from);
    }

    /** A responder under load answered our HS1 with a cookie: the HS1 goes again at once, with MAC2. */
    private void onCookie(ByteBuffer d, InetSocketAddress from, long now) {
        PendingHandshake p = d.remaining() == SessionFrames.COOKIE_BYTES
                ? pendingByIndex.get(SessionFrames.cookieIndex(d)) : null;
        if (p == null || !p.initiator || p.cookied || !p.peer.equals(SessionFrames.sender(d))
                || !self.equals(SessionFrames.receiver(d)) || !p.address.equals(from)) {
            counters.drop(SessionCounters.Drop.UNEXPECTED_HANDSHAKE);
            return;
        }
        byte[] cookie = SessionFrames.cookie(d);
        p.cookied = true; // one cookie per handshake: a cookie reply can never make us send more than once
        heldCookies.put(from, new HeldCookie(cookie, now));
        SessionFrames.putMac2(p.retry.datagram, cookie);
        counters.cookiesTaken++;
        transport.send(p.retry.datagram.duplicate(), from);
    }

    private int pendingFrom(InetAddress address) {
        int n = 0;
        for (PendingHandshake p : pendingByIndex.values()) {
            if (p.address.getAddress().equals(address)) {
                n++;
            }
        }
        return n;
    }

    private Session establish(PendingHandshake p, int remoteIndex, TransportKeys keys, HandshakePayload said,
            long now) {
        Session old = sessionOfId(p.peer.id());
        if (old != null) {
            drop(old); // a new handshake replaces the session of the same id (a restart, or keys lost)
        }
        if (byPeer.size() >= MAX_SESSIONS) {
            drop(oldestSession());
        }
        Session s = new Session(p.peer, p.localIndex, remoteIndex, new EnvelopeSealer(keys.send(), rekey, now),
                new EnvelopeOpener(keys.receive()), p.initiator, p.address, said, p.noise.remoteStatic(), now);
        Session atAddress = byAddress.get(s.address);
        if (atAddress != null) {
            drop(atAddress); // another instance was at this address before: it is gone
        }
        byPeer.put(s.peer, s);
        byId.put(s.peer.id(), s);
        byIndex.put(s.localIndex, s);
        byAddress.put(s.address, s);
        counters.completed++;
        return s;
    }

    /** The responder says it is there under the new keys: a sealed heartbeat of ours. */
    private void confirm(Session s) {
        if (name == null) {
            return;
        }
        announcementOut.clear();
        FrameCodec.encode(Announcement.heartbeat(self, port, holdMillis, name), announcementOut);
        seal(s, announcementOut.flip());
    }

    /** An announcement of {@code s}'s peer as its session knows it, for framing above. */
    private ByteBuffer announce(Session s, FrameType type) {
        source = s.address;
        return s.announcement(type);
    }

    private byte[] ourPayload(PeerRef to) {
        return new HandshakePayload(self.incarnation(), to.id(), to.incarnation(), port, holdMillis, name).encode();
    }

    // ---- down ----

    @Override
    public boolean send(ByteBuffer frame, InetSocketAddress to) {
        Session s = byAddress.get(to);
        if (s == null) {
            counters.drop(SessionCounters.Drop.NO_SESSION_OUT);
            return false;
        }
        return seal(s, frame);
    }

    private boolean seal(Session s, ByteBuffer frame) {
        int length = frame.remaining();
        boolean bulk = SessionFrames.type(frame) == FrameType.BULK_DATA.code;
        int limit = bulk ? Wire.MAX_BULK_FRAME_BYTES : Wire.MAX_FRAME_BYTES; // only bulk data may be larger
        if (length > limit) {
            throw new IllegalArgumentException("a frame of " + length + " bytes does not fit a sealed datagram");
        }
        ByteBuffer header = ByteBuffer.wrap(outgoing);
        SessionFrames.header(header, SessionFrames.SEALED, self);
        header.putInt(s.remoteIndex);
        frame.duplicate().get(outgoing, Envelope.payloadOffset(SessionFrames.SEALED_AD), length);
        int n = s.sealer.seal(outgoing, 0, SessionFrames.SEALED_AD, length, clock.nanoTime());
        counters.sealed++;
        return transport.send(ByteBuffer.wrap(outgoing, 0, n), s.address);
    }

    /**
     * Announcements go out in the clear, as hints; this layer learns from them what to say in handshakes,
     * and a new name is also told sealed to every peer with a session, which is where names count. A
     * multicast GOODBYE is not sent: anyone could forge one; each peer gets it sealed instead.
     */
    @Override
    public boolean sendToGroup(ByteBuffer frame) {
        int type = SessionFrames.type(frame);
        if (type == 0x03) {
            return true;
        }
        if (type == 0x01 || type == 0x02) {
            DecodeResult r = FrameCodec.decode(frame.duplicate());
            if (r.ok() && r.frame() instanceof Announcement a) {
                boolean renamed = name != null && !name.equals(a.name());
                name = a.name();
                port = a.port();
                holdMillis = Math.max(HandshakePayload.MIN_HOLD_MILLIS, Math.min(HandshakePayload.MAX_HOLD_MILLIS,
                        a.holdMillis()));
                if (renamed) {
                    for (Session s : new ArrayList<>(byPeer.values())) {
                        seal(s, frame.duplicate());
                    }
                }
            }
        }
        return transport.sendToGroup(frame);
    }

    // ---- timers ----

    @Override
    public void onTimer(long now) {
        for (PendingHandshake p : new ArrayList<>(pendingByIndex.values())) {
            if (p.initiator && now >= p.retry.due) {
                if (p.retry.again(now)) {
                    transport.send(p.retry.datagram.duplicate(), p.retry.to);
                } else {
                    counters.failed++;
                    forget(p);
                }
            } else if (!p.initiator && now - p.retry.due > 5 * SECOND) {
                forget(p); // an answer never finished: its state goes
            }
        }
        for (Session s : new ArrayList<>(unconfirmed)) {
            if (now >= s.hs3.due) {
                if (s.hs3.again(now)) {
                    transport.send(s.hs3.datagram.duplicate(), s.hs3.to);
                } else {
                    s.hs3 = null;
                    unconfirmed.remove(s);
                }
            }
        }
        if (now >= nextSweep) {
            nextSweep = now + SWEEP_NANOS;
            for (Session s : new ArrayList<>(byPeer.values())) {
                if (now - s.lastHeard > SESSION_IDLE_NANOS) {
                    drop(s);
                }
            }
        }
    }

    @Override
    public long nextDeadline() {
        long next = nextSweep;
        for (PendingHandshake p : pendingByIndex.values()) {
            next = Math.min(next, p.initiator ? p.retry.due : p.retry.due + 5 * SECOND + 1);
        }
        for (Session s : unconfirmed) {
            next = Math.min(next, s.hs3.due);
        }
        return next;
    }

    // ---- tables ----

    private int newIndex() {
        int i;
        do {
            i = random.nextInt();
        } while (i == 0 || byIndex.containsKey(i) || pendingByIndex.containsKey(i));
        return i;
    }

    private void remember(PendingHandshake p) {
        pendingByIndex.put(p.localIndex, p);
        pendingByPeer.put(p.peer, p);
    }

    private void forget(PendingHandshake p) {
        pendingByIndex.remove(p.localIndex, p);
        pendingByPeer.remove(p.peer, p);
    }

    private Session sessionOfId(long id) {
        return byId.get(id);
    }

    private Session oldestSession() {
        Session oldest = null;
        for (Session s : byPeer.values()) {
            if (oldest == null || s.lastHeard < oldest.lastHeard) {
                oldest = s;
            }
        }
        return oldest;
    }

    private void drop(Session s) {
        unconfirmed.remove(s);
        byId.remove(s.peer.id(), s);
        byPeer.remove(s.peer, s);
        byIndex.remove(s.localIndex, s);
        byAddress.remove(s.address, s);
    }

    @Override
    public byte[] staticKeyOf(PeerRef peer) {
        Session s = byPeer.get(peer);
        return s == null ? null : s.staticKey.clone();
    }

    @Override
    public byte[] ourStaticKey() {
        return identity.publicKey();
    }

    @Override
    public void addCounters(Map<String, Long> out) {
        counters.addTo(out);
        out.put("sessions", (long) byPeer.size());
        out.put("session_handshakes_pending", (long) pendingByIndex.size());
    }
}
