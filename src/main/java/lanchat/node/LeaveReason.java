package lanchat.node;

/** Why a peer left, as the node's events report it. */
public enum LeaveReason {
    /** It said goodbye. */
    QUIT("quit"),
    /** Nothing heard from it for its hold time. */
    TIMEOUT("timeout"),
    /** A newer incarnation of the same peer id appeared: the program was restarted. */
    RESTARTED("restarted");

    public final String label;

    LeaveReason(String label) {
        this.label = label;
    }
}
