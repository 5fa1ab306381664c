package lanchat.node;

import lanchat.wire.PeerNames;

/** The rules for a peer's name (protocol.md section 1), for front ends that check a name before using it. */
public final class Names {
    private Names() {}

    /** Why {@code name} is not a valid peer name, or null when it is. */
    public static String problem(String name) {
        return PeerNames.problem(name);
    }
}
