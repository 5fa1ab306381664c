package lanchat.ui.core;

import java.util.List;
import lanchat.node.Trust;
import lanchat.node.Whois;

/** The lines of /whois and /verify, for the text front ends. */
public final class WhoisText {
    private WhoisText() {}

    public static List<String> lines(Whois w, boolean justVerified) {
        String name = Sanitizer.visible(w.peer().displayName(), Glyphs.UNICODE);
        return List.of(
                justVerified ? name + "'s key is now verified ✔" : name + " (" + status(w.trust()) + ")",
                "  key fingerprint  " + w.fingerprint(),
                "  safety number    " + w.safetyNumber(),
                justVerified ? "  another key for this name will be flagged as a possible impostor"
                        : "  compare the safety number aloud with " + name + ", then: /verify " + name);
    }

    /** How a peer's key stands, in a few words. */
    public static String status(Trust t) {
        return switch (t) {
            case NEW -> "first seen now: not verified";
            case KNOWN -> "the same key as before: not verified";
            case VERIFIED -> "verified ✔";
            case IMPOSTOR -> "⚠ ANOTHER KEY than the one remembered for this name: possibly an impostor";
        };
    }
}
