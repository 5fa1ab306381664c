package lanchat.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.BiConsumer;
import lanchat.node.LeaveReason;
import lanchat.sim.Conditions;
import lanchat.sim.SimNetwork;
import lanchat.sim.SimNode;
import lanchat.wire.Ack;
import lanchat.wire.AckBlock;
import lanchat.wire.Announcement;
import lanchat.wire.Data;
import lanchat.wire.DecodeResult;
import lanchat.wire.DropReason;
import lanchat.wire.Frame;
import lanchat.wire.FrameCodec;
import lanchat.wire.FrameType;
import lanchat.wire.Goodbye;
import lanchat.wire.PeerRef;
import lanchat.wire.StreamRecord;
import lanchat.wire.Wire;
import org.junit.jupiter.api.Test;

/**
 * Real engines chatting on the simulated network while hostile and broken datagrams pour in: random bytes,
 * damaged copies of real frames, and well-formed forgeries (wrong receiver, strangers, huge sequence numbers,
 * stale epochs, goodbyes and announcements for other incarnations). Every injected datagram has a predicted
 * fate, and the drop counters must match the predictions exactly.
 */
class EngineFuzzTest {
    static final long MS = 1_000_000L;
    static final long SECOND = 1_000 * MS;
    static final String[] NAMES = {"alice", "bob", "carol"};

    // ---------------------------------------------------------------------------------------------------------
    // The storm
    // ---------------------------------------------------------------------------------------------------------

    @Test
    void a100kDatagramStormIsCountedByReasonAndTheChatGoesOn() throws Exception {
        SimNetwork net = SimNetwork.plaintext(4242);
        Traffic traffic = new Traffic(net, new SplittableRandom(1));
        net.tap(traffic);
        Chat chat = Chat.start(net);
        Injector injector = new Injector(net, chat, traffic, new SplittableRandom(99));

        chat.warmUp(); // every pair has a stream both ways, so epochs and sequence numbers are known
        long stormStart = net.now();
        Map<SimNode, Map<String, Long>> before = chat.counters();
        int peerEvents = chat.membershipEvents();

        SplittableRandom talk = new SplittableRandom(7);
        for (int round = 0; injector.injected < 100_000; round++) {
            for (int i = 0; i < 45; i++) {
                injector.injectOne();
            }
            chat.chatter(talk, round);
            net.runFor(MS);
            for (SimNode n : chat.nodes) {
                assertEquals(2, n.engine().directory().size(), "only the real peers are in the table");
            }
        }
        long stormEnd = net.now();
        assertTrue(net.runUntil(chat::allSettled, 10 * SECOND), "every message gets its outcome");
        net.runFor(10 * MS);
        Map<SimNode, Map<String, Long>> after = chat.counters();

        chat.assertEveryMessageArrivedOnceInOrder();
        assertEquals(peerEvents, chat.membershipEvents(), "nobody joined or left during the storm");
        for (SimNode n : chat.nodes) {
            Map<DropReason, Long> expected = new EnumMap<>(injector.expected.get(n));
            // A node also hears its own group announcements (multicast loopback), counted as our own id.
            expected.merge(DropReason.OWN_ID, traffic.groupSendsHeardBetween(n, stormStart, net.now()), Long::sum);
            for (DropReason r : DropReason.values()) {
                String key = "dropped_" + r.name().toLowerCase();
                assertEquals(expected.getOrDefault(r, 0L), after.get(n).get(key) - before.get(n).get(key),
                        n.engine().self().name() + " " + key + " (injected " + injector.expected.get(n) + ")");
            }
            long hellos = traffic.unicastHellosBetween(n, stormStart, stormEnd);
            long seconds = (stormEnd - stormStart + SECOND - 1) / SECOND;
            assertTrue(hellos <= 10 * (seconds + 1), hellos + " introduction requests in " + seconds + " s");
            assertTrue(n.engine().awaitingOutcome() == 0);
        }
        assertTrue(injector.injected >= 100_000);
        assertTrue(chat.messages > 500, chat.messages + " messages sent during the storm");
        assertTrue(injector.kinds.size() >= 15, "every kind of damage was tried: " + injector.kinds);
    }

    // ---------------------------------------------------------------------------------------------------------
    // Memory is bounded in bytes: 20 made-up peers send out-of-order records whose gap never fills
    // ---------------------------------------------------------------------------------------------------------

