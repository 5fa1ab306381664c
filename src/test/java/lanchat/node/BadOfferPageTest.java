package lanchat.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import lanchat.message.FileOffer;
import lanchat.sim.SimNode;
import org.junit.jupiter.api.Test;

/** A page that does not decode fails its offer, reported; the stream is not refused, so the chat goes on. */
class BadOfferPageTest {
    @Test
    void aBadOfferPageFailsTheOfferAndTheChatAfterItArrives() throws Exception {
        TwoSimNodes two = TwoSimNodes.start(121);
        SimNode alice = two.alice();
        SimNode bob = two.bob();
        two.aliceSends(new FileOffer(1, 600, new byte[] {0}));
        alice.node().whisper("bob", "still here");
        assertTrue(two.net().runUntil(() -> bob.events().of(ChatEvent.MessageReceived.class).stream()
                .anyMatch(m -> m.text().equals("still here")), 10 * TwoSimNodes.SECOND), "the chat after the bad page");
        List<ChatEvent.FileFailed> failed = bob.events().of(ChatEvent.FileFailed.class);
        assertEquals(1, failed.size());
        assertTrue(failed.get(0).reason().startsWith("refused an offer: "), failed.get(0).reason());
        assertTrue(bob.events().of(ChatEvent.FileOffered.class).isEmpty());
    }
}
