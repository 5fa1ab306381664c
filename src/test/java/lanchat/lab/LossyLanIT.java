package lanchat.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A quarter of all arriving datagrams lost on every host: direct messages still arrive once, in order. */
@Tag("lab")
class LossyLanIT {
    private static final int MESSAGES = 500;
    private static final int LOSS_PERCENT = 25;
    /** About 900 bytes per message, so each needs a datagram of its own and the loss hits messages, not batches. */
    private static final String PADDING = "x".repeat(900);
    /** 500 messages with retransmissions at 25% loss take seconds; this bound is for a loaded machine. */
    private static final Duration TRANSFER = Duration.ofSeconds(180);

    @RegisterExtension
    static final LabFixture LAB = LabFixture.withLanchat(2);

    @Test
    void fiveHundredDirectMessagesArriveExactlyOnceInOrderAndAreAllDelivered() throws Exception {
        LAB.lab().lossEverywhere(LOSS_PERCENT);
        try (Peers peers = LAB.peers()) {
            List<LabPeer> both = peers.startMesh("alice", "bob");
            LabPeer alice = both.get(0);
            LabPeer bob = both.get(1);

            List<String> texts = new ArrayList<>();
            for (int i = 0; i < MESSAGES; i++) {
                texts.add(String.format("m%04d-", i) + PADDING);
                alice.send("/msg bob " + texts.get(i));
            }
            List<Long> ids = alice.awaitCount("sent", Events.sent(), MESSAGES, TRANSFER).stream()
                    .map(e -> e.num("msg")).collect(Collectors.toList());
            assertEquals(MESSAGES, new HashSet<>(ids).size(), "distinct message ids");

            List<String> received = bob.awaitCount("alice's messages", Events.directMessage("alice", "bob"),
                    MESSAGES, TRANSFER).stream().map(e -> e.str("text")).collect(Collectors.toList());
            assertEquals(texts, received, "bob received alice's messages in order");

            List<Event> outcomes = alice.awaitCount("outcomes", Events.outcome(), MESSAGES, TRANSFER);
            List<Event> undelivered = outcomes.stream().filter(e -> e.is("undelivered")).collect(Collectors.toList());
            assertTrue(undelivered.isEmpty(), undelivered.size() + " undelivered, first: " + undelivered);
            Set<Long> deliveredIds = outcomes.stream().map(e -> e.num("msg")).collect(Collectors.toSet());
            assertEquals(new HashSet<>(ids), deliveredIds, "every message reported delivered once");

            // A last marker: anything duplicated before it would have been shown before it.
            long marker = alice.sendMessage("/msg bob end", Peers.SHORT);
            bob.await("the marker", Events.directMessage("alice", "bob", "end"), TRANSFER);
            alice.await("the marker delivered", Events.delivered(marker), TRANSFER);
            assertEquals(MESSAGES + 1, bob.events(Events.directMessage("alice", "bob")).size(), "no duplicates");
            assertEquals(MESSAGES + 1, alice.events(Events.outcome()).size(), "one outcome per message");
            assertTrue(alice.events(Events.left("bob")).isEmpty(), "bob never left: " + alice.describe());
            long dropped = LAB.lab().droppedDatagrams(1) + LAB.lab().droppedDatagrams(2);
            System.out.println("LossyLanIT: the loss rules dropped " + dropped + " datagrams");
            assertTrue(dropped > MESSAGES / 8, "the loss rules really dropped datagrams: " + dropped);
        } finally {
            LAB.lab().lossEverywhere(0);
        }
    }
}
