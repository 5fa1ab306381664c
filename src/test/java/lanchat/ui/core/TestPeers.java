package lanchat.ui.core;

import java.net.InetSocketAddress;
import lanchat.node.PeerInfo;

/** PeerInfo values for tests. */
public final class TestPeers {
    private TestPeers() {}

    public static PeerInfo peer(String name, long id) {
        return peer(name, name, id, 40000 + (int) (id % 1000));
    }

    public static PeerInfo peer(String name, String displayName, long id, int port) {
        return new PeerInfo(id, 1_700_000_000_000L, name, displayName,
                new InetSocketAddress("127.0.0.1", port), 250, 0.5, 0, 0, 0);
    }
}
