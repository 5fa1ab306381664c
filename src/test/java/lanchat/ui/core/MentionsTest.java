package lanchat.ui.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class MentionsTest {
    @ParameterizedTest
    @ValueSource(strings = {"alice", "Alice: lunch?", "hi @alice", "thanks alice.", "ALICE!", "alice's turn",
        "ask alice#3f2a", "(alice)", "alice-"})
    void mentions(String text) {
        assertTrue(Mentions.mentions(text, "alice"), text);
    }

    @ParameterizedTest
    @ValueSource(strings = {"malice", "alice_b", "alice.w is here", "alice2", "al ice", "", "bob"})
    void notMentions(String text) {
        assertFalse(Mentions.mentions(text, "alice"), text);
    }

    @Test
    void rangesOfEveryMention() {
        List<int[]> found = Mentions.find("alice, alice!", "alice");
        assertEquals(2, found.size());
        assertEquals(7, found.get(1)[0]);
        assertEquals(12, found.get(1)[1]);
    }
}
