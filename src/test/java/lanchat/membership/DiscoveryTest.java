package lanchat.membership;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import lanchat.wire.Announcement;
import lanchat.wire.DropReason;
import lanchat.wire.FrameType;
import lanchat.wire.Goodbye;
import lanchat.wire.PeerRef;
import org.junit.jupiter.api.Test;

/** Discovery and the peer table's membership rules (protocol.md 3), on chosen times in nanoseconds. */
class DiscoveryTest {
    static final long MS = 1_000_000L;
    static final long SECOND = 1_000 * MS;
    static final PeerRef SELF = new PeerRef(0x5e1f_0000_0000_0001L, 1_000);
    static final int PORT = 40_000;
    static final int HOLD = 2_000;
    static final int MAX_PEERS = 1_024;

    final RecordingOutbox outbox = new RecordingOutbox();
    final RecordingListener listener = new RecordingListener();
    Discovery d = discovery(1);

    Discovery discovery(long seed) {
        return new Discovery(SELF, "me", PORT, new MembershipPolicy(500 * MS, HOLD, MAX_PEERS, 10, 50 * MS),
                new SplittableRandom(seed), outbox, listener);
    }

    /** Addresses stay in 127.0.0.0/8; they are only objects here, nothing is sent. */
    static InetAddress source(long id) {
        try {
            return InetAddress.getByAddress(new byte[] {127, 9, (byte) (id >> 8), (byte) id});
        } catch (UnknownHostException e) {
            throw new AssertionError(e);
        }
    }

    static int portOf(long id) {
        return 20_000 + (int) (id % 10_000);
    }

    static InetSocketAddress endpoint(long id) {
        return new InetSocketAddress(source(id), portOf(id));
    }

    DropReason announce(FrameType type, long id, long incarnation, String name, int hold, long now) {
        outbox.now = now;
        Announcement a = new Announcement(type, new PeerRef(id, incarnation), portOf(id), hold, name);
        return d.onAnnouncement(a, source(id), now);
    }

    DropReason heartbeat(long id, String name, long now) {
        return announce(FrameType.HEARTBEAT, id, 1, name, HOLD, now);
    }

    DropReason hello(long id, String name, long now) {
        return announce(FrameType.HELLO, id, 1, name, HOLD, now);
    }

    void timer(long now) {
        outbox.now = now;
        d.onTimer(now);
    }

    void start(long now) {
        outbox.now = now;
        d.start(now);
    }

    /** Runs the timers at every deadline up to {@code end}, as an event loop would. */
    void runUntil(long end) {
        for (int guard = 0; guard < 1_000_000; guard++) {
            long next = d.nextDeadline();
            if (next > end) {
                timer(end);
                return;
            }
            timer(next);
        }
        throw new AssertionError("the timers never got past " + end);
    }

    boolean inTable(long id) {
        return d.table().get(id) != null;
    }

    // ---- announcements we send ----

    @Test
    void hellosGoToTheGroupAt0And200And600msAfterStart() {
        long t0 = 5 * SECOND;
        start(t0);
        assertEquals(List.of(t0), times(outbox.toGroup(FrameType.HELLO)));
        assertTrue(d.nextDeadline() <= t0 + 200 * MS);
        timer(t0 + 200 * MS - 1);
        assertEquals(1, outbox.toGroup(FrameType.HELLO).size());
        runUntil(t0 + 10 * SECOND);
        assertEquals(List.of(t0, t0 + 200 * MS, t0 + 600 * MS), times(outbox.toGroup(FrameType.HELLO)));
        Announcement hello = (Announcement) outbox.toGroup(FrameType.HELLO).get(0).frame();
        assertEquals(Announcement.hello(SELF, PORT, HOLD, "me"), hello);
    }

    static List<Long> times(List<RecordingOutbox.Sent> sent) {
        return sent.stream().map(RecordingOutbox.Sent::at).toList();
    }

