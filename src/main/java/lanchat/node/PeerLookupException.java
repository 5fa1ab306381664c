package lanchat.node;

import java.util.List;

/** A name that matches no live peer, or more than one. The message is one line for the user. */
public final class PeerLookupException extends Exception {
    private static final long serialVersionUID = 1L;
    private final List<String> choices;

    public PeerLookupException(String message, List<String> choices) {
        super(message);
        this.choices = List.copyOf(choices);
    }

    /** For an ambiguous name, the display names that match. */
    public List<String> choices() {
        return choices;
    }
}
