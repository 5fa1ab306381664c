package lanchat.message;

import java.nio.ByteBuffer;
import lanchat.files.FilesException;
import lanchat.files.ManifestCodec;
import lanchat.files.ManifestPage;

/**
 * One page of a file offer (protocol.md 9.1): the transfer id of the offer's first file (the i-th file of
 * the manifest travels as bulk transfer {@code firstTransfer + i}), how long the offer stands, and a
 * manifest page (protocol.md 9.4). An offer of many entries is several of these, one per page.
 */
public record FileOffer(int firstTransfer, int lifetimeSeconds, byte[] page) implements Body {
    public static final int KIND = 0x10;
    /** Kind, first transfer id (4), lifetime (4). */
    public static final int FIXED_BYTES = 9;

    public FileOffer {
        if (firstTransfer == 0 || lifetimeSeconds <= 0) {
            throw new IllegalArgumentException("first transfer id and lifetime must be positive");
        }
    }

    /** The page, checked. */
    public ManifestPage manifestPage() throws FilesException {
        return ManifestCodec.decode(ByteBuffer.wrap(page));
    }

    @Override
    public int kind() {
        return KIND;
    }

    @Override
    public void writeFields(BodyWriter out) {
        out.bytes(ByteBuffer.allocate(8).putInt(firstTransfer).putInt(lifetimeSeconds).array()).bytes(page);
    }

    static Decoded read(BodyReader in) {
        ByteBuffer fixed = ByteBuffer.wrap(in.bytes(8));
        int first = fixed.getInt();
        int lifetime = fixed.getInt();
        if (first == 0 || lifetime <= 0) {
            return Decoded.refused("file offer with transfer id 0 or no lifetime");
        }
        // The page is read where the offer is handled, off the loop (protocol.md 9.1): a bad one fails the offer.
        return Decoded.ok(new FileOffer(first, lifetime, in.bytes(in.remaining())));
    }

    // The page is compared by content.
    @Override
    public boolean equals(Object o) {
        return o instanceof FileOffer f && f.firstTransfer == firstTransfer && f.lifetimeSeconds == lifetimeSeconds
                && java.util.Arrays.equals(f.page, page);
    }

    @Override
    public int hashCode() {
        return (firstTransfer * 31 + lifetimeSeconds) * 31 + java.util.Arrays.hashCode(page);
    }

    @Override
    public String toString() {
        return "FileOffer[first " + firstTransfer + ", " + lifetimeSeconds + " s, page of " + page.length + " bytes]";
    }
}
