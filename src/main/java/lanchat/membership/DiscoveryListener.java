package lanchat.membership;


/** What discovery reports to the engine. */
public interface DiscoveryListener {
    void joined(Peer peer);

    void left(Peer peer, LeaveReason reason);

    void renamed(Peer peer, String oldName);
}
