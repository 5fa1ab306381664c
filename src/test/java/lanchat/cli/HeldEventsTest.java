package lanchat.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import lanchat.node.ChatEvent;
import org.junit.jupiter.api.Test;

/** Events that arrive before the banner wait for it, in order; afterwards they pass at once. */
class HeldEventsTest {
    private final List<ChatEvent> seen = new ArrayList<>();
    private final HeldEvents held = new HeldEvents(seen::add);

    private static ChatEvent sent(long id) {
        return new ChatEvent.MessageSent(id, true, List.of());
    }

    @Test
    void heldUntilReleasedThenInOrder() {
        held.onEvent(sent(1));
        held.onEvent(sent(2));
        assertEquals(List.of(), seen, "nothing before the banner");
        held.release();
        assertEquals(List.of(sent(1), sent(2)), seen);
        held.onEvent(sent(3));
        assertEquals(List.of(sent(1), sent(2), sent(3)), seen);
    }

    @Test
    void eventsFromAnotherThreadAroundTheReleaseKeepTheirOrder() throws Exception {
        Thread loop = new Thread(() -> {
            for (long id = 1; id <= 2_000; id++) {
                held.onEvent(sent(id));
            }
        });
        loop.start();
        held.release();
        loop.join(10_000);
        assertEquals(2_000, seen.size());
        for (int i = 0; i < seen.size(); i++) {
            assertEquals(sent(i + 1), seen.get(i));
        }
    }
}
