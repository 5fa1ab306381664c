package lanchat.ui.terminal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import lanchat.message.MessageId;
import lanchat.node.ChatEvent;
import lanchat.ui.core.Glyphs;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStyle;
import org.junit.jupiter.api.Test;

class HistoryTextTest {
    private static final long NINE = Instant.parse("2026-06-01T09:05:00Z").toEpochMilli();
    private static final MessageId ID = MessageId.ofHex("00112233445566778899aabbccddeeff");
    private final HistoryText plain = new HistoryText(new Theme(false), Glyphs.UNICODE, ZoneOffset.UTC);

    @Test
    void historyLinesAreMarkedAndCarryTheirDay() {
        ChatEvent.HistoryPage page = new ChatEvent.HistoryPage("room", null, true, List.of(
                new ChatEvent.HistoryLine(ID, false, "bob", null, "morning", NINE, "received"),
                new ChatEvent.HistoryLine(ID, true, "alice", null, "hi bob", NINE, "delivered"),
                new ChatEvent.HistoryLine(ID, true, "alice", "bob", "psst", NINE, "failed"),
                new ChatEvent.HistoryLine(ID, false, "bob", "bob", "back", NINE, "received")), true);
        assertEquals(List.of(
                "-- history: the last lines of the room (/history again for more)",
                "06-01 09:05 bob: morning",
                "06-01 09:05 alice: hi bob",
                "06-01 09:05 alice → bob: psst (failed)",
                "06-01 09:05 [direct] bob: back",
                "-- end of history"), text(plain.lines(page)));
    }

    @Test
    void automaticRepliesAreMarkedBothWaysAndOursHasNoDeliveryMark() {
        ChatEvent.HistoryPage page = new ChatEvent.HistoryPage("bob", null, false, List.of(
                new ChatEvent.HistoryLine(ID, false, "bob", "bob", "bob is away: gone home", NINE, "received", true),
                new ChatEvent.HistoryLine(ID, true, "alice", "bob", "alice is busy: call", NINE, "sent", true)), false);
        assertEquals(List.of(
                "-- history: bob",
                "06-01 09:05 [direct] bob: [auto-reply] bob is away: gone home",
                "06-01 09:05 alice → bob: [auto-reply] alice is busy: call",
                "-- end of history"), text(plain.lines(page)));
    }

    @Test
    void historyIsDimmedOnAColourScreen() {
        HistoryText colour = new HistoryText(new Theme(true), Glyphs.UNICODE, ZoneOffset.UTC);
        List<AttributedString> lines = colour.lines(new ChatEvent.HistoryPage("room", null, false, List.of(
                new ChatEvent.HistoryLine(ID, false, "bob", null, "old", NINE, "received")), false));
        AttributedStyle style = lines.get(1).styleAt(0);
        assertEquals(new Theme(true).quiet(), style);
    }

    @Test
    void searchesSayWhatWasSearchedAndWhenNothingIsFound() {
        assertEquals(List.of("-- history: \"lunch\" in everywhere: nothing found"),
                text(plain.lines(new ChatEvent.HistoryPage("everywhere", "lunch", false, List.of(), false))));
    }

    @Test
    void queuedLinesAndTheirOutcomes() {
        assertEquals(List.of("→ bob (queued at 09:05, not online: sent when it is): call me"),
                text(plain.lines(new ChatEvent.Queued(ID, "bob", "call me", NINE))));
        assertEquals(List.of("✓ delivered to bob (queued at 09:05): call me"),
                text(plain.lines(new ChatEvent.QueuedOutcome(ID, "bob", "call me", NINE, null))));
        assertEquals(List.of("✗ not delivered to bob: expired: not delivered within 7 days: call me"), text(
                plain.lines(new ChatEvent.QueuedOutcome(ID, "bob", "call me", NINE,
                        "expired: not delivered within 7 days"))));
        List<String> list = text(plain.lines(new ChatEvent.QueueList(List.of(
                new ChatEvent.QueuedLine(ID, "bob", "call me\nsecond line", NINE, NINE + 7 * 86_400_000L)))));
        assertEquals("  1. → bob, queued 06-01 09:05, expires 06-08 09:05: call me", list.get(1));
        assertTrue(text(plain.lines(new ChatEvent.QueueList(List.of()))).get(0).contains("nothing waits"));
    }

    @Test
    void controlCharactersInStoredTextAreNeutralised() {
        List<String> lines = text(plain.lines(new ChatEvent.HistoryPage("room", null, false, List.of(
                new ChatEvent.HistoryLine(ID, false, "evil", null, "x\u001b[2Jy", NINE, "received")), false)));
        assertTrue(lines.stream().noneMatch(l -> l.contains("\u001b")), lines.toString());
    }

    private static List<String> text(List<AttributedString> lines) {
        return lines.stream().map(AttributedString::toString).toList();
    }
}
