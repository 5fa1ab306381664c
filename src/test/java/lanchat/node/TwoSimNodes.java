package lanchat.node;

import static org.junit.jupiter.api.Assertions.assertTrue;

import lanchat.sim.SimNetwork;
import lanchat.sim.SimNode;

/** Alice and Bob on a simulated network, each in the other's table, and Bob as Alice's engine knows him. */
record TwoSimNodes(SimNetwork net, SimNode alice, SimNode bob, PeerInfo toBob) {
    static final long SECOND = 1_000_000_000L;

    static TwoSimNodes start(long seed) {
        SimNetwork net = new SimNetwork(seed);
        SimNode alice = net.start(NodeConfig.defaults("alice"));
        SimNode bob = net.start(NodeConfig.defaults("bob"));
        assertTrue(net.runUntil(() -> alice.node().peers().size() == 1 && bob.node().peers().size() == 1,
                5 * SECOND));
        PeerInfo toBob = alice.engine().directory().stream().filter(i -> i.name().equals("bob")).findFirst()
                .orElseThrow();
        return new TwoSimNodes(net, alice, bob, toBob);
    }

    /** Alice sends Bob {@code body} as a message of its own on her stream to him, bypassing her file side. */
    void aliceSends(lanchat.message.Body body) {
        alice.execute(() -> alice.engine().messageIds().send(id -> alice.engine().sendTo(toBob, id, body)));
    }
}
