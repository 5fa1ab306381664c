package lanchat.bench.jmh;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import lanchat.wire.Ack;
import lanchat.wire.AckBlock;
import lanchat.wire.Announcement;
import lanchat.wire.Data;
import lanchat.wire.Frame;
import lanchat.wire.FrameCodec;
import lanchat.wire.PeerRef;
import lanchat.wire.StreamRecord;
import lanchat.wire.Wire;

/** The frames the codec benchmark encodes and decodes: the shapes the engine sends most. */
final class SampleFrames {
    static final PeerRef ALICE = new PeerRef(0x3f2a_1b2c_3d4e_5f60L, 1_763_700_000_000L);
    static final PeerRef BOB = new PeerRef(0x7c01_0203_0405_0607L, 1_763_700_000_123L);
    static final int CHAT_BYTES = 100;
    static final int RECORDS_IN_FULL_DATA = 10; // 10 records of 111 bytes fill a 1,200-byte datagram

    private SampleFrames() {}

    static Frame heartbeat() {
        return Announcement.heartbeat(ALICE, 40_123, 2_000, "alice");
    }

    static Frame ack(int ranges) {
        return new Ack(ALICE, BOB, ackBlock(ranges));
    }

    /** An ack of next expected 1,000 with {@code ranges} ranges of 2 records, each after a 1-record gap. */
    static AckBlock ackBlock(int ranges) {
        List<AckBlock.SackRange> list = new ArrayList<>();
        for (int i = 0; i < ranges; i++) {
            list.add(new AckBlock.SackRange(1_002 + 3 * i, 2));
        }
        return new AckBlock(7, 1_000, list);
    }

    /** DATA of a one-way flow (no reverse stream to acknowledge) with {@code count} 100-byte messages. */
    static Data chatData(int count) {
        List<StreamRecord> records = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            records.add(new StreamRecord(5_000 + i, 9_000 + i, StreamRecord.END, payload(CHAT_BYTES)));
        }
        return new Data(ALICE, BOB, 3, AckBlock.NONE, records);
    }

    /** DATA with one largest fragment: the middle of a long message. */
    static Data fragmentData() {
        StreamRecord r = new StreamRecord(5_000, 9_000, 0, payload(Wire.MAX_FRAGMENT_BYTES));
        return new Data(ALICE, BOB, 3, AckBlock.NONE, List.of(r));
    }

    /** A datagram that fails at its first bytes: wrong magic. */
    static byte[] badMagic() {
        byte[] bytes = FrameCodec.encode(heartbeat());
        bytes[0] = 'X';
        return bytes;
    }

    /** A full DATA whose last record sets a reserved flag: dropped only after the other nine are parsed. */
    static byte[] badLastRecord() {
        byte[] bytes = FrameCodec.encode(chatData(RECORDS_IN_FULL_DATA));
        int flagsOffset = bytes.length - CHAT_BYTES - 3; // flags (1) and payload length (2) precede the payload
        bytes[flagsOffset] |= 0x80;
        return bytes;
    }

    static byte[] payload(int length) {
        byte[] bytes = new byte[length];
        Arrays.fill(bytes, (byte) 'x');
        return bytes;
    }
}
