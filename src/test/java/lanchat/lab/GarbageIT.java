package lanchat.lab;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import lanchat.node.NodeConfig;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A third host throws random and mutated datagrams at alice's and bob's unicast ports and at the group
 * while they chat: they go on chatting, and their memory stays flat.
 */
@Tag("lab")
class GarbageIT {
    private static final int FUZZ_SECONDS = Integer.getInteger("lanchat.lab.fuzzSeconds", 20);
    /** Datagrams per second, spread over the group and the two peers' unicast ports. */
    private static final int FUZZ_RATE = Integer.getInteger("lanchat.lab.fuzzRate", 2_000);
    private static final long FUZZ_SEED = Long.getLong("lanchat.lab.fuzzSeed", 4242);
    private static final int BATCH = 20;
    /**
     * Growth allowed over the second burst. The heap is fixed and pre-touched (LabPeer.JVM_OPTIONS), so RSS
     * grows only natively; a leak of the garbage itself would overflow the 64 MB heap and end the process
     * (ExitOnOutOfMemoryError).
     */
    private static final long MAX_RSS_GROWTH_KIB = 16 * 1024;

    @RegisterExtension
    static final LabFixture LAB = LabFixture.withLanchat(3);

    @Test
    void peersGoOnChattingUnderGarbageAndTheirMemoryStaysFlat() throws Exception {
        try (Peers peers = LAB.peers()) {
            List<LabPeer> both = peers.startMesh("alice", "bob");
            LabPeer alice = both.get(0);
            LabPeer bob = both.get(1);
            Chat chat = new Chat(alice, bob);
            chat.round();
            long[] calm = rss(both);
            // The first burst warms up everything that grows once (JIT code, malloc arenas, a full peer
            // table of made-up peers); the second, as long and as hard, must not grow memory further.
            chat.underGarbage(FUZZ_SEED);
            long[] warm = rss(both);
            chat.underGarbage(FUZZ_SEED + 1);
            chat.round();
            long[] after = rss(both);
            String rss = String.format("RSS KiB calm/after first burst/after second burst: alice %d/%d/%d,"
                    + " bob %d/%d/%d; %d chat rounds", calm[0], warm[0], after[0], calm[1], warm[1], after[1],
                    chat.rounds);
            System.out.println("GarbageIT: " + rss);
            for (int i = 0; i < 2; i++) {
                assertTrue(after[i] - warm[i] < MAX_RSS_GROWTH_KIB, rss);
            }
            for (LabPeer p : both) {
                assertTrue(p.isAlive(), p.describe());
                assertTrue(p.events(e -> e.invalid()).isEmpty(), "every output line is JSON" + p.describe());
                assertTrue(p.events(Events.left("alice").or(Events.left("bob"))).isEmpty(),
                        "garbage never made a real peer leave" + p.describe());
            }
        }
    }

    private static long[] rss(List<LabPeer> peers) throws java.io.IOException {
        long[] out = new long[peers.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = peers.get(i).rssKiB();
        }
        return out;
    }

    /** alice and bob writing to each other in rounds. */
    private static final class Chat {
        final LabPeer alice;
        final LabPeer bob;
        int rounds;

        Chat(LabPeer alice, LabPeer bob) {
            this.alice = alice;
            this.bob = bob;
        }

        /** Chat rounds for as long as a garbage host fires (it stops by itself after FUZZ_SECONDS). */
        void underGarbage(long seed) throws java.io.IOException {
            String aliceAt = endpoint(alice);
            String bobAt = endpoint(bob);
            try (LabPeer fuzzer = LabPeer.startHelper(LAB.lab(), 3, "fuzzer", GarbageSender.class, Lab.INTERFACE,
                    NodeConfig.DEFAULT_GROUP, String.valueOf(NodeConfig.DEFAULT_PORT), String.valueOf(FUZZ_SECONDS),
                    String.valueOf(FUZZ_RATE), String.valueOf(seed), aliceAt, bobAt)) {
                fuzzer.await("fuzzer started", e -> e.is("started"), Peers.START);
                int limit = rounds + 10_000;
                while (fuzzer.events(e -> e.is("done")).isEmpty() && rounds < limit) {
                    round();
                }
                Event done = fuzzer.await("fuzzer done", e -> e.is("done"), Duration.ofSeconds(FUZZ_SECONDS + 30));
                assertTrue(done.num("sent") > FUZZ_SECONDS * FUZZ_RATE / 2, done.line());
            }
        }

        void round() {
            chat(alice, bob, rounds++);
        }
    }

    /** BATCH direct messages each way, all delivered. */
    private static void chat(LabPeer alice, LabPeer bob, int round) {
        long lastA = 0;
        long lastB = 0;
        for (int i = 0; i < BATCH; i++) {
            lastA = alice.sendMessage("/msg bob a-" + round + "-" + i, Peers.SHORT);
            lastB = bob.sendMessage("/msg alice b-" + round + "-" + i, Peers.SHORT);
        }
        bob.await("alice's round " + round, Events.directMessage("alice", "bob", "a-" + round + "-" + (BATCH - 1)),
                Peers.SHORT);
        alice.await("bob's round " + round, Events.directMessage("bob", "alice", "b-" + round + "-" + (BATCH - 1)),
                Peers.SHORT);
        alice.await("delivery of alice's round " + round, Events.delivered(lastA), Peers.SHORT);
        bob.await("delivery of bob's round " + round, Events.delivered(lastB), Peers.SHORT);
        assertTrue(alice.events(e -> e.is("undelivered")).isEmpty(), alice.describe());
        assertTrue(bob.events(e -> e.is("undelivered")).isEmpty(), bob.describe());
    }

    private static String endpoint(LabPeer p) {
        Event ready = p.ready(Peers.SHORT);
        return ready.str("address") + ":" + ready.str("port");
    }
}
