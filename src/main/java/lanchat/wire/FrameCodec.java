package lanchat.wire;

import java.nio.ByteBuffer;

/**
 * Datagram bytes to frames and back. {@link #decode} never throws and never allocates from a length it
 * has not checked against the bytes that remain.
 */
public final class FrameCodec {
    private FrameCodec() {}

    /** Encodes into {@code out} from its position; returns the number of bytes written. */
    public static int encode(Frame frame, ByteBuffer out) {
        int start = out.position();
        HeaderCodec.write(out, frame.type(), frame.sender());
        frame.accept(new Frame.Visitor<Void>() {
            @Override
            public Void announcement(Announcement a) {
                AnnouncementCodec.write(out, a);
                return null;
            }

            @Override
            public Void goodbye(Goodbye g) {
                return null; // the header alone
            }

            @Override
            public Void data(Data d) {
                DataCodec.write(out, d);
                return null;
            }

            @Override
            public Void ack(Ack a) {
                AckCodec.write(out, a);
                return null;
            }

            @Override
            public Void reset(Reset r) {
                ResetCodec.write(out, r);
                return null;
            }

            @Override
            public Void bulkData(BulkData d) {
                BulkCodec.write(out, d);
                return null;
            }

            @Override
            public Void bulkAck(BulkAck a) {
                BulkCodec.write(out, a);
                return null;
            }

            @Override
            public Void bulkStop(BulkStop s) {
                BulkCodec.write(out, s);
                return null;
            }
        });
        return out.position() - start;
    }

    /** Encodes into a new array of exactly the frame's size. For tests and tools: the engine reuses a buffer. */
    public static byte[] encode(Frame frame) {
        ByteBuffer buf = ByteBuffer.allocate(Wire.MAX_UDP_PAYLOAD);
        int n = encode(frame, buf);
        byte[] out = new byte[n];
        buf.flip().get(out);
        return out;
    }

    /** Decodes the bytes between {@code in}'s position and limit. */
    public static DecodeResult decode(ByteBuffer in) {
        try {
            return DecodeResult.ok(read(in.slice()));
        } catch (Malformed m) {
            return DecodeResult.drop(m.reason, m.getMessage());
        } catch (RuntimeException e) {
            // A decoder bug must not take the receive path down: count it like any malformed datagram.
            return DecodeResult.drop(DropReason.BAD_FIELD, "decoder error: " + e);
        }
    }

    public static DecodeResult decode(byte[] datagram) {
        return decode(ByteBuffer.wrap(datagram));
    }

    private static Frame read(ByteBuffer buf) throws Malformed {
        int size = buf.remaining();
        // Only bulk data may be larger than 1,200 bytes (its sealed datagram was, protocol.md 2).
        if (size > Wire.MAX_BULK_FRAME_BYTES
                || size > Wire.MAX_RECEIVE_DATAGRAM && buf.get(buf.position() + 3) != FrameType.BULK_DATA.code) {
            throw new Malformed(DropReason.TOO_LARGE, size + " bytes");
        }
        WireReader in = new WireReader(buf);
        if (in.u16("magic") != Wire.MAGIC) {
            throw new Malformed(DropReason.BAD_MAGIC, "not a lanchat datagram");
        }
        int version = in.u8("version");
        if (version > Wire.VERSION) {
            throw new Malformed(DropReason.NEWER_VERSION, "version " + version);
        }
        if (version < Wire.VERSION) {
            throw new Malformed(DropReason.OLDER_VERSION, "version " + version);
        }
        int code = in.u8("frame type");
        FrameType type = FrameType.of(code);
        if (type == null) {
            throw new Malformed(DropReason.UNKNOWN_TYPE, String.format("type 0x%02x", code));
        }
        PeerRef sender = PeerRefCodec.read(in, "sender id", "sender incarnation");
        return switch (type) {
            case HELLO, HEARTBEAT -> AnnouncementCodec.read(in, type, sender);
            case GOODBYE -> {
                in.end();
                yield new Goodbye(sender);
            }
            case DATA -> DataCodec.read(in, sender);
            case ACK -> AckCodec.read(in, sender);
            case RESET -> ResetCodec.read(in, sender);
            case BULK_DATA -> BulkCodec.readData(in, sender);
            case BULK_ACK -> BulkCodec.readAck(in, sender);
            case BULK_STOP -> BulkCodec.readStop(in, sender);
        };
    }
}
