package lanchat.bench;

/**
 * What a benchmarked system offers a workload: join a group on the lab interface, send reliable unicast
 * messages by member name, leave cleanly. One implementation per system (JGroups, lanchat).
 */
interface GroupMember {

    /** Receives the system's callbacks; may be called on any thread. */
    interface Listener {
        /** The number of members this member sees, itself included. */
        void members(int count);

        void received(byte[] payload);
    }

    /** Joins; returns when joined (the first view or the node is ready). */
    void join(String name, String bindAddress, Listener listener) throws Exception;

    /** Sends reliably to the member called {@code to}; may block for flow control. */
    void send(String to, byte[] payload) throws Exception;

    /**
     * Sends one message to every other member and returns once each recipient's outcome is known, with the
     * datagrams this member sent meanwhile ({@code data_out}, {@code datagrams_out}). Only systems with
     * outcomes per recipient support it.
     */
    default java.util.Map<String, Long> sendToAllAndCount(byte[] payload) throws Exception {
        throw new UnsupportedOperationException("no room send with outcomes");
    }

    /** The system's own counters, for the metrics only it has (lanchat: acknowledgement timing). */
    default java.util.Map<String, Long> counters() {
        return java.util.Map.of();
    }

    /**
     * Returns once the work this member does after messages arrive is done (lanchat with history: the store
     * has written everything), so that a measured round does not pay for the warm-up's backlog.
     */
    default void settle() throws Exception {
    }

    /** Leaves cleanly (goodbye) and releases everything. */
    void leave() throws Exception;
}
