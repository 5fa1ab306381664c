package lanchat.message;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import lanchat.files.OfferId;

/**
 * The recipient's answer to an offer (protocol.md 9.2): accepted, with the offset each file resumes at
 * (only files that do not start at 0 are listed), or rejected.
 */
public record FileAnswer(OfferId offer, boolean accepted, List<Resume> resumes) implements Body {
    public static final int KIND = 0x11;
    public static final int MAX_RESUMES = 4_096;

    /** File {@code entry} (its index in the manifest) resumes at {@code offset}. */
    public record Resume(int entry, long offset) {
        public Resume {
            if (entry < 0 || offset < 0) {
                throw new IllegalArgumentException("bad resume");
            }
        }
    }

    public FileAnswer {
        resumes = List.copyOf(resumes);
        if (resumes.size() > MAX_RESUMES || !accepted && !resumes.isEmpty()) {
            throw new IllegalArgumentException("at most " + MAX_RESUMES + " resumes, none in a rejection");
        }
    }

    public static FileAnswer rejected(OfferId offer) {
        return new FileAnswer(offer, false, List.of());
    }

    @Override
    public int kind() {
        return KIND;
    }

    @Override
    public void writeFields(BodyWriter out) {
        ByteBuffer b = ByteBuffer.allocate(OfferId.BYTES + 1 + 2 + resumes.size() * 12);
        offer.write(b);
        b.put((byte) (accepted ? 1 : 2)).putShort((short) resumes.size());
        for (Resume r : resumes) {
            b.putInt(r.entry).putLong(r.offset);
        }
        out.bytes(b.array());
    }

    static Decoded read(BodyReader in) {
        ByteBuffer b = ByteBuffer.wrap(in.bytes(in.remaining()));
        if (b.remaining() < OfferId.BYTES + 3) {
            return Decoded.refused("file answer is truncated");
        }
        OfferId offer = OfferId.read(b);
        int verdict = b.get() & 0xFF;
        int n = b.getShort() & 0xFFFF;
        if (verdict != 1 && verdict != 2) {
            return Decoded.refused("file answer with verdict " + verdict);
        }
        if (n > MAX_RESUMES || b.remaining() != n * 12 || verdict == 2 && n != 0) {
            return Decoded.refused("file answer with a bad resume list");
        }
        List<Resume> resumes = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            int entry = b.getInt();
            long offset = b.getLong();
            if (entry < 0 || offset < 0) {
                return Decoded.refused("file answer with a negative entry or offset");
            }
            resumes.add(new Resume(entry, offset));
        }
        return Decoded.ok(new FileAnswer(offer, verdict == 1, resumes));
    }
}
