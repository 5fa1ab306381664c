package lanchat.doctor;

/**
 * Another lanchat instance the doctor heard during its exchange.
 *
 * @param address      the IPv4 source address of its datagrams
 * @param port         its unicast port, from its announcement
 * @param thisMachine  whether the address is one of this machine's own
 * @param answered     whether it answered our HELLO by unicast (so unicast reaches us)
 * @param heardOnGroup whether its multicast announcements reached us (so multicast reaches us)
 */
public record PeerSeen(String name, String address, int port, long peerId, boolean thisMachine, boolean answered,
        boolean heardOnGroup) {
    /** "bob 10.0.0.2:40311". */
    public String label() {
        return name + " " + address + ":" + port;
    }

    PeerSeen merge(boolean answeredNow, boolean heardOnGroupNow, String newName) {
        return new PeerSeen(newName, address, port, peerId, thisMachine, answered || answeredNow,
                heardOnGroup || heardOnGroupNow);
    }
}
