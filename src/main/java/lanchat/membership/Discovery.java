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

    private final PeerTable table;
    private final PeerRef self;
    private final int unicastPort;
    private final MembershipPolicy policy;
    private final long heartbeatInterval;
    private final int holdMillis;
    /** Peers by the time they expire, lazily: an entry whose peer was heard since is moved on when it is due. */
    private final java.util.PriorityQueue<Peer.Expiry> expiries =
            new java.util.PriorityQueue<>(java.util.Comparator.comparingLong(Peer.Expiry::at));
    private final RandomGenerator random;
    private final Outbox outbox;
    private final DiscoveryListener listener;
    private final Map<PeerRef, Long> pendingReplies = new HashMap<>();
    private String name;
    private int hellosSent;
    private long startedAt;
    private long nextHeartbeat;
    private final java.util.ArrayDeque<Long> recentWhoAreYou = new java.util.ArrayDeque<>();
    /**
     * The last incarnation of each id that said GOODBYE, the newest {@value #MAX_QUIT} ids: an announcement
     * of that incarnation sent before its GOODBYE can be read after it (announcements come on the group's
     * socket, the GOODBYE on the unicast one), and must not bring back a peer that has quit.
     */
    private final Map<Long, Long> quit = new java.util.LinkedHashMap<>(16, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, Long> eldest) {
            return size() > MAX_QUIT;
        }
    };
    static final int MAX_QUIT = 1_024;

    public Discovery(PeerRef self, String name, int unicastPort, MembershipPolicy policy, RandomGenerator random,
            Outbox outbox, DiscoveryListener listener) {
        this.self = self;
        this.name = name;
        this.unicastPort = unicastPort;
        this.policy = policy;
        this.table = new PeerTable(policy.maxPeers());
        this.heartbeatInterval = policy.heartbeatIntervalNanos();
        this.holdMillis = policy.holdMillis();
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
        if (peer == null && hasQuit(a.sender())) {
            return DropReason.STALE_INCARNATION;
        }
        if (peer == null) {
            if (table.full()) {
                return DropReason.TABLE_FULL;
            }
            peer = new Peer(a.sender(), a.name(), address, hold, now);
            admit(peer);
        } else {
            peer.heard(now);
            String oldName = peer.update(a.name(), address, hold);
            if (oldName != null) {
                table.renamed(oldName, a.name());
                listener.renamed(peer, oldName);
            }
        }
        if (a.type() == lanchat.wire.FrameType.HELLO) {
            long spread = Math.min(policy.maxReplyDelayNanos(), table.size() * MS);
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
        noteQuit(peer.ref());
        listener.left(peer, LeaveReason.QUIT);
        return null;
    }

    /** {@code instance} said GOODBYE (from the table, or while away): its announcements no longer count. */
    public void noteQuit(PeerRef instance) {
        quit.merge(instance.id(), instance.incarnation(), Math::max);
    }

    private boolean hasQuit(PeerRef sender) {
        Long last = quit.get(sender.id());
        return last != null && sender.incarnation() <= last;
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

    /**
     * A peer that timed out is heard again, by a frame other than an announcement, with the same
     * incarnation: it is back in the table as it was. Returns false when the table is full or another
     * incarnation of its id has joined meanwhile.
     */
    public boolean readmit(Peer peer, long now) {
        if (table.get(peer.ref().id()) != null || table.full()) {
            return false;
        }
        peer.heard(now);
        admit(peer);
        return true;
    }

    private void admit(Peer peer) {
        table.put(peer);
        scheduleExpiry(peer);
        listener.joined(peer);
    }

    private void scheduleExpiry(Peer peer) {
        expiries.add(peer.scheduleExpiry());
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

    /**
     * This process stood still until {@code now} (a stop signal, a suspend, a long GC): nothing could be
     * heard meanwhile, so silence says nothing about the peers. Each gets a full hold time from now to be
     * heard again, and a heartbeat goes out at once so that those who timed us out see us back.
     */
    public void onStall(long now) {
        for (Peer p : table.all()) {
            p.heard(now);
        }
        nextHeartbeat = Math.min(nextHeartbeat, now);
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
        Peer soonest = soonestExpiry();
        return soonest == null ? next : Math.min(next, soonest.expiry() + 1);
    }

    /** The queue's head once entries of departed peers and of peers heard since are moved out of the way. */
    private Peer soonestExpiry() {
        Peer.Expiry head;
        while ((head = expiries.peek()) != null) {
            Peer p = head.peer();
            if (table.get(p.ref().id()) != p || !p.isScheduled(head)) {
                expiries.poll(); // it left, or the entry was replaced
            } else if (p.expiry() > head.at()) {
                expiries.poll(); // heard since: its turn comes later
                scheduleExpiry(p);
            } else {
                return p;
            }
        }
        return null;
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
        Peer p;
        while ((p = soonestExpiry()) != null && now > p.expiry()) {
            expiries.poll();
            gone.add(p);
        }
        for (Peer expired : gone) {
            table.remove(expired);
            pendingReplies.remove(expired.ref());
            listener.left(expired, LeaveReason.TIMEOUT);
        }
    }

    private void askWhoAreYou(InetSocketAddress source, long now) {
        // A rolling window: no span of one second ever holds more than the limit.
        if (policy.whoAreYouPerSecond() == 0) {
            return;
        }
        if (recentWhoAreYou.size() == policy.whoAreYouPerSecond()) {
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
