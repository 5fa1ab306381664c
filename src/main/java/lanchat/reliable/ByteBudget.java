package lanchat.reliable;

/**
 * Bytes a receiver may hold, for one peer and, through the parent, for the whole node: what arrives
 * beyond either limit is dropped as if lost (the sender retransmits it), so memory stays bounded in
 * bytes whatever peers send (protocol.md 5).
 */
public final class ByteBudget {
    private final long limit;
    private final ByteBudget parent;
    private long used;

    public ByteBudget(long limit, ByteBudget parent) {
        this.limit = limit;
        this.parent = parent;
    }

    /** A budget with no parent: the node's total. */
    public static ByteBudget total(long limit) {
        return new ByteBudget(limit, null);
    }

    /** Takes {@code bytes} if this budget and every parent have room; otherwise takes nothing. */
    public boolean tryTake(long bytes) {
        if (used + bytes > limit || (parent != null && !parent.tryTake(bytes))) {
            return false;
        }
        used += bytes;
        return true;
    }

    /**
     * Takes {@code bytes} if this budget has room, whatever the parents hold: for in-order records, which
     * make progress and are bounded per peer by the message limit, so that others filling the node's budget
     * cannot stall a peer's messages.
     */
    public boolean tryTakeOwn(long bytes) {
        if (used + bytes > limit) {
            return false;
        }
        force(bytes);
        return true;
    }

    /** Takes {@code bytes} even past the limits: for a record that is handed on at once and given back. */
    public void force(long bytes) {
        used += bytes;
        if (parent != null) {
            parent.force(bytes);
        }
    }

    public void give(long bytes) {
        used -= bytes;
        if (parent != null) {
            parent.give(bytes);
        }
    }

    public long used() {
        return used;
    }

    public long limit() {
        return limit;
    }
}
