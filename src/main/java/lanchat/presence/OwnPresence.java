package lanchat.presence;

/**
 * This node's own presence: what the user set, and the automatic away of the idle detector on top. Automatic
 * away only replaces online (never a busy or an away the user chose), and activity clears only an automatic
 * away. Each change also ends or starts an away period for the {@link AutoReplyPolicy}. Single-threaded.
 */
public final class OwnPresence {
    private final IdleDetector idle;
    private final AutoReplyPolicy replies;
    private Presence current = Presence.ONLINE;

    public OwnPresence(IdleDetector idle, AutoReplyPolicy replies) {
        this.idle = idle;
        this.replies = replies;
    }

    public Presence current() {
        return current;
    }

    /** The user chose {@code p} (/away, /busy, /back). Choosing counts as activity. @return true if it changed */
    public boolean set(Presence p, long now) {
        idle.activity(now);
        return change(p);
    }

    /** The user typed. @return true if that ended an automatic away */
    public boolean activity(long now) {
        idle.activity(now);
        return current.automatic() && change(Presence.ONLINE);
    }

    /** Time passed. @return true if the user is now automatically away */
    public boolean tick(long now) {
        return current.online() && idle.idle(now) && change(Presence.idle());
    }

    /** When {@link #tick} may next change something; {@link Long#MAX_VALUE} if it cannot. */
    public long deadline() {
        return current.online() ? idle.deadline() : Long.MAX_VALUE;
    }

    private boolean change(Presence p) {
        if (p.equals(current)) {
            return false;
        }
        if (p.online() != current.online()) {
            replies.newPeriod(); // coming back ends the away period; leaving online starts one
        }
        current = p;
        return true;
    }
}
