package lanchat.files;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HexFormat;

/**
 * The names of a download's temporary file and sidecar beside its target: "." + name + suffix. A name too long
 * for that is cut and given 8 hex digits of its SHA-256, so two long names that share a beginning do not share
 * a temporary file.
 */
final class TempNames {

    private TempNames() {}

    static Path beside(Path target, String suffix) {
        String name = target.getFileName().toString();
        String plain = "." + name + suffix;
        if (SafeName.utf8Length(plain) <= SafeName.MAX_COMPONENT_BYTES) {
            return target.resolveSibling(plain);
        }
        byte[] hash = ManifestBuilder.newSha256().digest(name.getBytes(StandardCharsets.UTF_8));
        String tail = "~" + HexFormat.of().formatHex(hash, 0, 4) + suffix;
        return target.resolveSibling(ClashNames.fit("." + name, tail, SafeName.MAX_COMPONENT_BYTES));
    }
}