    @Test
    void outOfOrderFloodFromTwentyPeersStaysWithinTheNodeBudgetAndChatGoesOn() throws Exception {
        SimNetwork net = SimNetwork.plaintext(20);
        Chat chat = Chat.start(net);
        chat.warmUp();
        SimNode alice = chat.nodes.get(0);
        PeerRef self = alice.engine().ref();
        long nodeBudget = NodeConfig.defaults("x").receiveBytesPerNode();
        long peerBudget = NodeConfig.defaults("x").receiveBytesPerPeer();
        SplittableRandom random = new SplittableRandom(21);
        List<PeerRef> attackers = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            PeerRef a = new PeerRef(0x6600_0000_0000_0000L + i, 1);
            attackers.add(a);
            Injector.deliver(net, alice, FrameCodec.encode(Announcement.heartbeat(a, 40_000 + i, 65_535, "flood" + i)),
                    Injector.fakeSource(i));
        }
        int[] nextSeq = new int[20];
        long peak = 0;
        for (int round = 0; round < 1_000; round++) {
            for (int i = 0; i < 20; i++) {
                byte[] payload = new byte[1_100];
                random.nextBytes(payload);
                int seq = 1 + nextSeq[i]++ % 1_000; // record 0 never comes
                Data d = new Data(attackers.get(i), self, 1, AckBlock.NONE,
                        List.of(new StreamRecord(seq, seq, StreamRecord.END, payload)));
                Injector.deliver(net, alice, FrameCodec.encode(d), Injector.fakeSource(i));
            }
            if (round % 10 == 0) {
                chat.whisper(chat.nodes.get(1), "alice", "during the flood " + round);
                chat.whisper(alice, "bob", "answer " + round);
            }
            net.runFor(MS);
            peak = Math.max(peak, alice.engine().bufferedBytes());
            assertTrue(alice.engine().bufferedBytes() <= nodeBudget, alice.engine().bufferedBytes() + " bytes held");
        }
        assertTrue(peak > nodeBudget - 2 * peerBudget, "the flood reached the budget: " + peak);
        assertTrue(chat.counters().get(alice).get("dropped_receive_budget") > 0);
        assertTrue(net.runUntil(chat::allSettled, 10 * SECOND), "chat between real peers goes on");
        chat.assertEveryMessageArrivedOnceInOrder();
    }

    // ---------------------------------------------------------------------------------------------------------
    // Announcements from 1,500 made-up peers
    // ---------------------------------------------------------------------------------------------------------

    @Test
    void aFloodOfMadeUpPeersFillsTheTableTo1024ThenExpiresOnTime() throws Exception {
        SimNetwork net = SimNetwork.plaintext(77);
        Chat chat = Chat.start(net);
        chat.warmUp();
        SimNode alice = chat.nodes.get(0);
        long tableFullBefore = chat.counters().get(alice).get("dropped_table_full");
        SplittableRandom random = new SplittableRandom(5);
        Map<Long, Long> expiresAt = new HashMap<>(); // made-up id -> end of its hold time
        int injected = 0;
        int peak = 0;
        int seenEvents = 0;
        Set<Long> joined = new HashSet<>();
        Set<Long> left = new HashSet<>();
        SplittableRandom talk = new SplittableRandom(8);
        long floodEnd = net.now() + 300 * MS;
        long lastExpiry = 0;
        while (net.now() < floodEnd || left.size() < joined.size()) {
            if (net.now() < floodEnd) {
                for (int i = 0; i < 5; i++) {
                    long id = 0x7700_0000_0000_0000L + injected;
                    int hold = 1_000 + random.nextInt(1_001);
                    Announcement a = Announcement.heartbeat(new PeerRef(id, 1 + random.nextLong(1L << 40)),
                            1 + random.nextInt(65_535), hold, "made-up" + injected);
                    expiresAt.put(id, net.now() + hold * MS);
                    lastExpiry = Math.max(lastExpiry, net.now() + hold * MS);
                    Injector.deliver(net, alice, FrameCodec.encode(a), Injector.fakeSource(injected));
                    injected++;
                }
                if (talk.nextInt(4) == 0) {
                    chat.whisper(alice, "bob", "while the table fills " + injected);
                }
            }
            net.runFor(MS);
            List<ChatEvent> events = alice.events().all();
            for (; seenEvents < events.size(); seenEvents++) {
                ChatEvent e = events.get(seenEvents);
                if (e instanceof ChatEvent.PeerJoined j && expiresAt.containsKey(j.peer().id())) {
                    joined.add(j.peer().id());
                } else if (e instanceof ChatEvent.PeerLeft l && expiresAt.containsKey(l.peer().id())) {
                    assertEquals(LeaveReason.TIMEOUT, l.reason());
                    left.add(l.peer().id());
                }
            }
            long now = net.now();
            for (long id : joined) {
                boolean due = now > expiresAt.get(id); // gone exactly once its hold time has passed, not before
                if (due != left.contains(id)) {
                    fail(String.format("made-up peer %x: hold time ends at %d ms, now %d ms, %s", id,
                            expiresAt.get(id) / MS, now / MS, due ? "still there" : "already gone"));
                }
            }
            int size = alice.engine().directory().size();
            assertTrue(size <= 1_024, size + " peers in the table");
            peak = Math.max(peak, size);
            assertTrue(now < lastExpiry + SECOND, "the made-up peers never all left");
        }
        assertEquals(1_024, peak, "the flood filled the table");
        long tableFull = chat.counters().get(alice).get("dropped_table_full") - tableFullBefore;
        assertEquals(injected, joined.size() + tableFull, "each announcement joined or was refused as table full");
        assertTrue(tableFull > 0);
        assertEquals(2, alice.engine().directory().size(), "only the real peers are left");
        assertTrue(net.runUntil(chat::allSettled, 5 * SECOND));
        chat.assertEveryMessageArrivedOnceInOrder();
    }

    // ---------------------------------------------------------------------------------------------------------
    // Frames from an older incarnation of a known peer
    // ---------------------------------------------------------------------------------------------------------

    @Test
    void framesFromAnOlderIncarnationOfAKnownPeerAreCountedAsStale() throws Exception {
        SimNetwork net = SimNetwork.plaintext(5);
        Chat chat = Chat.start(net);
        chat.warmUp();
        SimNode alice = chat.nodes.get(0);
        PeerRef bob = chat.nodes.get(1).engine().ref();
        PeerRef oldBob = new PeerRef(bob.id(), bob.incarnation() - 1);
        InetSocketAddress source = chat.nodes.get(1).address();
        Map<String, Long> before = chat.counters().get(alice);
        Injector.deliver(net, alice, FrameCodec.encode(new Goodbye(oldBob)), source);
        Injector.deliver(net, alice, FrameCodec.encode(new Ack(oldBob, alice.engine().ref(),
                new AckBlock(1, 0, List.of()))), source);
        Injector.deliver(net, alice, FrameCodec.encode(new Data(oldBob, alice.engine().ref(), 1, AckBlock.NONE,
                List.of(new StreamRecord(0, 1, StreamRecord.END, new byte[] {'x'})))), source);
        net.runFor(MS);
        Map<String, Long> after = chat.counters().get(alice);
        assertEquals(2, alice.engine().directory().size());
        assertEquals(3, after.get("dropped_stale_incarnation") - before.get("dropped_stale_incarnation"),
                "protocol.md 3: frames from a smaller incarnation than the table's are stale; unknown_peer went from "
                        + before.get("dropped_unknown_peer") + " to " + after.get("dropped_unknown_peer"));
    }

    // ---------------------------------------------------------------------------------------------------------
    // Helpers
    // ---------------------------------------------------------------------------------------------------------

    /** Three real peers and what they said to whom, for checking delivery exactly once and in order. */
    static final class Chat {
        final SimNetwork net;
        final List<SimNode> nodes = new ArrayList<>();
        final Map<String, Map<String, List<String>>> expected = new HashMap<>(); // sender -> receiver -> texts
        final Map<SimNode, Integer> outcomesDue = new HashMap<>();
        int messages;

        private Chat(SimNetwork net) {
            this.net = net;
        }

        static Chat start(SimNetwork net) {
            Chat chat = new Chat(net);
            for (String name : NAMES) {
                SimNode n = net.start(NodeConfig.defaults(name));
                chat.nodes.add(n);
                chat.outcomesDue.put(n, 0);
                for (String other : NAMES) {
                    chat.expected.computeIfAbsent(name, k -> new HashMap<>()).put(other, new ArrayList<>());
                }
            }
            assertTrue(net.runUntil(() -> chat.nodes.stream().allMatch(n -> n.engine().directory().size() == 2),
                    5 * SECOND), "the peers never found each other");
            return chat;
        }

        /** Past the start-up HELLOs (0, 200, 600 ms) and their answers, every peer has a stream to every other. */
        void warmUp() {
            for (SimNode n : nodes) {
                for (SimNode m : nodes) {
                    if (n != m) {
                        whisper(n, name(m), "hello " + name(m));
                    }
                }
                say(n, "hello all from " + name(n));
            }
            assertTrue(net.runUntil(this::allSettled, 5 * SECOND));
            net.runFor(Math.max(0, SECOND - net.now()));
        }

        /** Now and then each peer says something: mostly short, sometimes long with split characters. */
        void chatter(SplittableRandom random, int round) {
            for (SimNode n : nodes) {
                if (random.nextInt(8) != 0) {
                    continue;
                }
                String text = name(n) + " round " + round;
                if (random.nextInt(30) == 0) {
                    text = text + " " + "ünïcödé ✓ 😀 ".repeat(150 + random.nextInt(300));
                }
                if (random.nextInt(3) == 0) {
                    say(n, text);
                } else {
                    whisper(n, NAMES[(nodes.indexOf(n) + 1 + random.nextInt(2)) % 3], text);
                }
            }
        }

        void whisper(SimNode from, String to, String text) {
            try {
                from.node().whisper(to, text);
            } catch (PeerLookupException e) {
                throw new AssertionError(e);
            }
            expected.get(name(from)).get(to).add(text);
            messages++;
            outcomesDue.merge(from, 1, Integer::sum);
        }

        void say(SimNode from, String text) {
            from.node().say(text);
            messages++;
            for (String other : NAMES) {
                if (!other.equals(name(from))) {
                    expected.get(name(from)).get(other).add(text);
                    outcomesDue.merge(from, 1, Integer::sum);
                }
            }
        }

        boolean allSettled() {
            for (SimNode n : nodes) {
                int outcomes = n.events().of(ChatEvent.Delivered.class).size()
                        + n.events().of(ChatEvent.Undelivered.class).size();
                if (outcomes < outcomesDue.get(n)) {
                    return false;
                }
            }
            return true;
        }

        void assertEveryMessageArrivedOnceInOrder() {
            for (SimNode n : nodes) {
                assertEquals(List.of(), n.events().of(ChatEvent.Undelivered.class), name(n) + " had failures");
                assertEquals((int) outcomesDue.get(n), n.events().of(ChatEvent.Delivered.class).size());
                for (SimNode sender : nodes) {
                    if (sender == n) {
                        continue;
                    }
                    List<String> got = n.events().of(ChatEvent.MessageReceived.class).stream()
                            .filter(m -> m.from().name().equals(name(sender))).map(ChatEvent.MessageReceived::text)
                            .toList();
                    assertEquals(expected.get(name(sender)).get(name(n)), got,
                            "from " + name(sender) + " to " + name(n));
                }
            }
        }

        int membershipEvents() {
            int count = 0;
            for (SimNode n : nodes) {
                count += n.events().of(ChatEvent.PeerJoined.class).size() + n.events().of(ChatEvent.PeerLeft.class).size();
            }
            return count;
        }

        Map<SimNode, Map<String, Long>> counters() {
            Map<SimNode, Map<String, Long>> out = new LinkedHashMap<>();
            for (SimNode n : nodes) {
                out.put(n, n.node().counters());
            }
            return out;
        }

        static String name(SimNode n) {
            return n.engine().self().name();
        }
    }

    /** Watches the real traffic: a sample of datagrams to damage, stream epochs, highest sequence numbers. */
    static final class Traffic implements BiConsumer<SimNode, byte[]> {
        static final int SAMPLES = 4_000;
        final SimNetwork net;
        final SplittableRandom random;
        final List<byte[]> samples = new ArrayList<>();
        final Map<List<Long>, Integer> epochs = new HashMap<>();      // [sender id, receiver id] -> epoch
        final Map<List<Long>, Integer> highestSeq = new HashMap<>();  // [sender id, receiver id] -> seq
        final Map<SimNode, List<long[]>> announcements = new HashMap<>(); // {time, frame type code}
        long seen;

        Traffic(SimNetwork net, SplittableRandom random) {
            this.net = net;
            this.random = random;
        }

        @Override
        public void accept(SimNode from, byte[] datagram) {
            seen++;
            if (samples.size() < SAMPLES) {
                samples.add(datagram);
            } else if (random.nextLong(seen) < SAMPLES) {
                samples.set(random.nextInt(SAMPLES), datagram);
            }
            Frame f = FrameCodec.decode(datagram).frame();
            if (f instanceof Data d) {
                List<Long> key = List.of(d.sender().id(), d.receiver().id());
                epochs.merge(key, d.epoch(), (a, b) -> Wire.distance(a, b) > 0 ? b : a);
                for (StreamRecord r : d.records()) {
                    highestSeq.merge(key, r.seq(), (a, b) -> Wire.distance(a, b) > 0 ? b : a);
                }
            } else if (f instanceof Announcement || f instanceof Goodbye) {
                announcements.computeIfAbsent(from, k -> new ArrayList<>())
                        .add(new long[] {net.now(), f.type().code});
            }
        }

        Integer epoch(PeerRef sender, PeerRef receiver) {
            return epochs.get(List.of(sender.id(), receiver.id()));
        }

        Integer highestSeq(PeerRef sender, PeerRef receiver) {
            return highestSeq.get(List.of(sender.id(), receiver.id()));
        }

        /**
         * HEARTBEATs a node sent to the group that came back to it between two snapshots. After the start-up
         * HELLOs no real peer sends a HELLO to another, so every HEARTBEAT goes to the group; it returns after
         * the network's one-way delay, and a snapshot at time t includes what arrived at t.
         */
        long groupSendsHeardBetween(SimNode n, long from, long to) {
            long delay = Conditions.LAN.delayNanos();
            return announcements.getOrDefault(n, List.of()).stream()
                    .filter(a -> a[1] == FrameType.HEARTBEAT.code && a[0] + delay > from && a[0] + delay <= to)
                    .count();
        }

        long unicastHellosBetween(SimNode n, long from, long to) {
            return announcements.getOrDefault(n, List.of()).stream()
                    .filter(a -> a[1] == FrameType.HELLO.code && a[0] >= from && a[0] <= to).count();
        }
    }

    /** What must become of an injected datagram: not injected at all, accepted, or dropped for a reason. */
    record Fate(boolean inject, DropReason reason, int count) {
        static final Fate SKIP = new Fate(false, null, 0);
        static final Fate ACCEPTED = new Fate(true, null, 0);

        static Fate drop(DropReason r) {
            return new Fate(true, r, 1);
        }
    }

    /** Makes damaged and forged datagrams, predicts their fate, and hands them to one engine. */
    static final class Injector {
        final SimNetwork net;
        final Chat chat;
        final Traffic traffic;
        final SplittableRandom random;
        final Map<Long, PeerRef> real = new HashMap<>();
        final Map<SimNode, EnumMap<DropReason, Long>> expected = new HashMap<>();
        final Map<String, Integer> kinds = new HashMap<>();
        long injected;

        Injector(SimNetwork net, Chat chat, Traffic traffic, SplittableRandom random) {
            this.net = net;
            this.chat = chat;
            this.traffic = traffic;
            this.random = random;
            for (SimNode n : chat.nodes) {
                real.put(n.engine().ref().id(), n.engine().ref());
                expected.put(n, new EnumMap<>(DropReason.class));
            }
        }

        static InetSocketAddress fakeSource(long i) {
            try {
                // In-memory only, and no simulated node has this address: answers to it go nowhere.
                return new InetSocketAddress(InetAddress.getByAddress(new byte[] {127, 66, (byte) (i >> 8), (byte) i}),
                        50_000 + (int) (i % 10_000));
            } catch (UnknownHostException e) {
                throw new AssertionError(e);
            }
        }

        /** Hands a datagram to a node's engine on its loop at the current virtual time. */
        static void deliver(SimNetwork net, SimNode target, byte[] datagram, InetSocketAddress source) {
            target.execute(() -> target.engine().onDatagram(ByteBuffer.wrap(datagram), source, net.now(), false));
        }

        void injectOne() {
            SimNode target = chat.nodes.get(random.nextInt(chat.nodes.size()));
            int dice = random.nextInt(100);
            String kind;
            byte[] datagram;
            if (dice < 30) {
                kind = "random bytes";
                datagram = randomBytes();
            } else if (dice < 60) {
                kind = "damaged copy";
                datagram = mutate(traffic.samples.get(random.nextInt(traffic.samples.size())));
            } else {
                Forgery forgery = Forgery.values()[random.nextInt(Forgery.values().length)];
                kind = forgery.name();
                datagram = FrameCodec.encode(forge(forgery, target));
            }
            DecodeResult decoded = FrameCodec.decode(datagram);
            Fate fate = decoded.ok() ? predict(decoded.frame(), target) : Fate.drop(decoded.dropped());
            if (!fate.inject()) {
                return;
            }
            kinds.merge(kind + (fate.reason() == null ? " accepted" : " " + fate.reason()), 1, Integer::sum);
            if (fate.reason() != null) {
                expected.get(target).merge(fate.reason(), (long) fate.count(), Long::sum);
            }
            deliver(net, target, datagram, fakeSource(random.nextInt(4_096)));
            injected++;
        }

        // ---- fates ----

        Fate predict(Frame f, SimNode target) {
            PeerRef self = target.engine().ref();
            PeerRef known = real.get(f.sender().id());
            if (f.sender().id() == self.id()) {
                return Fate.drop(DropReason.OWN_ID);
            }
            if (f instanceof Announcement) {
                return known != null && f.sender().incarnation() < known.incarnation()
                        ? Fate.drop(DropReason.STALE_INCARNATION) : Fate.SKIP; // anything else would join
            }
            if (f instanceof Goodbye) {
                if (known == null || f.sender().incarnation() > known.incarnation()) {
                    return Fate.drop(DropReason.UNKNOWN_PEER);
                }
                return Fate.SKIP; // the real one would remove a peer; older ones: see the test on incarnations
            }
            if (f instanceof lanchat.wire.Reset) {
                // Real traffic has RESETs now (NO_STATE when a peer's first message, its presence, overtakes
                // the join): a copy could end a real stream, so none is injected.
                return Fate.SKIP;
            }
            if (f instanceof lanchat.wire.BulkData || f instanceof lanchat.wire.BulkAck
                    || f instanceof lanchat.wire.BulkStop) {
                return Fate.SKIP; // bulk frames have tests of their own (BulkTransferSimTest, the wire tests)
            }
            PeerRef receiver = f instanceof Data d ? d.receiver() : ((Ack) f).receiver();
            if (!receiver.equals(self)) {
                return Fate.drop(DropReason.NOT_FOR_ME);
            }
            if (known == null || f.sender().incarnation() > known.incarnation()) {
                return Fate.drop(DropReason.UNKNOWN_PEER);
            }
            if (!known.equals(f.sender())) {
                return Fate.SKIP;
            }
            AckBlock ack = f instanceof Data d ? d.ack() : ((Ack) f).ack();
            Integer ourEpoch = traffic.epoch(self, known);
            if (ack.present() && ourEpoch != null && ack.epoch() == ourEpoch) {
                return Fate.SKIP; // a made-up acknowledgement of a real stream could confirm what never arrived
            }
            return f instanceof Data d ? predictData(d, self) : Fate.ACCEPTED;
        }

        /** DATA from a real peer to this node, with an acknowledgement that cannot touch a real stream. */
        Fate predictData(Data d, PeerRef self) {
            Integer epoch = traffic.epoch(d.sender(), self);
            Integer highest = traffic.highestSeq(d.sender(), self);
            if (epoch == null || highest == null) {
                return Fate.SKIP;
            }
            if (Wire.distance(epoch, d.epoch()) < 0) {
                return Fate.drop(DropReason.STALE_EPOCH);
            }
            if (d.epoch() != epoch) {
                return Fate.SKIP; // a newer epoch would replace the real stream
            }
            // The receiver's next expected lies within 1024 records before highest + 1.
            int beyond = 0;
            int before = 0;
            for (StreamRecord r : d.records()) {
                int ahead = Wire.distance(highest + 1, r.seq());
                if (ahead >= Wire.WINDOW && ahead <= Integer.MAX_VALUE - 2 * Wire.WINDOW) {
                    beyond++;
                } else if (ahead < -Wire.WINDOW && ahead >= Integer.MIN_VALUE + 2 * Wire.WINDOW) {
                    before++;
                }
            }
            if (beyond == d.records().size()) {
                return new Fate(true, DropReason.BEYOND_WINDOW, beyond);
            }
            return before == d.records().size() ? Fate.ACCEPTED : Fate.SKIP; // old records are duplicates
        }

        // ---- makers ----

        byte[] randomBytes() {
            int dice = random.nextInt(1_000);
            if (dice == 0) {
                return new byte[Wire.MAX_RECEIVE_DATAGRAM + 1 + random.nextInt(100)];
            }
            byte[] b = new byte[dice < 400 ? random.nextInt(64) : random.nextInt(1_500)];
            for (int i = 0; i < b.length; i++) {
                b[i] = (byte) random.nextInt(256);
            }
            if (dice >= 700 && b.length >= 4) { // a plausible header, so decoding goes deeper
                b[0] = 'L';
                b[1] = 'C';
                b[2] = (byte) (random.nextInt(10) == 0 ? random.nextInt(4) : 1);
                int[] types = {0x01, 0x02, 0x03, 0x10, 0x11, 0x20, 0x31, 0x00};
                b[3] = (byte) types[random.nextInt(types.length)];
                if (b.length >= 20 && random.nextBoolean()) {
                    PeerRef sender = someSender();
                    ByteBuffer.wrap(b, 4, 16).putLong(sender.id()).putLong(sender.incarnation());
                }
            }
            return b;
        }

        byte[] mutate(byte[] original) {
            byte[] d = original.clone();
            for (int n = 1 + random.nextInt(3); n > 0; n--) {
                switch (random.nextInt(8)) {
                    case 0 -> {
                        if (d.length > 0) {
                            d[random.nextInt(d.length)] ^= (byte) (1 << random.nextInt(8));
                        }
                    }
                    case 1 -> {
                        if (d.length > 0) {
                            int[] values = {0x00, 0x01, 0x7F, 0x80, 0xFF, random.nextInt(256)};
                            d[random.nextInt(d.length)] = (byte) values[random.nextInt(values.length)];
                        }
                    }
                    case 2 -> d = Arrays.copyOf(d, d.length == 0 ? 0 : random.nextInt(d.length));
                    case 3 -> {
                        int extra = 1 + random.nextInt(40);
                        d = Arrays.copyOf(d, d.length + extra);
                        for (int i = d.length - extra; i < d.length; i++) {
                            d[i] = (byte) random.nextInt(256);
                        }
                    }
                    case 4 -> {
                        if (d.length >= 4) {
                            int[] values = {0, -1, Integer.MIN_VALUE, Integer.MAX_VALUE, random.nextInt()};
                            ByteBuffer.wrap(d).putInt(random.nextInt(d.length - 3), values[random.nextInt(values.length)]);
                        }
                    }
                    case 5 -> {
                        if (d.length >= 4) {
                            d[3] = (byte) random.nextInt(256); // frame type
                        }
                    }
                    case 6 -> {
                        if (d.length > 2) {
                            int at = random.nextInt(d.length);
                            byte[] out = new byte[d.length - 1];
                            System.arraycopy(d, 0, out, 0, at);
                            System.arraycopy(d, at + 1, out, at, d.length - at - 1);
                            d = out;
                        }
                    }
                    default -> {
                        byte[] other = traffic.samples.get(random.nextInt(traffic.samples.size()));
                        int cut = random.nextInt(Math.min(d.length, other.length) + 1);
                        byte[] out = other.clone();
                        System.arraycopy(d, 0, out, 0, cut);
                        d = out; // the head of one real datagram on the tail of another
                    }
                }
            }
            return d;
        }

        enum Forgery {
            WRONG_RECEIVER, STRANGER, NEWER_INCARNATION, HUGE_SEQUENCE, OLD_SEQUENCE, STALE_EPOCH, WRONG_EPOCH_ACK,
            GOODBYE_STRANGER, GOODBYE_NEWER_INCARNATION, GOODBYE_OWN_ID, STALE_ANNOUNCEMENT, OWN_ANNOUNCEMENT,
            OWN_ID_DATA
        }

        Frame forge(Forgery kind, SimNode target) {
            PeerRef self = target.engine().ref();
            PeerRef peer = otherPeer(self);
            Data model = someData();
            switch (kind) {
                case WRONG_RECEIVER:
                    PeerRef wrong = random.nextBoolean() ? stranger() : new PeerRef(self.id(), self.incarnation() + 1);
                    return random.nextBoolean() ? retarget(model, peer, wrong, model.epoch(), model.records())
                            : new Ack(peer, wrong, new AckBlock(1 + random.nextInt(5), random.nextInt(), List.of()));
                case STRANGER:
                    return retarget(model, stranger(), self, model.epoch(), model.records());
                case NEWER_INCARNATION:
                    PeerRef newer = new PeerRef(peer.id(), peer.incarnation() + 1 + random.nextInt(1_000));
                    return random.nextBoolean() ? retarget(model, newer, self, 1, model.records())
                            : new Ack(newer, self, new AckBlock(1, 0, List.of()));
                case HUGE_SEQUENCE:
                    return retarget(model, peer, self, traffic.epoch(peer, self),
                            renumber(model.records(), traffic.highestSeq(peer, self) + 1 + Wire.WINDOW, 1 << 30));
                case OLD_SEQUENCE:
                    return retarget(model, peer, self, traffic.epoch(peer, self),
                            renumber(model.records(), traffic.highestSeq(peer, self) - (1 << 30), (1 << 30) - 2 * Wire.WINDOW));
                case STALE_EPOCH:
                    int epoch = traffic.epoch(peer, self);
                    int stale = epoch - 1 - random.nextInt(Integer.MAX_VALUE - 1);
                    return retarget(model, peer, self, stale == 0 ? -1 : stale, model.records());
                case WRONG_EPOCH_ACK:
                    int ours = traffic.epoch(self, peer);
                    return new Ack(peer, self, new AckBlock(ours + 1 + random.nextInt(1_000), random.nextInt(), List.of()));
                case GOODBYE_STRANGER:
                    return new Goodbye(stranger());
                case GOODBYE_NEWER_INCARNATION:
                    return new Goodbye(new PeerRef(peer.id(), peer.incarnation() + 1 + random.nextInt(1_000)));
                case GOODBYE_OWN_ID:
                    return new Goodbye(random.nextBoolean() ? self : new PeerRef(self.id(), 1 + random.nextInt(1_000)));
                case STALE_ANNOUNCEMENT:
                    return announcement(new PeerRef(peer.id(), peer.incarnation() - 1 - random.nextInt(1_000_000)));
                case OWN_ANNOUNCEMENT:
                    return announcement(new PeerRef(self.id(), 1 + random.nextLong(self.incarnation() + 10)));
                default:
                    return random.nextBoolean() ? retarget(model, self, self, model.epoch(), model.records())
                            : new Ack(self, self, new AckBlock(1, 0, List.of()));
            }
        }

        Announcement announcement(PeerRef sender) {
            FrameType type = random.nextBoolean() ? FrameType.HELLO : FrameType.HEARTBEAT;
            return new Announcement(type, sender, 1 + random.nextInt(65_535), 100 + random.nextInt(65_436),
                    "x" + random.nextInt(1_000_000));
        }

        static Data retarget(Data model, PeerRef sender, PeerRef receiver, int epoch, List<StreamRecord> records) {
            return new Data(sender, receiver, epoch, AckBlock.NONE, records);
        }

        /** The records renumbered from {@code base + (0 .. spread)}, in order, as a sender would number them. */
        List<StreamRecord> renumber(List<StreamRecord> records, int base, int spread) {
            int seq = base + random.nextInt(spread);
            List<StreamRecord> out = new ArrayList<>();
            for (StreamRecord r : records.subList(0, Math.min(records.size(), 1 + random.nextInt(4)))) {
                out.add(new StreamRecord(seq++, r.messageId(), r.flags(), r.payload()));
            }
            return out;
        }

        Data someData() {
            for (int tries = 0; tries < 1_000; tries++) {
                Frame f = FrameCodec.decode(traffic.samples.get(random.nextInt(traffic.samples.size()))).frame();
                if (f instanceof Data d) {
                    return d;
                }
            }
            throw new AssertionError("no DATA in the captured traffic");
        }

        PeerRef otherPeer(PeerRef self) {
            List<PeerRef> others = real.values().stream().filter(r -> !r.equals(self)).toList();
            return others.get(random.nextInt(others.size()));
        }

        PeerRef stranger() {
            long id;
            do {
                id = random.nextLong();
            } while (id == 0 || real.containsKey(id));
            return new PeerRef(id, 1 + random.nextLong(Long.MAX_VALUE - 1));
        }

        PeerRef someSender() {
            List<PeerRef> refs = new ArrayList<>(real.values());
            return random.nextInt(4) == 0 ? stranger() : refs.get(random.nextInt(refs.size()));
        }
    }
}
