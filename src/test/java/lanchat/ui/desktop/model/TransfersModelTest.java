package lanchat.ui.desktop.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import lanchat.node.ChatEvent;
import lanchat.node.PeerInfo;
import lanchat.ui.core.TestPeers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The window's transfers, driven by the same file events as the terminal and JSON, without a display. */
class TransfersModelTest {
    private final ChatModel model = new ChatModel(new MutableClock(Instant.parse("2025-03-10T09:15:00Z")));
    private final PeerInfo alice = TestPeers.peer("alice", 1);
    private final PeerInfo bob = TestPeers.peer("bob", 2);
    private final List<Transfer> changes = new ArrayList<>();
    private final List<String> notified = new ArrayList<>();

    TransfersModelTest() {
        model.apply(new ChatEvent.Ready(alice));
        model.apply(new ChatEvent.PeerJoined(bob));
        model.addListener(new ModelListener() {
            @Override
            public void transfersChanged(Transfer changed) {
                changes.add(changed);
            }

            @Override
            public void notifyOffer(Transfer offer) {
                notified.add(offer.headline());
            }
        });
    }

    private ChatEvent.FileOffered offer(String id, boolean incoming) {
        return new ChatEvent.FileOffered(id, incoming, bob, List.of("holiday", "notes.txt"), 5, 3_200_000, 0);
    }

    private ChatEvent.FileProgress progress(String id, boolean incoming, long done, int percent, long left) {
        return new ChatEvent.FileProgress(id, incoming, bob, "holiday/a.jpg", done, 3_200_000, percent, 1_500_000,
                left, "holiday/a.jpg " + percent + "%");
    }

    private Conversation withBob() {
        return model.conversation(new ConversationId(bob.id()));
    }

    private static String lastQuiet(Conversation c) {
        ChatItem item = c.items().get(c.items().size() - 1);
        return ((ChatItem.QuietLine) item).text();
    }

    @Test
    void anOfferFromAPeerShowsWhoOffersWhatAndWaitsForAnAnswer() {
        model.apply(offer("1a2b3c4d", true));
        Transfer t = model.transfers().all().get(0);
        assertEquals("bob offers holiday, notes.txt (5 files, 3.2 MB)", t.headline());
        assertEquals("waiting for your answer", t.status());
        assertTrue(t.answerable());
        assertFalse(t.cancellable(), "an offer to us is answered, not cancelled");
        assertEquals(1, model.transfers().waitingForAnswer());
        assertEquals(List.of(t), changes);
        assertTrue(lastQuiet(withBob()).startsWith("bob offers holiday, notes.txt (5 files, 3.2 MB): Accept or Reject"),
                lastQuiet(withBob()));
    }

    @Test
    void progressShowsPercentRateAndTimeLeftThenTheOutcome() {
        model.apply(offer("1a2b3c4d", true));
        int linesBefore = withBob().items().size();
        model.apply(progress("1a2b3c4d", true, 1_600_000, 50, 65));
        Transfer t = model.transfers().all().get(0);
        assertEquals(Transfer.State.RUNNING, t.state());
        assertEquals("from bob: holiday, notes.txt (5 files, 3.2 MB)", t.headline(), "no longer an offer");
        assertEquals("50%  ·  1.6 MB of 3.2 MB  ·  1.5 MB/s  ·  1:05 left", t.status());
        assertTrue(t.cancellable() && !t.answerable());
        assertEquals(linesBefore, withBob().items().size(), "progress moves the row, it adds no line");
        model.apply(progress("1a2b3c4d", true, 1_700_000, 53, -1));
        assertFalse(t.status().contains("left"), "no time left while it is unknown: " + t.status());

        model.apply(new ChatEvent.FileDone("1a2b3c4d", true, bob, 5, 3_200_000, "/home/alice/Downloads/lanchat/holiday"));
        assertEquals(Transfer.State.DONE, t.state());
        assertEquals(100, t.percent());
        assertEquals("✓ received, SHA-256 checked: /home/alice/Downloads/lanchat/holiday", t.status());
        assertFalse(t.cancellable() || t.answerable());
        assertEquals(t.status(), lastQuiet(withBob()));
        model.apply(progress("1a2b3c4d", true, 3_100_000, 97, 1));
        assertEquals(Transfer.State.DONE, t.state(), "a late progress event does not revive a finished row");
    }

    @Test
    void ourOwnOfferCanBeCancelledAndAFailureSaysWhy() {
        model.apply(offer("99aa00bb", false));
        Transfer t = model.transfers().all().get(0);
        assertEquals("to bob: holiday, notes.txt (5 files, 3.2 MB)", t.headline());
        assertTrue(t.cancellable() && !t.answerable());
        assertEquals(0, model.transfers().waitingForAnswer());
        model.apply(new ChatEvent.FileFailed("99aa00bb", false, bob, "rejected by bob"));
        assertEquals(Transfer.State.FAILED, t.state());
        assertEquals("✗ rejected by bob", t.status());
        ChatItem.QuietLine line = (ChatItem.QuietLine) withBob().items().get(withBob().items().size() - 1);
        assertTrue(line.error());
        assertEquals("to bob: ✗ rejected by bob", line.text());
    }

