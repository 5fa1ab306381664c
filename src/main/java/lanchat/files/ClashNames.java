package lanchat.files;

import java.nio.charset.StandardCharsets;

/**
 * The names tried when a name is taken: {@code report (1).pdf}, {@code archive (2).tar.gz}, {@code photos (1)},
 * {@code .bashrc (1)}; a stem is shortened (by whole characters) when the number would push the name over
 * {@link SafeName#MAX_COMPONENT_BYTES}.
 */
final class ClashNames {

    private ClashNames() {}

    /** The n-th alternative to {@code name} (n ≥ 1); folders get the number at the end. */
    static String numbered(String name, int n, boolean folder) {
        int split = folder ? name.length() : extensionStart(name);
        String stem = name.substring(0, split);
        String tail = " (" + n + ")" + name.substring(split);
        return fit(stem, tail, SafeName.MAX_COMPONENT_BYTES);
    }

    /** Where the extension starts: the last dot, or the ".tar" before it; none for a leading dot only. */
    static int extensionStart(String name) {
        int dot = name.lastIndexOf('.');
        if (dot <= 0) {
            return name.length();
        }
        int tar = name.lastIndexOf(".tar.");
        if (tar > 0 && tar + 4 == dot) {
            return tar;
        }
        return dot;
    }

    /** stem + tail in at most maxBytes of UTF-8, cutting the stem at a character boundary. */
    static String fit(String stem, String tail, int maxBytes) {
        int tailBytes = tail.getBytes(StandardCharsets.UTF_8).length;
        String s = stem;
        while (!s.isEmpty() && s.getBytes(StandardCharsets.UTF_8).length + tailBytes > maxBytes) {
            s = s.substring(0, s.offsetByCodePoints(s.length(), -1));
        }
        return s + tail;
    }
}
