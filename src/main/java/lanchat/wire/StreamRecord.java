package lanchat.wire;

/** One fragment of a message in a stream (protocol.md 2.4). The payload array is owned by the record. */
public record StreamRecord(int seq, int messageId, int flags, byte[] payload) {
    public static final int ROOM = 0x01;
    public static final int END = 0x02;
    public static final int HEADER_BYTES = 11;

    public StreamRecord {
        if (payload.length < 1 || payload.length > 0xFFFF) {
            throw new IllegalArgumentException("record payload must be 1..65535 bytes");
        }
        if ((flags & ~(ROOM | END)) != 0) {
            throw new IllegalArgumentException("unknown record flags " + flags);
        }
    }

    public boolean room() {
        return (flags & ROOM) != 0;
    }

    public boolean end() {
        return (flags & END) != 0;
    }

    public int encodedSize() {
        return HEADER_BYTES + payload.length;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof StreamRecord r && r.seq == seq && r.messageId == messageId && r.flags == flags
                && java.util.Arrays.equals(r.payload, payload);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * (31 * seq + messageId) + flags) + java.util.Arrays.hashCode(payload);
    }

    @Override
    public String toString() {
        return "Record[seq=" + seq + ", msg=" + messageId + ", flags=" + flags + ", len=" + payload.length + "]";
    }
}
