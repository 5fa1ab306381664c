package lanchat.wire;

import static lanchat.wire.DecodeAssertions.assertAccepted;
import static lanchat.wire.DecodeAssertions.assertDropped;
import static lanchat.wire.WireBytes.ALICE;
import static lanchat.wire.WireBytes.BOB;
import static lanchat.wire.WireBytes.header;
import static lanchat.wire.WireBytes.raw;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** The field rules of protocol.md 2.1-2.5: values just inside are accepted, values just outside dropped. */
class FieldRulesTest {
    private static final int HELLO = 0x01;
    private static final int GOODBYE = 0x03;
    private static final int DATA = 0x10;
    private static final int ACK = 0x11;

    private static WireBytes hello(int port, int hold, String name) {
        return header(HELLO, ALICE).u16(port).u16(hold).u8(name.length()).ascii(name);
    }

    /** DATA up to and including the stream epoch; the ack block and records follow. */
    private static WireBytes data(int epoch) {
        return header(DATA, ALICE).peer(BOB).u32(epoch);
    }

    // --- header (2.1)

    @Test
    void senderIdAndIncarnationMustNotBeZero() {
        assertDropped(DropReason.BAD_FIELD, raw(0x4C, 0x43, Wire.VERSION, GOODBYE).u64(0).u64(1));
        assertDropped(DropReason.BAD_FIELD, raw(0x4C, 0x43, Wire.VERSION, GOODBYE).u64(1).u64(0));
        assertAccepted(raw(0x4C, 0x43, Wire.VERSION, GOODBYE).u64(1).u64(1));
        assertAccepted(raw(0x4C, 0x43, Wire.VERSION, GOODBYE).u64(-1).u64(-1)); // u64 max
    }

    // --- HELLO and HEARTBEAT (2.2)

    @Test
    void portZeroIsRefused() {
        assertDropped(DropReason.BAD_FIELD, hello(0, 2000, "alice"));
        assertAccepted(hello(1, 2000, "alice"));
    }

    @Test
    void holdTimeBelow100IsRefused() {
        assertDropped(DropReason.BAD_FIELD, hello(7667, 99, "alice"));
        assertDropped(DropReason.BAD_FIELD, hello(7667, 0, "alice"));
        assertAccepted(hello(7667, 100, "alice"));
        assertAccepted(hello(7667, 65535, "alice"));
    }

    @Test
    void nameLengthMustBe1To32() {
        assertDropped(DropReason.BAD_FIELD, header(HELLO, ALICE).u16(7667).u16(2000).u8(0));
        assertDropped(DropReason.BAD_FIELD, hello(7667, 2000, "a".repeat(33)));
        assertDropped(DropReason.BAD_FIELD, hello(7667, 2000, "a".repeat(255)));
        assertAccepted(hello(7667, 2000, "a"));
        assertAccepted(hello(7667, 2000, "a".repeat(32)));
    }

    /** Anything outside A-Z a-z 0-9 - _ . , including '#' (the display suffix) and UTF-8. */
    @ParameterizedTest
    @ValueSource(ints = {0x00, ' ', '#', '@', '/', ':', '`', '{', '~', 0x7F, 0x80, 0xC3, 0xFF})
    void nameWithAForbiddenByteIsRefused(int bad) {
        assertDropped(DropReason.BAD_FIELD, header(HELLO, ALICE).u16(7667).u16(2000).u8(3).u8('a').u8(bad).u8('b'));
        assertDropped(DropReason.BAD_FIELD, header(0x02, ALICE).u16(7667).u16(2000).u8(1).u8(bad));
    }

    @Test
    void nameKeepsItsCase() {
        Announcement a = (Announcement) assertAccepted(hello(7667, 2000, "Alice.B-c_9"));
        assertEquals("Alice.B-c_9", a.name());
    }

    // --- DATA (2.4)

    @Test
    void streamEpochZeroIsRefused() {
        assertDropped(DropReason.BAD_FIELD, data(0).noAck().u8(1).record(0, 1, 2, "x"));
        assertAccepted(data(1).noAck().u8(1).record(0, 1, 2, "x"));
        assertAccepted(data(-1).noAck().u8(1).record(0, 1, 2, "x")); // u32 max
    }

    @Test
    void receiverIdAndIncarnationMustNotBeZero() {
        assertDropped(DropReason.BAD_FIELD, header(DATA, ALICE).u64(0).u64(1).u32(1).noAck().u8(1).record(0, 1, 2, "x"));
        assertDropped(DropReason.BAD_FIELD, header(DATA, ALICE).u64(1).u64(0).u32(1).noAck().u8(1).record(0, 1, 2, "x"));
        assertDropped(DropReason.BAD_FIELD, header(ACK, ALICE).u64(0).u64(1).ack(1, 0));
        assertDropped(DropReason.BAD_FIELD, header(ACK, ALICE).u64(1).u64(0).ack(1, 0));
    }

    @Test
    void recordCountZeroIsRefused() {
        assertDropped(DropReason.BAD_FIELD, data(1).noAck().u8(0));
        assertDropped(DropReason.BAD_FIELD, data(1).noAck().u8(0).record(0, 1, 2, "x"));
    }

    @Test
    void emptyPayloadIsRefused() {
        assertDropped(DropReason.BAD_FIELD, data(1).noAck().u8(1).u32(0).u32(1).u8(2).u16(0).zeros(12));
        assertDropped(DropReason.BAD_FIELD, data(1).noAck().u8(2).record(0, 1, 0, "x").u32(1).u32(1).u8(2).u16(0)
                .zeros(12));
    }

    @ParameterizedTest
    @ValueSource(ints = {0x04, 0x08, 0x10, 0x20, 0x40, 0x80, 0xFC, 0xFF})
    void reservedFlagBitsAreRefused(int flags) {
        assertDropped(DropReason.BAD_FIELD, data(1).noAck().u8(1).record(0, 1, flags, "x"));
    }

    @ParameterizedTest
    @ValueSource(ints = {0x00, 0x01, 0x02, 0x03})
    void definedFlagsAreAccepted(int flags) {
        StreamRecord r = ((Data) assertAccepted(data(1).noAck().u8(1).record(0, 1, flags, "x"))).records().get(0);
        assertEquals(flags, r.flags());
        assertEquals((flags & 1) != 0, r.room());
        assertEquals((flags & 2) != 0, r.end());
    }

    @Test
    void recordCountLargerThanTheDatagramCanHoldIsTruncated() {
        assertDropped(DropReason.TRUNCATED, data(1).noAck().u8(255).record(0, 1, 2, "x"));
        assertDropped(DropReason.TRUNCATED, data(1).noAck().u8(2).record(0, 1, 2, "x"));
        // Room for the record headers, but not for what the payload lengths claim.
        assertDropped(DropReason.TRUNCATED, data(1).noAck().u8(2).record(0, 1, 0, "x").u32(1).u32(1).u8(2).u16(500)
                .zeros(20));
    }

    @Test
    void payloadLengthBeyondTheDatagramIsTruncated() {
        assertDropped(DropReason.TRUNCATED, data(1).noAck().u8(1).u32(0).u32(1).u8(2).u16(0xFFFF).ascii("abc"));
    }

    // --- ACK (2.5)

    @Test
    void ackWithEpochZeroIsRefused() {
        assertDropped(DropReason.BAD_FIELD, header(ACK, ALICE).peer(BOB).noAck());
        assertDropped(DropReason.BAD_FIELD, header(ACK, ALICE).peer(BOB).ack(0, 5));
        assertAccepted(header(ACK, ALICE).peer(BOB).ack(1, 0));
    }
}
