package lanchat.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import lanchat.message.FileOffer;
import lanchat.sim.SimNetwork;
import lanchat.sim.SimNode;
import org.junit.jupiter.api.Test;

/** A page that does not decode fails its offer, reported; the stream is not refused, so the chat goes on. */
class BadOfferPageTest {
    static final long SECOND = 1_000_000_000L;

    @Test
    void aBadOfferPageFailsTheOfferAndTheChatAfterItArrives() throws Exception {
        SimNetwork net = new SimNetwork(121);
        SimNode alice = net.start(NodeConfig.defaults("alice"));
        SimNode bob = net.start(NodeConfig.defaults("bob"));
        assertTrue(net.runUntil(() -> alice.node().peers().size() == 1 && bob.node().peers().size() == 1,
                5 * SECOND));
        PeerInfo toBob = alice.engine().directory().stream().filter(i -> i.name().equals("bob")).findFirst()
                .orElseThrow();
        alice.execute(() -> alice.engine().messageIds().send(id ->
                alice.engine().sendTo(toBob, id, new FileOffer(1, 600, new byte[] {0}))));
        alice.node().whisper("bob", "still here");
        assertTrue(net.runUntil(() -> bob.events().of(ChatEvent.MessageReceived.class).stream()
                .anyMatch(m -> m.text().equals("still here")), 10 * SECOND), "the chat after the bad page");
        List<ChatEvent.FileFailed> failed = bob.events().of(ChatEvent.FileFailed.class);
        assertEquals(1, failed.size());
        assertTrue(failed.get(0).reason().startsWith("refused an offer: "), failed.get(0).reason());
        assertTrue(bob.events().of(ChatEvent.FileOffered.class).isEmpty());
    }
}
