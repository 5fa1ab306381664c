package lanchat.node;

import java.util.ArrayList;
import java.util.List;

/** Finds one peer by the name a user typed, in a snapshot of the table. */
final class Directory {
    private Directory() {}

    /** Accepts a plain name, a name with its id suffix ({@code alice#3f2a}), or the 16-hex-digit peer id. */
    static PeerInfo resolve(List<PeerInfo> peers, String name) throws PeerLookupException {
        List<PeerInfo> matches = new ArrayList<>();
        int hash = name.indexOf('#');
        boolean id = name.length() == 16 && name.chars().allMatch(c -> Character.digit(c, 16) >= 0);
        for (PeerInfo p : peers) {
            if (id ? p.idHex().equalsIgnoreCase(name) : hash < 0 ? p.name().equals(name) : suffixed(p).equals(name)) {
                matches.add(p);
            }
        }
        if (matches.size() == 1) {
            return matches.get(0);
        }
        if (matches.isEmpty()) {
            throw new PeerLookupException("nobody called '" + name + "' is here; /peers lists who is", List.of());
        }
        List<String> choices = new ArrayList<>();
        for (PeerInfo p : matches) {
            choices.add(suffixed(p));
        }
        choices.sort(null);
        throw new PeerLookupException("'" + name + "' is ambiguous: say " + String.join(" or ", choices), choices);
    }

    private static String suffixed(PeerInfo p) {
        return p.name() + "#" + p.shortId();
    }
}
