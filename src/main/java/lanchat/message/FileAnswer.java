package lanchat.message;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import lanchat.files.OfferId;

/**
 * The recipient's answer to an offer (protocol.md 9.2): accepted, with the offset each file resumes at
 * (only files that do not start at 0 are listed), or rejected. An offer of many files may be accepted in
 * steps: each step's answer says how many files (from the first, in manifest order) are placed so far
 * ({@link #placed}), and lists the resumes among them; the last step's answer is a plain acceptance.
 *
 * @param placed files 0 … placed − 1 are placed and may be sent; {@link #ALL} for a plain acceptance (and
 *     for a rejection)
 */
public record FileAnswer(OfferId offer, boolean accepted, List<Resume> resumes, int placed) implements Body {
    public static final int KIND = 0x11;
    public static final int MAX_RESUMES = 4_096;
    /** Every file is placed: verdict 1. */
    public static final int ALL = -1;
    private static final int ACCEPTED = 1;
    private static final int REJECTED = 2;
    private static final int ACCEPTED_SO_FAR = 3;

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
        if (placed < ALL || !accepted && placed != ALL) {
            throw new IllegalArgumentException("placed is a count, or ALL; a rejection places nothing");
        }
    }

    /** A plain answer: every file placed, or rejected. */
    public FileAnswer(OfferId offer, boolean accepted, List<Resume> resumes) {
        this(offer, accepted, resumes, ALL);
    }

    public static FileAnswer rejected(OfferId offer) {
        return new FileAnswer(offer, false, List.of());
    }

    /** Whether every file is placed (a plain acceptance). */
    public boolean placedAll() {
        return placed == ALL;
    }

    @Override
    public int kind() {
        return KIND;
    }

    @Override
    public void writeFields(BodyWriter out) {
        boolean inSteps = placed != ALL;
        ByteBuffer b = ByteBuffer.allocate(OfferId.BYTES + 1 + (inSteps ? 4 : 0) + 2 + resumes.size() * 12);
        offer.write(b);
        b.put((byte) (inSteps ? ACCEPTED_SO_FAR : accepted ? ACCEPTED : REJECTED));
        if (inSteps) {
            b.putInt(placed);
        }
        b.putShort((short) resumes.size());
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
        if (verdict != ACCEPTED && verdict != REJECTED && verdict != ACCEPTED_SO_FAR) {
            return Decoded.refused("file answer with verdict " + verdict);
        }
        int placed = ALL;
        if (verdict == ACCEPTED_SO_FAR) {
            if (b.remaining() < 4 + 2) {
                return Decoded.refused("file answer is truncated");
            }
            placed = b.getInt();
            if (placed < 0) {
                return Decoded.refused("file answer with a negative count of placed files");
            }
        }
        int n = b.getShort() & 0xFFFF;
        if (n > MAX_RESUMES || b.remaining() != n * 12 || verdict == REJECTED && n != 0) {
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
        return Decoded.ok(new FileAnswer(offer, verdict != REJECTED, resumes, placed));
    }
}
