package lanchat.membership;

import java.util.ArrayList;
import java.util.List;

/** Remembers what discovery reports, as short strings in order: "joined bob", "left bob QUIT", "renamed bob>b2". */
final class RecordingListener implements DiscoveryListener {
    final List<String> events = new ArrayList<>();
    final List<Peer> joined = new ArrayList<>();
    final List<Peer> left = new ArrayList<>();

    @Override
    public void joined(Peer peer) {
        joined.add(peer);
        events.add("joined " + peer.name() + "/" + peer.ref().incarnation());
    }

    @Override
    public void left(Peer peer, LeaveReason reason) {
        left.add(peer);
        events.add("left " + peer.name() + "/" + peer.ref().incarnation() + " " + reason);
    }

    @Override
    public void renamed(Peer peer, String oldName) {
        events.add("renamed " + oldName + ">" + peer.name());
    }
}
