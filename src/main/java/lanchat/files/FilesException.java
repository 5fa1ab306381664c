package lanchat.files;

/**
 * A file operation cannot go on. The message is one line for the user: which file, what happened and, where
 * there is something to do, what to do. {@link #kind()} is for code: the bulk layer maps it to the reason it
 * sends to the peer and decides whether a retry can help.
 */
public class FilesException extends Exception {

    /** What went wrong, coarse enough to travel to the peer as a reason code. */
    public enum Kind {
        /** A name sent by the peer breaks a {@link SafeName} rule. */
        UNSAFE_NAME,
        /** Manifest bytes that do not decode, or pages that do not fit together. */
        BAD_MANIFEST,
        /** The download folder cannot be created, is not a folder, or a target would leave it. */
        FOLDER_UNUSABLE,
        /** Not enough free space for the offer (checked before accepting). */
        NO_SPACE,
        /** The disk filled up while writing. */
        DISK_FULL,
        /** The received bytes do not have the SHA-256 the sender announced. */
        HASH_MISMATCH,
        /** The sender's file changed (size or modification time) since it was offered. */
        SOURCE_CHANGED,
        /** A write or read outside the entry, or a finish before every byte arrived. */
        OUT_OF_RANGE,
        /** An offer with more entries, or a longer manifest, than the limits allow. */
        OFFER_TOO_LARGE,
        /** There is nothing to send (no such file, or nothing sendable in it). */
        NOTHING_TO_SEND,
        /** Any other input/output error. */
        IO
    }

    private final Kind kind;

    public FilesException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public FilesException(Kind kind, String message) {
        this(kind, message, null);
    }

    public Kind kind() {
        return kind;
    }
}
