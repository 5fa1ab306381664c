package lanchat.sim;

/** Shared network conditions for bulk tests. */
final class SimNetworkBottleneck {
    /** A gigabit port (125 MB/s) with a 512 KiB queue in front of each host. */
    static final Conditions GIGABIT = Conditions.LAN.withBottleneck(125_000_000, 512 << 10);

    private SimNetworkBottleneck() {}
}
