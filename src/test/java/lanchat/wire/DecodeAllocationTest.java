package lanchat.wire;

import static lanchat.wire.DecodeAssertions.assertDropped;
import static lanchat.wire.WireBytes.ALICE;
import static lanchat.wire.WireBytes.BOB;
import static lanchat.wire.WireBytes.header;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Lengths and counts in a datagram are claims. The decoder must check them against the bytes that remain
 * before allocating, so a small hostile datagram costs as little as a small honest one.
 */
class DecodeAllocationTest {
    private static final int ROUNDS = 20_000;

    /** A DATA up to its record count (ack block empty), with {@code tail} bytes of zeros after. */
    private static byte[] dataClaiming(int recordCount, int tail) {
        return header(0x10, ALICE).peer(BOB).u32(1).noAck().u8(recordCount).zeros(tail).build();
    }

    /** A DATA with one record whose payload length claims {@code length} bytes, with 3 present. */
    private static byte[] payloadClaiming(int length) {
        return header(0x10, ALICE).peer(BOB).u32(1).noAck().u8(1).u32(0).u32(1).u8(2).u16(length).ascii("abc")
                .build();
    }

    @Test
    void recordCountTheDatagramCannotHoldIsTruncatedAtOnce() {
        byte[] hostile = dataClaiming(255, 12); // 255 records claimed, room for one
        assertDropped(DropReason.TRUNCATED, hostile);
        assertTimeoutPreemptively(Duration.ofSeconds(2), () -> {
            for (int i = 0; i < ROUNDS; i++) {
                FrameCodec.decode(hostile);
            }
        });
        assertCostsAboutTheSame(hostile, dataClaiming(2, 12));
    }

    @Test
    void payloadLengthBeyondTheDatagramAllocatesNothingForIt() {
        byte[] hostile = payloadClaiming(0xFFFF);
        assertDropped(DropReason.TRUNCATED, hostile);
        assertCostsAboutTheSame(hostile, payloadClaiming(4));
    }

    @Test
    void nameLengthBeyondTheDatagramIsTruncated() {
        assertDropped(DropReason.TRUNCATED, header(0x01, ALICE).u16(7667).u16(2000).u8(32).ascii("a"));
    }

    /**
     * Both datagrams are dropped as truncated; the hostile one may not allocate noticeably more per decode
     * than the honest one (a 255-slot list is ~1 KB, a 64 KB payload buffer far more).
     */
    private static void assertCostsAboutTheSame(byte[] hostile, byte[] honest) {
        assertDropped(DropReason.TRUNCATED, honest);
        long hostileBytes = allocatedPerDecode(hostile);
        long honestBytes = allocatedPerDecode(honest);
        // The two fail with different messages, so their costs differ by a few hundred bytes depending on
        // what the JIT has compiled (343 B seen on a loaded machine). What must never happen is allocation
        // sized by the claimed length: a 255-slot list is over 1,000 B, a 64 KB payload buffer far more.
        assertTrue(hostileBytes - honestBytes < 768,
                "hostile datagram allocates " + hostileBytes + " B per decode, honest one " + honestBytes + " B");
    }

    private static long allocatedPerDecode(byte[] datagram) {
        java.lang.management.ThreadMXBean bean = ManagementFactory.getThreadMXBean();
        assumeTrue(bean instanceof com.sun.management.ThreadMXBean, "no per-thread allocation counter");
        com.sun.management.ThreadMXBean counter = (com.sun.management.ThreadMXBean) bean;
        assumeTrue(counter.isThreadAllocatedMemorySupported() && counter.isThreadAllocatedMemoryEnabled());
        for (int i = 0; i < ROUNDS; i++) { // warm up so both sides are measured compiled
            FrameCodec.decode(datagram);
        }
        long tid = Thread.currentThread().getId();
        long before = counter.getThreadAllocatedBytes(tid);
        for (int i = 0; i < ROUNDS; i++) {
            FrameCodec.decode(datagram);
        }
        return (counter.getThreadAllocatedBytes(tid) - before) / ROUNDS;
    }
}