    @Test
    void heartbeatsGoToTheGroupEvery400To600ms() {
        start(0);
        runUntil(60 * SECOND);
        List<Long> at = new ArrayList<>(List.of(0L));
        at.addAll(times(outbox.toGroup(FrameType.HEARTBEAT)));
        long min = Long.MAX_VALUE;
        long max = 0;
        long sum = 0;
        for (int i = 1; i < at.size(); i++) {
            long gap = at.get(i) - at.get(i - 1);
            min = Math.min(min, gap);
            max = Math.max(max, gap);
            sum += gap;
        }
        int gaps = at.size() - 1;
        assertTrue(gaps >= 100 && gaps <= 150, gaps + " heartbeats in 60 s");
        assertTrue(min >= 400 * MS && max <= 600 * MS, "gaps from " + min / MS + " to " + max / MS + " ms");
        assertTrue(max - min > 100 * MS, "the interval is jittered, not fixed");
        long mean = sum / gaps;
        assertTrue(mean > 470 * MS && mean < 530 * MS, "mean gap " + mean / MS + " ms");
        assertTrue(outbox.unicast(FrameType.HEARTBEAT).isEmpty());
    }

    // ---- answers to HELLO ----

    /** Fills the table to {@code size} with a HELLO from the last peer at {@code t}; returns its reply delay. */
    long replyDelay(long seed, int size) {
        d = discovery(seed);
        outbox.sent.clear();
        start(0);
        runUntil(SECOND);
        for (int i = 1; i < size; i++) {
            assertNull(heartbeat(100 + i, "p" + i, SECOND));
        }
        long t = SECOND + 7 * MS;
        long asker = 99;
        assertNull(hello(asker, "asker", t));
        assertEquals(size, d.table().size());
        int before = outbox.sent.size();
        runUntil(t + 100 * MS);
        List<RecordingOutbox.Sent> answers = outbox.sent.subList(before, outbox.sent.size()).stream()
                .filter(s -> !s.toGroup()).toList();
        assertEquals(1, answers.size(), "one answer, by unicast");
        RecordingOutbox.Sent answer = answers.get(0);
        assertEquals(endpoint(asker), answer.to(), "to the HELLO's source address and announced port");
        assertEquals(Announcement.heartbeat(SELF, PORT, HOLD, "me"), answer.frame());
        return answer.at() - t;
    }

    @Test
    void aHelloIsAnsweredWithinMinOf50msAndTheTableSize() {
        for (int size : new int[] {1, 5, 60}) {
            long bound = Math.min(50, size) * MS;
            List<Long> delays = new ArrayList<>();
            for (long seed = 1; seed <= 40; seed++) {
                long delay = replyDelay(seed, size);
                assertTrue(delay >= 0 && delay <= bound, "table of " + size + ": answered after " + delay + " ns");
                delays.add(delay);
            }
            if (size == 60) {
                long spread = delays.stream().mapToLong(x -> x).max().getAsLong()
                        - delays.stream().mapToLong(x -> x).min().getAsLong();
                assertTrue(spread > 20 * MS, "delays drawn from 0..50 ms, saw a spread of " + spread + " ns");
            }
        }
    }

    @Test
    void helloesWhileAnAnswerIsPendingShareIt() {
        start(0);
        runUntil(SECOND);
        for (int i = 1; i < 60; i++) {
            heartbeat(100 + i, "p" + i, SECOND);
        }
        long t = 2 * SECOND;
        hello(7, "asker", t);
        hello(7, "asker", t);
        hello(7, "asker", t);
        runUntil(t + 200 * MS);
        List<RecordingOutbox.Sent> answers = outbox.unicast(FrameType.HEARTBEAT);
        assertEquals(1, answers.size(), "three HELLOs, one answer");
        assertTrue(answers.get(0).at() <= t + 50 * MS);
        hello(7, "asker", t + 300 * MS);
        runUntil(t + 400 * MS);
        assertEquals(2, outbox.unicast(FrameType.HEARTBEAT).size(), "a HELLO after the answer gets its own");
    }

    @Test
    void aHeartbeatIsNotAnswered() {
        start(0);
        heartbeat(7, "bob", 10 * MS);
        runUntil(SECOND);
        assertTrue(outbox.unicast(FrameType.HEARTBEAT).isEmpty());
    }

    // ---- expiry ----

