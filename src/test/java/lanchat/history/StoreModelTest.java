package lanchat.history;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Random runs of saves, repeats, outcomes, queueing, cancels, expiry and restarts, checked after every step
 * against a plain in-memory model of what the store must hold. A failing seed replays the run exactly.
 */
class StoreModelTest {

    private static final String ME = "me";
    private static final String[] PEERS = {"bob", "carol", "dave"};
    private static final String[] WORDS = {"lunch", "coffee", "build", "deploy", "café", "naïve", "13:00", "ok"};

    @TempDir
    Path dir;

    static Stream<Long> seeds() {
        return LongStream.rangeClosed(1, 12).mapToObj(i -> i * 7_919L);
    }

    /** What the model keeps of a message. */
    private static final class Expected {
        final String key;
        final String sender;
        final ConversationKey conversation;
        final String text;
        final int recipients;
        int delivered;
        int failed;
        boolean waiting;
        Instant expiresAt;

        Expected(String key, String sender, ConversationKey conversation, String text, int recipients) {
            this.key = key;
            this.sender = sender;
            this.conversation = conversation;
            this.text = text;
            this.recipients = recipients;
        }

        boolean open() {
            return delivered + failed < recipients;
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void theStoreAgreesWithTheModelAfterEveryStep(long seed) {
        Random random = new Random(seed);
        ManualClock clock = new ManualClock();
        HistoryConfig config = HistoryConfig.in(dir).withClock(clock).withOutboxExpiry(Duration.ofHours(1));
        Map<String, Expected> model = new LinkedHashMap<>(); // in storing order
        Map<String, Expected> ours = new HashMap<>();
        MessageStore store = MessageStore.open(config);
        try {
            for (int step = 0; step < 250; step++) {
                String what = "seed " + seed + " step " + step;
                int op = random.nextInt(100);
                if (op < 30) { // an incoming message, sometimes a repeat
                    String peer = PEERS[random.nextInt(PEERS.length)];
                    String id = "i" + random.nextInt(40);
                    ConversationKey conv = random.nextBoolean() ? ConversationKey.room() : ConversationKey.direct(peer);
                    String key = peer + "/" + id;
                    Expected known = model.get(key);
                    String text = text(random);
                    Saved saved = store.save(NewMessage.incoming(id, known != null ? known.conversation : conv, peer,
                            clock.instant(), text));
                    assertEquals(known != null, saved.repeat(), what);
                    if (known == null) {
                        model.put(key, new Expected(key, peer, conv, text, 0));
                    }
                } else if (op < 50) { // one of ours, to the room or queued for a peer
                    String id = "o" + step;
                    String text = text(random);
                    Expected e;
                    if (random.nextBoolean()) {
                        int recipients = random.nextInt(4);
                        e = new Expected(ME + "/" + id, ME, ConversationKey.room(), text, recipients);
                        assertFalse(store.save(NewMessage.outgoing(id, e.conversation, ME, clock.instant(), text,
                                recipients)).repeat(), what);
                    } else {
                        String peer = PEERS[random.nextInt(PEERS.length)];
                        e = new Expected(ME + "/" + id, ME, ConversationKey.direct(peer), text, 1);
                        e.waiting = true;
                        e.expiresAt = clock.instant().plus(config.outboxExpiry());
                        assertFalse(store.enqueue(NewMessage.outgoing(id, e.conversation, ME, clock.instant(), text, 1),
                                peer).repeat(), what);
                    }
                    model.put(e.key, e);
                    ours.put(id, e);
                } else if (op < 75 && !ours.isEmpty()) { // an outcome for one of ours
                    String id = pick(random, ours);
                    Expected e = ours.get(id);
                    boolean ok = random.nextInt(3) > 0;
                    boolean changes = e.open();
                    if (ok) {
                        assertEquals(changes, store.delivered(id, clock.instant()).isPresent(), what);
                        e.delivered += changes ? 1 : 0;
                    } else {
                        assertEquals(changes, store.undelivered(id, "lost").isPresent(), what);
                        e.failed += changes ? 1 : 0;
                    }
                    e.waiting &= e.open();
                } else if (op < 82 && !ours.isEmpty()) {
                    String id = pick(random, ours);
                    Expected e = ours.get(id);
                    assertEquals(e.waiting, store.cancel(id), what);
                    if (e.waiting) {
                        e.failed = e.recipients - e.delivered;
                        e.waiting = false;
                    }
                } else if (op < 90) {
                    clock.advance(Duration.ofMinutes(random.nextInt(40)));
                    List<Expired> expired = store.expireWaiting();
                    for (Expired x : expired) {
                        Expected e = ours.get(x.waiting().message().messageId());
                        assertTrue(e.waiting && !e.expiresAt.isAfter(clock.instant()), what);
                        e.waiting = false;
                        e.failed = e.recipients - e.delivered;
                    }
                    assertTrue(ours.values().stream().noneMatch(e -> e.waiting && !e.expiresAt.isAfter(clock.instant())),
                            what + ": everything due expired");
                } else if (op < 95) {
                    store.close();
                    store = MessageStore.open(config);
                } else {
                    String word = WORDS[random.nextInt(WORDS.length)];
                    long expected = model.values().stream().filter(e -> words(e.text).contains(fold(word))).count();
                    assertEquals(Math.min(expected, 1000), store.search(word, null, 1000).size(), what + " search " + word);
                }
                check(store, model, what);
            }
        } finally {
            store.close();
        }
    }

    private static void check(MessageStore store, Map<String, Expected> model, String what) {
        for (ConversationKey conv : conversations()) {
            List<String> expected = model.values().stream().filter(e -> e.conversation.equals(conv))
                    .map(e -> e.key).toList();
            List<StoredMessage> stored = store.last(conv, 1000);
            assertEquals(expected, stored.stream().map(m -> m.senderKey() + "/" + m.messageId()).toList(), what);
            for (StoredMessage m : stored) {
                Expected e = model.get(m.senderKey() + "/" + m.messageId());
                assertEquals(e.text, m.text(), what);
                assertEquals(e.delivered, m.outcome().delivered(), what + " " + e.key);
                assertEquals(e.recipients, m.outcome().recipients(), what + " " + e.key);
                assertEquals(expectedStatus(e), m.outcome().status(), what + " " + e.key);
            }
        }
        List<String> waiting = model.values().stream().filter(e -> e.waiting).map(e -> e.key).toList();
        assertEquals(waiting, store.waiting().stream().map(w -> ME + "/" + w.message().messageId()).toList(), what);
    }

    private static Status expectedStatus(Expected e) {
        if (!e.sender.equals(ME)) {
            return Status.RECEIVED;
        }
        if (e.open()) {
            return e.waiting ? Status.QUEUED : Status.PENDING;
        }
        return e.delivered > 0 || e.recipients == 0 ? Status.DELIVERED : Status.FAILED;
    }

    private static List<ConversationKey> conversations() {
        List<ConversationKey> all = new ArrayList<>(List.of(ConversationKey.room()));
        for (String peer : PEERS) {
            all.add(ConversationKey.direct(peer));
        }
        return all;
    }

    private static String text(Random random) {
        StringBuilder text = new StringBuilder();
        for (int i = 0, n = 1 + random.nextInt(4); i < n; i++) {
            text.append(i > 0 ? " " : "").append(WORDS[random.nextInt(WORDS.length)]);
        }
        return text.toString();
    }

    /** The words as the index sees them: lower case, accents gone. */
    private static List<String> words(String text) {
        List<String> words = new ArrayList<>();
        for (String w : text.split(" ")) {
            words.add(fold(w));
        }
        return words;
    }

    private static String fold(String word) {
        return java.text.Normalizer.normalize(word.toLowerCase(java.util.Locale.ROOT), java.text.Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "");
    }

    private static String pick(Random random, Map<String, Expected> map) {
        List<String> keys = new ArrayList<>(map.keySet());
        keys.sort(null); // HashMap order is not part of the seed
        return keys.get(random.nextInt(keys.size()));
    }
}
