package lanchat.bulk;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import lanchat.wire.PeerRef;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * The table of completed transfers against a plain model (a map in completion order): random adds, removals,
 * peers going, expiry and the cap, with seeds; every kept length is found and nothing else is.
 */
class CompletedTransfersTest {
    private record Key(PeerRef peer, int id) {}

    private record Kept(long length, long at) {}

    private static final List<PeerRef> PEERS = List.of(new PeerRef(2, 1), new PeerRef(3, 1), new PeerRef(3, 2));

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
    void agreesWithAMapInCompletionOrder(long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        CompletedTransfers table = new CompletedTransfers();
        Map<Key, Kept> model = new LinkedHashMap<>();
        long now = 0;
        long idle = 1_000;
        for (int step = 0; step < 200_000; step++) {
            now += rnd.nextInt(3);
            PeerRef peer = PEERS.get(rnd.nextInt(PEERS.size()));
            int id = 1 + rnd.nextInt(rnd.nextBoolean() ? 64 : 100_000); // few ids (clashes) or many (growth)
            int op = rnd.nextInt(100);
            if (op < 70) {
                long length = rnd.nextLong(1L << 40);
                table.add(peer, id, length, now);
                model.remove(new Key(peer, id));
                model.put(new Key(peer, id), new Kept(length, now));
                if (model.size() > CompletedTransfers.MAX) {
                    Iterator<Key> oldest = model.keySet().iterator();
                    oldest.next();
                    oldest.remove();
                }
            } else if (op < 90) {
                assertEquals(model.remove(new Key(peer, id)) != null, table.remove(peer, id));
            } else if (op < 91) {
                table.removePeer(peer);
                model.keySet().removeIf(k -> k.peer.equals(peer));
            } else {
                table.expire(now, idle);
                long t = now;
                model.values().removeIf(k -> t - k.at >= idle);
            }
            if (step % 997 == 0 || op >= 90) {
                assertEquals(model.size(), table.size(), "step " + step);
            }
            Key probe = new Key(PEERS.get(rnd.nextInt(PEERS.size())), 1 + rnd.nextInt(100_000));
            Kept k = model.get(probe);
            assertEquals(k == null ? -1 : k.length, table.lengthOf(probe.peer, probe.id), "step " + step);
        }
        for (Map.Entry<Key, Kept> e : model.entrySet()) {
            assertEquals(e.getValue().length, table.lengthOf(e.getKey().peer, e.getKey().id));
        }
        long oldest = model.values().stream().mapToLong(Kept::at).min().orElse(Long.MAX_VALUE - idle);
        assertEquals(model.isEmpty() ? Long.MAX_VALUE : oldest + idle, table.nextDeadline(idle));
    }

    @Test
    void theCapPushesOutTheOldestAndCountsThem() {
        CompletedTransfers table = new CompletedTransfers();
        PeerRef peer = PEERS.get(0);
        for (int id = 1; id <= CompletedTransfers.MAX + 10; id++) {
            table.add(peer, id, id, id);
        }
        assertEquals(CompletedTransfers.MAX, table.size());
        assertEquals(10, table.evicted());
        assertEquals(-1, table.lengthOf(peer, 10));
        assertEquals(11, table.lengthOf(peer, 11));
        assertEquals(CompletedTransfers.MAX + 10, table.lengthOf(peer, CompletedTransfers.MAX + 10));
    }
}
