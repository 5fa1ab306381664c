package lanchat.files;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

/**
 * Which offered file a resume note is for: the first 128 bits of the SHA-256 of its text, {@code sender key|path|
 * size|SHA-256 in hex} ({@link #of}). 32 bytes in memory, where the text took about 190: an offer of 100,000
 * files holds one per file for as long as it runs. Two different files share a key with a chance of about
 * 2^-128 per pair, and even then the whole file must match its SHA-256 before it gets its name.
 */
public record NoteKey(long high, long low) {

    /** The key of a file offered by {@code senderKey}. */
    public static NoteKey of(String senderKey, Entry e) {
        return of(senderKey + '|' + String.join("/", e.path()) + '|' + e.size() + '|' + HexFormat.of().formatHex(e.sha256()));
    }

    /** The key of a note's text (also how a line written before the keys were digests is read). */
    public static NoteKey of(String text) {
        ByteBuffer d = ByteBuffer.wrap(ManifestBuilder.newSha256().digest(text.getBytes(StandardCharsets.UTF_8)));
        return new NoteKey(d.getLong(), d.getLong());
    }

    /** 32 lower-case hex digits, as in the notes file. */
    public String hex() {
        return HexFormat.of().toHexDigits(high) + HexFormat.of().toHexDigits(low);
    }

    /** The key {@link #hex} wrote. */
    static NoteKey fromHex(String hex) {
        if (hex.length() != 32) {
            throw new IllegalArgumentException("a note key is 32 hex digits");
        }
        return new NoteKey(HexFormat.fromHexDigitsToLong(hex, 0, 16), HexFormat.fromHexDigitsToLong(hex, 16, 32));
    }
}