    @Test
    void aPeerIsDroppedExactlyAfterItsAnnouncedHoldTime() {
        start(0);
        heartbeat(7, "bob", SECOND);
        announce(FrameType.HEARTBEAT, 8, 1, "carol", 100, SECOND);
        timer(SECOND + 100 * MS - 1);
        assertTrue(inTable(8), "not before its 100 ms hold time");
        timer(SECOND + 100 * MS + 1);
        assertTrue(!inTable(8) && inTable(7), "each peer by its own hold time");
        timer(3 * SECOND - 1);
        assertTrue(inTable(7));
        assertTrue(d.nextDeadline() <= 3 * SECOND + 1, "a timer is due when the hold time runs out");
        timer(3 * SECOND + 1);
        assertTrue(!inTable(7));
        assertEquals(List.of("joined bob/1", "joined carol/1", "left carol/1 TIMEOUT", "left bob/1 TIMEOUT"),
                listener.events);
    }

    @Test
    void anythingHeardFromAPeerPostponesItsExpiry() {
        start(0);
        heartbeat(7, "bob", SECOND);
        heartbeat(7, "bob", 2 * SECOND);
        timer(3_500 * MS);
        assertTrue(inTable(7), "the second heartbeat restarted the hold time");
        Peer bob = d.table().get(7);
        assertSame(bob, d.heardFrom(bob.ref(), endpoint(7), 3_900 * MS));
        timer(5_900 * MS - 1);
        assertTrue(inTable(7), "a DATA or ACK counts as hearing from it");
        timer(5_900 * MS + 1);
        assertTrue(!inTable(7));
    }

    @Test
    void theNewestAnnouncedHoldTimeCounts() {
        start(0);
        heartbeat(7, "bob", SECOND);
        announce(FrameType.HEARTBEAT, 7, 1, "bob", 300, 2 * SECOND);
        timer(2_300 * MS - 1);
        assertTrue(inTable(7));
        timer(2_300 * MS + 1);
        assertTrue(!inTable(7));
    }

    // ---- goodbye, restarts, stale and own frames ----

    @Test
    void aGoodbyeRemovesThePeerAtOnce() {
        start(0);
        heartbeat(7, "bob", SECOND);
        assertNull(d.onGoodbye(new Goodbye(new PeerRef(7, 1))));
        assertTrue(!inTable(7));
        assertEquals(List.of("joined bob/1", "left bob/1 QUIT"), listener.events);
    }

    @Test
    void anAnnouncementReadAfterTheGoodbyeOfItsInstanceDoesNotBringItBack() {
        start(0);
        announce(FrameType.HEARTBEAT, 7, 5, "bob", HOLD, SECOND);
        assertNull(d.onGoodbye(new Goodbye(new PeerRef(7, 5))));
        assertEquals(DropReason.STALE_INCARNATION, announce(FrameType.HEARTBEAT, 7, 5, "bob", HOLD, SECOND + 1),
                "sent before the goodbye, read after it");
        assertEquals(DropReason.STALE_INCARNATION, announce(FrameType.HELLO, 7, 4, "bob", HOLD, SECOND + 2));
        assertTrue(!inTable(7));
        assertNull(announce(FrameType.HELLO, 7, 6, "bob", HOLD, 2 * SECOND), "a restart joins");
        assertEquals(List.of("joined bob/5", "left bob/5 QUIT", "joined bob/6"), listener.events);
    }

    @Test
    void aGoodbyeFromAnotherInstanceRemovesNothing() {
        start(0);
        announce(FrameType.HEARTBEAT, 7, 5, "bob", HOLD, SECOND);
        assertEquals(DropReason.UNKNOWN_PEER, d.onGoodbye(new Goodbye(new PeerRef(7, 6))), "a newer incarnation");
        assertEquals(DropReason.UNKNOWN_PEER, d.onGoodbye(new Goodbye(new PeerRef(8, 5))), "an unknown id");
        assertEquals(DropReason.OWN_ID, d.onGoodbye(new Goodbye(SELF)));
        assertTrue(inTable(7));
        assertEquals(List.of("joined bob/5"), listener.events);
    }

    @Test
    void aGoodbyeFromAnOlderIncarnationIsStale() {
        start(0);
        announce(FrameType.HEARTBEAT, 7, 5, "bob", HOLD, SECOND);
        assertEquals(DropReason.STALE_INCARNATION, d.onGoodbye(new Goodbye(new PeerRef(7, 4))),
                "protocol.md 3: frames from a smaller incarnation than the table's are stale");
        assertTrue(inTable(7));
    }

