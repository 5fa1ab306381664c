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

    /** Leaves cleanly (goodbye) and releases everything. */
    void leave() throws Exception;
}
