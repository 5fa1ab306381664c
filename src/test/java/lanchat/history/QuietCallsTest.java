package lanchat.history;

import static lanchat.history.Messages4Test.*;
import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A pass's calls, kept as columns, are the calls they stand for: same messages, same order, own failures. */
class QuietCallsTest {

    @TempDir
    Path dir;

    private static final ConversationKey BOB = ConversationKey.direct("bob");

    @Test
    void columnRowsBecomeTheSavesAndOutcomesTheyStandFor() {
        QuietCalls calls = new QuietCalls(1, 1); // everything grows
        List<RuntimeException> failures = new ArrayList<>();
        calls.add(s -> s.save(roomIn("a-call", "carol", "a function as before")), failures::add);
        calls.addSave(0x0123456789abcdefL, -1L, BOB, BOB.peerKey(), 1_000L, Direction.IN, "héllo ✓ 🙂", 0, false,
                failures::add);
        calls.addSave(1L, 2L, BOB, ME, 2_000L, Direction.OUT, "", 1, true, failures::add);
        calls.addSave(3L, 4L, BOB, ME, 3_000L, Direction.OUT, "typed", 1, false, failures::add);
        calls.addDelivered(3L, 4L, 4_000L, failures::add);
        assertEquals(5, calls.size());
        try (MessageStore store = MessageStore.open(HistoryConfig.in(dir))) {
            for (int i = 0; i < calls.size(); i++) {
                calls.work(i).apply(store);
            }
            List<StoredMessage> direct = store.last(BOB, 10);
            assertEquals(List.of("0123456789abcdefffffffffffffffff", "00000000000000010000000000000002",
                    "00000000000000030000000000000004"), SqliteMessageStoreTest.ids(direct));
            StoredMessage in = direct.get(0);
            assertEquals("héllo ✓ 🙂", in.text());
            assertEquals(Direction.IN, in.direction());
            assertEquals("bob", in.senderKey());
            assertEquals(Instant.ofEpochMilli(1_000), in.sentAt());
            assertFalse(in.automatic());
            StoredMessage auto = direct.get(1);
            assertEquals("", auto.text());
            assertTrue(auto.automatic());
            assertEquals(ME, auto.senderKey());
            StoredMessage typed = direct.get(2);
            assertEquals("typed", typed.text());
            assertEquals(Status.DELIVERED, typed.outcome().status());
            assertEquals(Instant.ofEpochMilli(4_000), typed.outcome().deliveredAt());
            assertEquals(1, store.last(ConversationKey.room(), 10).size());
        }
        assertEquals(List.of(), failures);
    }

    /** One collector for every pass: each take holds that pass's calls alone, and the collector starts empty. */
    @Test
    void aReusedCollectorHandsOverEachPassByItself() {
        QuietCalls collector = new QuietCalls(2, 16);
        List<String> texts = new ArrayList<>();
        List<QuietCalls> taken = new ArrayList<>();
        for (int pass = 0; pass < 3; pass++) {
            for (int i = 0; i <= 40 * pass; i++) { // grows past its first room, then keeps it
                String text = "pass " + pass + " line " + i + " ✓";
                texts.add(text);
                collector.addSave(pass, i, BOB, BOB.peerKey(), i, Direction.IN, text, 0, false, e -> { });
            }
            taken.add(collector.takeAll());
            assertTrue(collector.isEmpty());
        }
        assertEquals(List.of(1, 41, 81), taken.stream().map(QuietCalls::size).toList());
        try (MessageStore store = MessageStore.open(HistoryConfig.in(dir))) {
            for (QuietCalls calls : taken) {
                for (int i = 0; i < calls.size(); i++) {
                    calls.work(i).apply(store);
                }
            }
            assertEquals(texts, store.last(BOB, 200).stream().map(StoredMessage::text).toList());
        }
    }

    /** A bad value surfaces when the call runs, as that call's failure, not when the writer takes the pass apart. */
    @Test
    void aBadLineFailsWhenItsCallRuns() {
        QuietCalls calls = new QuietCalls();
        calls.addSave(1L, 1L, ConversationKey.room(), "", 0L, Direction.IN, "no sender", 0, false, e -> { });
        var work = calls.work(0);
        assertThrows(IllegalArgumentException.class, () -> work.apply(MessageStore.none()));
    }

    /** Seeded runs: whatever the mix and the texts' lengths, each row reads back as it was added. */
    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5})
    void randomPassesReadBackRowByRow(long seed) {
        Random random = new Random(seed);
        QuietCalls calls = new QuietCalls(random.nextInt(4), random.nextInt(64));
        List<String> texts = new ArrayList<>();
        int rows = 1 + random.nextInt(300);
        for (int i = 0; i < rows; i++) {
            if (random.nextInt(5) == 0) {
                calls.addDelivered(i, i, i, e -> { });
                continue;
            }
            StringBuilder text = new StringBuilder();
            int length = random.nextInt(random.nextInt(10) == 0 ? 5_000 : 120);
            for (int c = 0; c < length; c++) {
                text.appendCodePoint(random.nextInt(8) == 0 ? 0x1F600 + random.nextInt(50) : 'a' + random.nextInt(26));
            }
            texts.add(text.toString());
            calls.addSave(i, -i, BOB, BOB.peerKey(), i, Direction.IN, text.toString(), 0, false, e -> { });
        }
        try (MessageStore store = MessageStore.open(HistoryConfig.in(dir))) {
            for (int i = 0; i < calls.size(); i++) {
                calls.work(i).apply(store);
            }
            assertEquals(texts, store.last(BOB, rows).stream().map(StoredMessage::text).toList());
        }
    }
}
