package lanchat.files;

import java.util.List;
import java.util.Optional;

/**
 * Checks a relative path that a peer sent, as a list of components, before anything is created from it. The
 * rules are the same on every platform, so that a name accepted on Linux is also one a Windows or macOS
 * receiver could write (and the sender can tell before offering). See docs/decisions-files.md.
 */
public final class SafeName {

    /** Longest component in UTF-8 bytes: the limit of ext4, NTFS (in UTF-16 units, looser) and APFS. */
    public static final int MAX_COMPONENT_BYTES = 255;
    /** Longest whole relative path in UTF-8 bytes, separators included. */
    public static final int MAX_PATH_BYTES = 1024;
    /** Most components (folder levels plus the file name). */
    public static final int MAX_DEPTH = 64;

    private SafeName() {}

    /** The first rule the path breaks, or empty if it is safe to create under a download folder. */
    public static Optional<NameRefusal> check(List<String> components) {
        throw new UnsupportedOperationException("not yet");
    }

    /** Like {@link #check} but throws {@link FilesException.Kind#UNSAFE_NAME} with the one-line reason. */
    public static void require(List<String> components) throws FilesException {
        Optional<NameRefusal> refusal = check(components);
        if (refusal.isPresent()) {
            throw new FilesException(FilesException.Kind.UNSAFE_NAME, refusal.get().describe(shown(components)));
        }
    }

    /** The path as shown to a user: components joined by "/", control characters replaced. */
    public static String shown(List<String> components) {
        throw new UnsupportedOperationException("not yet");
    }
}