    @Test
    void aLargerIncarnationReplacesTheEntry() {
        start(0);
        announce(FrameType.HEARTBEAT, 7, 5, "bob", HOLD, SECOND);
        assertNull(announce(FrameType.HEARTBEAT, 7, 6, "bob", HOLD, 2 * SECOND));
        assertEquals(List.of("joined bob/5", "left bob/5 RESTARTED", "joined bob/6"), listener.events);
        assertEquals(new PeerRef(7, 6), d.table().get(7).ref());
        assertEquals(1, d.table().size());
    }

    @Test
    void aSmallerIncarnationIsStaleAndRefreshesNothing() {
        start(0);
        announce(FrameType.HEARTBEAT, 7, 6, "bob", HOLD, SECOND);
        assertEquals(DropReason.STALE_INCARNATION, announce(FrameType.HEARTBEAT, 7, 5, "robert", HOLD, 2 * SECOND));
        assertEquals(DropReason.STALE_INCARNATION, announce(FrameType.HELLO, 7, 5, "bob", HOLD, 2 * SECOND));
        Peer bob = d.table().get(7);
        assertEquals(new PeerRef(7, 6), bob.ref());
        assertEquals("bob", bob.name());
        assertEquals(SECOND, bob.lastHeard(), "a stale frame does not count as hearing from the peer");
        assertEquals(List.of("joined bob/6"), listener.events);
        runUntil(2 * SECOND + 100 * MS);
        assertTrue(outbox.unicast(FrameType.HEARTBEAT).isEmpty(), "a stale HELLO gets no answer");
    }

    @Test
    void ourOwnIdIsDropped() {
        start(0);
        assertEquals(DropReason.OWN_ID, announce(FrameType.HEARTBEAT, SELF.id(), SELF.incarnation(), "me", HOLD, 0));
        assertEquals(DropReason.OWN_ID, announce(FrameType.HELLO, SELF.id(), SELF.incarnation() + 1, "me", HOLD, 0));
        assertEquals(0, d.table().size());
        assertEquals(List.of(), listener.events);
    }

    // ---- names ----

    @Test
    void anAnnouncementWithANewNameIsARename() {
        start(0);
        heartbeat(7, "bob", SECOND);
        heartbeat(7, "robert", 2 * SECOND);
        heartbeat(7, "robert", 3 * SECOND);
        assertEquals(List.of("joined bob/1", "renamed bob>robert"), listener.events);
        assertEquals("robert", d.table().get(7).name());
    }

    @Test
    void ourRenameIsAnnouncedToTheGroupAtOnce() {
        start(0);
        runUntil(SECOND);
        int heartbeats = outbox.toGroup(FrameType.HEARTBEAT).size();
        outbox.now = SECOND + 1;
        d.rename("neo");
        List<RecordingOutbox.Sent> after = outbox.toGroup(FrameType.HEARTBEAT);
        assertEquals(heartbeats + 1, after.size());
        assertEquals(Announcement.heartbeat(SELF, PORT, HOLD, "neo"), after.get(after.size() - 1).frame());
        assertEquals("neo", d.name());
        hello(7, "bob", 2 * SECOND);
        runUntil(3 * SECOND);
        assertTrue(outbox.sent.stream().filter(s -> s.at() > SECOND).allMatch(s -> s.name().equals("neo")));
    }

    // ---- table limit ----

    @Test
    void theTableHoldsAtMost1024Peers() {
        start(0);
        for (int i = 1; i <= MAX_PEERS; i++) {
            assertNull(heartbeat(1_000 + i, "p" + i, SECOND));
        }
        assertEquals(DropReason.TABLE_FULL, heartbeat(5_000, "late", SECOND));
        assertEquals(DropReason.TABLE_FULL, hello(5_001, "later", SECOND));
        assertEquals(MAX_PEERS, d.table().size());
        assertEquals(MAX_PEERS, listener.joined.size());
        assertNull(heartbeat(1_001, "p1", SECOND + MS), "known peers are still heard");
        assertNull(announce(FrameType.HEARTBEAT, 1_002, 2, "p2", HOLD, SECOND + MS), "a restart is no new peer");
        assertEquals(MAX_PEERS, d.table().size());
        assertNull(d.onGoodbye(new Goodbye(new PeerRef(1_003, 1))));
        assertNull(heartbeat(5_000, "late", SECOND + 2 * MS), "room again after a leave");
        assertEquals(MAX_PEERS, d.table().size());
    }

