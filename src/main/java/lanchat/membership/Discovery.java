package lanchat.membership;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;
import lanchat.wire.Announcement;
import lanchat.wire.DropReason;
import lanchat.wire.Goodbye;
import lanchat.wire.PeerRef;

/**
 * Announcements, answers, heartbeats, goodbyes and the peer table's membership rules (protocol.md 3).
 * Pure state: time comes in as arguments, randomness is injected.
 */
public final class Discovery {
    static final long MS = 1_000_000L;
    /** HELLOs to the group after start. */
    static final long[] HELLO_SCHEDULE = {0, 200 * MS, 600 * MS};
    static final long MAX_REPLY_DELAY = 50 * MS;
    /** Unicast "who are you" HELLOs to unknown senders, at most this many per second. */
    static final int WHO_ARE_YOU_PER_SECOND = 10;

    private final PeerTable table = new PeerTable();
    private final PeerRef self;
    private final int unicastPort;
    private final long heartbeatInterval;
    private final int holdMillis;
    private final RandomGenerator random;
    private final Outbox outbox;
    private final DiscoveryListener listener;
    private final Map<PeerRef, Long> pendingReplies = new HashMap<>();
    private String name;
    private int hellosSent;
    private long startedAt;
    private long nextHeartbeat;
    private final java.util.ArrayDeque<Long> recentWhoAreYou = new java.util.ArrayDeque<>();

    public Discovery(PeerRef self, String name, int unicastPort, long heartbeatIntervalNanos, int holdMillis,
            RandomGenerator random, Outbox outbox, DiscoveryListener listener) {
        this.self = self;
        this.name = name;
        this.unicastPort = unicastPort;
        this.heartbeatInterval = heartbeatIntervalNanos;
        this.holdMillis = holdMillis;
        this.random = random;
        this.outbox = outbox;
        this.listener = listener;
    }

    public PeerTable table() {
        return table;
    }

    public String name() {
        return name;
    }

    public void start(long now) {
        startedAt = now;
        nextHeartbeat = now + jitteredInterval();
        onTimer(now);
    }

    /** Handles a HELLO or HEARTBEAT that came from {@code source}; returns why it was dropped, or null. */
    public DropReason onAnnouncement(Announcement a, InetAddress source, long now) {
        if (a.sender().id() == self.id()) {
            return DropReason.OWN_ID;
        }
        Peer peer = table.get(a.sender().id());
        if (peer != null && peer.ref().incarnation() > a.sender().incarnation()) {
            return DropReason.STALE_INCARNATION;
        }
        if (peer != null && peer.ref().incarnation() < a.sender().incarnation()) {
            table.remove(peer);
            listener.left(peer, LeaveReason.RESTARTED);
            pendingReplies.remove(peer.ref());
            peer = null;
        }
        InetSocketAddress address = new InetSocketAddress(source, a.port());
        long hold = a.holdMillis() * MS;
        if (peer == null) {
            if (table.full()) {
                return DropReason.TABLE_FULL;
            }
            peer = new Peer(a.sender(), a.name(), address, hold, now);
            table.put(peer);
            listener.joined(peer);
        } else {
            peer.heard(now);
            String oldName = peer.update(a.name(), address, hold);
            if (oldName != null) {
                table.renamed(oldName, a.name());
                listener.renamed(peer, oldName);
            }
        }
        if (a.type() == lanchat.wire.FrameType.HELLO) {
            long spread = Math.min(MAX_REPLY_DELAY, table.size() * MS);
            long delay = spread == 0 ? 0 : random.nextLong(spread + 1);
            pendingReplies.putIfAbsent(peer.ref(), now + delay);
        }
        return null;
    }

    /** Handles a GOODBYE; returns why it was dropped, or null. */
    public DropReason onGoodbye(Goodbye g) {
        Peer peer = table.get(g.sender().id());
        if (peer == null || !peer.ref().equals(g.sender())) {
            return rejection(peer, g.sender());
        }
        table.remove(peer);
        pendingReplies.remove(peer.ref());
        listener.left(peer, LeaveReason.QUIT);
        return null;
    }

