package lanchat.doctor;

import java.util.List;

/**
 * What happened on the network while the doctor listened: which sockets opened, whether our own datagrams
 * came back, and who else spoke. Facts only; the checks judge them.
 *
 * @param unicastError    why the unicast socket could not be bound, or null
 * @param groupBindError  why the group port could not be bound, or null
 * @param joinError       why the group could not be joined on the interface, or null
 * @param sendError       why sending to the group failed, or null
 * @param echoMillis      how long our first HELLO took to come back on the group socket; -1 if it never did
 * @param otherDatagrams  datagrams on the group port that were not lanchat version 1 announcements
 * @param otherVersion    whether some of those were lanchat datagrams of another protocol version
 * @param listenedMillis  how long the doctor listened
 */
public record Exchange(String unicastError, String groupBindError, String joinError, int unicastPort,
        SelfTest selfUnicast, String sendError, long echoMillis, List<PeerSeen> peers, int otherDatagrams,
        boolean otherVersion, long listenedMillis) {
    public Exchange {
        peers = List.copyOf(peers);
    }

    /** Both sockets open and joined: the rest of the exchange means something. */
    boolean socketsOpen() {
        return unicastError == null && groupBindError == null && joinError == null;
    }

    boolean echoHeard() {
        return echoMillis >= 0;
    }

    /** Peers other than this machine's. */
    List<PeerSeen> remotePeers() {
        return peers.stream().filter(p -> !p.thisMachine()).toList();
    }

    boolean heardAnyoneOnGroup() {
        return peers.stream().anyMatch(PeerSeen::heardOnGroup);
    }

    boolean anyAnswered() {
        return peers.stream().anyMatch(PeerSeen::answered);
    }
}
