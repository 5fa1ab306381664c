package lanchat.node;

/** What this node knows about the key a peer presented for its name (trust on first use, like SSH). */
public enum Trust {
    /** No key was known for this name: this one is remembered from now on. */
    NEW,
    /** The same key as the last time this name was seen. */
    KNOWN,
    /** The same key, and the user compared the safety number and marked it verified. */
    VERIFIED,
    /** This name was seen before with another key: possibly somebody else using the name. */
    IMPOSTOR
}
