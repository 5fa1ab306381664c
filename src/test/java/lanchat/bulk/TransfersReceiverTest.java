package lanchat.bulk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import lanchat.wire.BulkAck;
import lanchat.wire.BulkData;
import lanchat.wire.BulkStop;
import lanchat.wire.Frame;
import lanchat.wire.PeerRef;
import org.junit.jupiter.api.Test;

/**
 * The receiving side of the bulk layer with many transfers, driven by hand (virtual time, no network):
 * completed receivers are kept for the idle time and still acknowledged, the idle check finds the one least
 * recently heard among many, and a listener may cancel the others while a peer's transfers fail.
 */
class TransfersReceiverTest {
    private static final long MS = 1_000_000L;
    private static final long IDLE = BulkPolicy.DEFAULTS.idleTimeoutNanos();
    private final PeerRef self = new PeerRef(1, 1);
    private final PeerRef sender = new PeerRef(2, 2);
    private final List<Frame> sent = new ArrayList<>();
    private final Transfers transfers = new Transfers(self, BulkPolicy.DEFAULTS, (peer, f) -> sent.add(f));
    private final List<String> events = new ArrayList<>();

    private BulkListener recording(int id) {
        return new BulkListener() {
            @Override
            public void completed() {
                events.add(id + " completed");
            }

            @Override
            public void failed(String reason) {
                events.add(id + " failed");
            }
        };
    }

    private void receive(int id, long length, long now) {
        transfers.receive(sender, id, (offset, bytes) -> bytes.position(bytes.limit()), 0, length, recording(id), now);
    }

    private void data(int id, long packet, long offset, int bytes, long now) {
        transfers.onData(new BulkData(sender, self, id, packet, offset, new byte[bytes]), now);
    }

    private List<BulkAck> acksFlushed(long now) {
        sent.clear();
        transfers.flush(now);
        return sent.stream().filter(f -> f instanceof BulkAck).map(f -> (BulkAck) f).toList();
    }

    @Test
    void aCompletedTransferAmongManyStillAcknowledgesALateRepeat() {
        for (int id = 1; id <= 1_000; id++) {
            receive(id, 100, 0);
            data(id, 0, 0, 100, 0);
        }
        assertEquals(1_000, acksFlushed(0).size(), "each completion is acknowledged at once");
        assertEquals(List.of(), acksFlushed(5 * MS), "nothing owed: nothing sent");
        data(17, 1, 0, 100, 10 * MS); // the sender missed the last ack and sent the end again
        List<BulkAck> acks = acksFlushed(11 * MS); // within the ack delay (1 ms)
        assertEquals(1, acks.size());
        assertEquals(17, acks.get(0).transfer());
        assertEquals(100, acks.get(0).received());
        assertEquals(1_000, events.stream().filter(e -> e.endsWith("completed")).count());
    }

    @Test
    void aCompletedTransferIsKeptForTheIdleTimeThenARepeatIsUnknown() {
        receive(5, 100, 0);
        data(5, 0, 0, 100, 0);
        assertEquals(1, acksFlushed(0).size());
        java.util.Map<String, Long> c = new java.util.HashMap<>();
        transfers.addCounters(c);
        assertEquals(1L, c.get("bulk_completed_kept"));
        assertEquals(0L, c.get("bulk_transfers"), "acknowledged as whole, it is no transfer any more");
        assertEquals(IDLE, transfers.nextDeadline(), "the next timer is its expiry");
        data(5, 1, 0, 100, IDLE - MS);
        assertEquals(100, acksFlushed(IDLE - MS).get(0).received(), "a late repeat within the idle time");
        transfers.onTimer(IDLE);
        sent.clear();
        data(5, 2, 0, 100, IDLE + MS);
        transfers.flush(IDLE + MS);
        assertEquals(List.of(BulkStop.Cause.UNKNOWN), sent.stream().filter(f -> f instanceof BulkStop)
                .map(f -> ((BulkStop) f).cause()).toList(), "forgotten after the idle time after completing");
    }

    @Test
    void theIdleCheckFindsTheLeastRecentlyHeardWhateverTheOrderTheyStarted() {
        receive(1, 10_000, 0);
        receive(2, 10_000, 0);
        receive(3, 10_000, 0);
        data(1, 0, 0, 1_000, 0);
        data(3, 0, 0, 1_000, 0);
        data(2, 0, 0, 1_000, 0);
        data(1, 1, 1_000, 1_000, 10_000 * MS); // 1 is heard again: 3, then 2, are the oldest now
        acksFlushed(10_001 * MS); // every ack owed goes: only the idle deadlines are left
        assertEquals(IDLE, transfers.nextDeadline(), "the deadline is the oldest one's");
        transfers.onTimer(IDLE - 1);
        assertEquals(List.of(), events);
        transfers.onTimer(IDLE);
        assertEquals(List.of("3 failed", "2 failed"), events);
        assertEquals(10_000 * MS + IDLE, transfers.nextDeadline());
        transfers.onTimer(10_000 * MS + IDLE);
        assertEquals(List.of("3 failed", "2 failed", "1 failed"), events);
        assertTrue(transfers.idle());
    }

    @Test
    void aListenerMayCancelTheOthersWhileThePeersTransfersFail() {
        for (int id = 1; id <= 3; id++) {
            int mine = id;
            transfers.receive(sender, id, (offset, bytes) -> bytes.position(bytes.limit()), 0, 100, new BulkListener() {
                @Override
                public void completed() {}

                @Override
                public void failed(String reason) {
                    events.add(mine + " failed: " + reason);
                    for (int other = 1; other <= 3; other++) {
                        transfers.cancel(sender, other, "cancelled"); // as the files layer does for an offer
                    }
                }
            }, 0);
        }
        transfers.peerGone(sender, "left");
        assertEquals(3, events.size());
        assertTrue(events.stream().allMatch(e -> e.endsWith("failed: left")), events.toString());
        assertTrue(transfers.idle());
    }
}