    @Test
    void theSameIdEachWayIsTwoRowsAndAnOfferRefusedBeforeItHadAnIdGetsOneToo() {
        model.apply(offer("1a2b3c4d", true));
        model.apply(offer("1a2b3c4d", false));
        model.apply(new ChatEvent.FileFailed("", true, bob, "refused an offer: the name CON is reserved"));
        model.apply(new ChatEvent.FileFailed("", true, bob, "refused an offer: a name with .."));
        List<Transfer> all = model.transfers().all();
        assertEquals(4, all.size());
        assertTrue(all.get(0).incoming() && !all.get(1).incoming());
        assertFalse(all.get(2).cancellable() || all.get(2).answerable(), "no id: nothing to answer or cancel");
        assertEquals("✗ refused an offer: a name with ..", all.get(3).status());

        model.clearFinishedTransfers();
        assertEquals(2, model.transfers().all().size(), "only the finished rows go");
        assertEquals(null, changes.get(changes.size() - 1), "clearing says the rows came or went");
    }

    @Test
    void anOfferSaysUntilWhenAndNotifiesWhileTheWindowIsAway() {
        model.apply(new ChatEvent.FileOffered("1a2b3c4d", true, bob, List.of("a.txt"), 1, 10,
                Instant.parse("2025-03-10T09:25:00Z").toEpochMilli()));
        assertEquals("waiting for your answer (until 09:25)", model.transfers().all().get(0).status());
        assertTrue(notified.isEmpty(), "focused: the panel and the line are enough");
        model.focused(false);
        model.apply(new ChatEvent.FileOffered("5e6f7a8b", true, bob, List.of("b.txt"), 1, 10, 0));
        model.apply(offer("99aa00bb", false));
        assertEquals(List.of("bob offers b.txt (1 file, 10 B)"), notified, "only offers to us, not our own");
    }

    @Test
    void aPeersNamesCannotPaintOverTheWindow() {
        model.apply(new ChatEvent.FileOffered("1a2b3c4d", true, bob, List.of("evil\u001b[2J\u202e.txt"), 1, 10, 0));
        String headline = model.transfers().all().get(0).headline();
        assertFalse(headline.contains("\u001b") || headline.contains("\u202e"), headline);
    }

    @Test
    void progressForAnOfferTheWindowDidNotSeeStillGetsARow() {
        model.apply(progress("77777777", false, 10, 1, 100));
        Transfer t = model.transfers().all().get(0);
        assertEquals(Transfer.State.RUNNING, t.state());
        assertTrue(t.headline().startsWith("to bob: holiday/a.jpg"), t.headline());
    }

    static Stream<Long> seeds() {
        return LongStream.range(0, 20).mapToObj(i -> 0x5eed0000L + i);
    }

    /** Any order of progress, done and failure for several offers: percent stays 0..100, an end is final. */
    @ParameterizedTest
    @MethodSource("seeds")
    void anyOrderOfEventsKeepsEachRowSane(long seed) {
        Random random = new Random(seed);
        String[] ids = {"00000001", "00000002", "00000003"};
        for (String id : ids) {
            model.apply(offer(id, random.nextBoolean()));
        }
        java.util.Map<String, Transfer.State> ended = new java.util.HashMap<>();
        for (int step = 0; step < 200; step++) {
            Transfer t = model.transfers().all().get(random.nextInt(ids.length));
            int kind = random.nextInt(10);
            if (kind < 8) {
                model.apply(new ChatEvent.FileProgress(t.id(), t.incoming(), bob, "a", random.nextInt(3_200_000),
                        3_200_000, random.nextInt(140) - 20, random.nextInt(1 << 20), random.nextInt(100) - 1, ""));
            } else if (kind == 8) {
                model.apply(new ChatEvent.FileDone(t.id(), t.incoming(), bob, 5, 3_200_000, "/tmp/x"));
                ended.putIfAbsent(t.id(), Transfer.State.DONE);
            } else {
                model.apply(new ChatEvent.FileFailed(t.id(), t.incoming(), bob, "cancelled"));
                ended.putIfAbsent(t.id(), Transfer.State.FAILED);
            }
            for (Transfer row : model.transfers().all()) {
                assertTrue(row.percent() >= 0 && row.percent() <= 100, "seed " + seed + ": " + row.percent());
                assertEquals(ended.get(row.id()), row.finished() ? row.state() : null, "seed " + seed);
                if (row.finished()) {
                    assertFalse(row.cancellable() || row.answerable(), "seed " + seed);
                }
            }
        }
        assertEquals(ids.length, model.transfers().all().size(), "seed " + seed + ": one row per offer");
    }
}