    // ---- DATA or ACK from strangers ----

    @Test
    void aStrangerIsAskedToIntroduceItselfByUnicastHello() {
        start(0);
        InetSocketAddress from = new InetSocketAddress(source(9), 31_000);
        assertNull(d.heardFrom(new PeerRef(9, 1), from, SECOND));
        List<RecordingOutbox.Sent> hellos = outbox.unicast(FrameType.HELLO);
        assertEquals(1, hellos.size());
        assertEquals(from, hellos.get(0).to(), "to the datagram's source");
        assertEquals(Announcement.hello(SELF, PORT, HOLD, "me"), hellos.get(0).frame());
        assertEquals(0, d.table().size(), "only announcements add peers");
    }

    @Test
    void olderIncarnationsAreNotAskedAndNewerOnesAre() {
        start(0);
        announce(FrameType.HEARTBEAT, 7, 5, "bob", HOLD, SECOND);
        assertNull(d.heardFrom(new PeerRef(7, 4), endpoint(7), SECOND));
        assertEquals(0, outbox.unicast(FrameType.HELLO).size(), "a stale sender is not asked");
        assertNull(d.heardFrom(new PeerRef(7, 6), endpoint(7), SECOND));
        assertEquals(1, outbox.unicast(FrameType.HELLO).size(), "a newer incarnation must introduce itself");
        assertEquals(SECOND, d.table().get(7).lastHeard());
    }

    @Test
    void atMostTenIntroductionRequestsPerSecondInAll() {
        start(0);
        for (int i = 0; i < 25; i++) {
            d.heardFrom(new PeerRef(100 + i, 1), endpoint(100 + i), SECOND);
        }
        assertEquals(10, outbox.unicast(FrameType.HELLO).size());
        d.heardFrom(new PeerRef(200, 1), endpoint(200), 2 * SECOND - 1);
        assertEquals(10, outbox.unicast(FrameType.HELLO).size());
        d.heardFrom(new PeerRef(201, 1), endpoint(201), 2 * SECOND);
        assertEquals(11, outbox.unicast(FrameType.HELLO).size(), "a second later it may ask again");
    }

    @Test
    void noOneSecondSpanEverHoldsMoreThanTenIntroductionRequests() {
        start(0);
        List<Long> calls = new ArrayList<>();
        calls.add(SECOND);                  // a lone stranger, then a burst just before and just after 2 s
        for (int i = 0; i < 9; i++) {
            calls.add(1_990 * MS + i * MS / 10);
        }
        for (int i = 0; i < 10; i++) {
            calls.add(2 * SECOND + i * MS / 10);
        }
        List<Long> hellos = new ArrayList<>();
        for (int i = 0; i < calls.size(); i++) {
            long t = calls.get(i);
            outbox.now = t;
            int before = outbox.sent.size();
            d.heardFrom(new PeerRef(10_000 + i, 1), endpoint(10_000 + i), t);
            if (outbox.sent.size() > before) {
                hellos.add(t);
            }
        }
        for (int i = 0; i + 10 < hellos.size(); i++) {
            long span = hellos.get(i + 10) - hellos.get(i);
            assertTrue(span >= SECOND, "11 unicast HELLOs within " + span / MS + " ms (" + hellos.get(i) / MS
                    + " .. " + hellos.get(i + 10) / MS + " ms): " + hellos.size() + " in " + hellos);
        }
    }

    @Test
    void aKnownSenderIsRefreshedAndReturned() {
        start(0);
        heartbeat(7, "bob", SECOND);
        Peer bob = d.heardFrom(new PeerRef(7, 1), endpoint(7), 1_500 * MS);
        assertNotNull(bob);
        assertEquals(1_500 * MS, bob.lastHeard());
        assertTrue(outbox.unicast(FrameType.HELLO).isEmpty());
    }
}