    /**
     * A DATA or ACK came from {@code sender}: returns its table entry (refreshed), or null when the sender
     * is not in the table; then it is asked to introduce itself, within a global rate limit.
     */
    public Peer heardFrom(PeerRef sender, InetSocketAddress source, long now) {
        Peer peer = table.get(sender.id());
        if (peer != null && peer.ref().equals(sender)) {
            peer.heard(now);
            return peer;
        }
        if (peer == null || peer.ref().incarnation() < sender.incarnation()) {
            askWhoAreYou(source, now);
        }
        return null;
    }

    /** Why a frame from {@code sender} matches no table entry: our own, stale, or unknown. */
    public DropReason rejection(PeerRef sender) {
        return rejection(table.get(sender.id()), sender);
    }

    private DropReason rejection(Peer entry, PeerRef sender) {
        if (sender.id() == self.id()) {
            return DropReason.OWN_ID;
        }
        if (entry != null && entry.ref().incarnation() > sender.incarnation()) {
            return DropReason.STALE_INCARNATION;
        }
        return DropReason.UNKNOWN_PEER;
    }

    /** Changes our name and tells the group at once. */
    public void rename(String newName) {
        name = newName;
        outbox.toGroup(Announcement.heartbeat(self, unicastPort, holdMillis, name));
    }

    /** Clean exit: once to the group and once to every known peer. */
    public void goodbye() {
        Goodbye g = new Goodbye(self);
        outbox.toGroup(g);
        for (Peer p : table.all()) {
            outbox.to(p.address(), g);
        }
    }

    /** Sends due HELLOs, heartbeats and answers; drops peers whose hold time has run out. */
    public void onTimer(long now) {
        while (hellosSent < HELLO_SCHEDULE.length && now >= startedAt + HELLO_SCHEDULE[hellosSent]) {
            outbox.toGroup(Announcement.hello(self, unicastPort, holdMillis, name));
            hellosSent++;
        }
        if (now >= nextHeartbeat) {
            outbox.toGroup(Announcement.heartbeat(self, unicastPort, holdMillis, name));
            nextHeartbeat = now + jitteredInterval();
        }
        sendDueReplies(now);
        expire(now);
    }

    /** The earliest time {@link #onTimer} has work. */
    public long nextDeadline() {
        long next = nextHeartbeat;
        if (hellosSent < HELLO_SCHEDULE.length) {
            next = Math.min(next, startedAt + HELLO_SCHEDULE[hellosSent]);
        }
        for (long due : pendingReplies.values()) {
            next = Math.min(next, due);
        }
        for (Peer p : table.all()) {
            next = Math.min(next, p.expiry() + 1);
        }
        return next;
    }

    private void sendDueReplies(long now) {
        Iterator<Map.Entry<PeerRef, Long>> it = pendingReplies.entrySet().iterator();
        while (it.hasNext()) {
            Map.Entry<PeerRef, Long> e = it.next();
            if (now >= e.getValue()) {
                it.remove();
                Peer p = table.get(e.getKey().id());
                if (p != null && p.ref().equals(e.getKey())) {
                    outbox.to(p.address(), Announcement.heartbeat(self, unicastPort, holdMillis, name));
                }
            }
        }
    }

    private void expire(long now) {
        List<Peer> gone = new ArrayList<>();
        for (Peer p : table.all()) {
            if (now > p.expiry()) {
                gone.add(p);
            }
        }
        for (Peer p : gone) {
            table.remove(p);
            pendingReplies.remove(p.ref());
            listener.left(p, LeaveReason.TIMEOUT);
        }
    }

    private void askWhoAreYou(InetSocketAddress source, long now) {
        // A rolling window: no span of one second ever holds more than the limit.
        if (recentWhoAreYou.size() == WHO_ARE_YOU_PER_SECOND) {
            if (now - recentWhoAreYou.peekFirst() < 1_000 * MS) {
                return;
            }
            recentWhoAreYou.pollFirst();
        }
        recentWhoAreYou.addLast(now);
        outbox.to(source, Announcement.hello(self, unicastPort, holdMillis, name));
    }

    private long jitteredInterval() {
        // 0.8 .. 1.2 of the interval, so peers started together do not stay in step
        return (long) (heartbeatInterval * (0.8 + 0.4 * random.nextDouble()));
    }
}
