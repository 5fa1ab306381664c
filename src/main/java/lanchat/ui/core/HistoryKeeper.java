package lanchat.ui.core;

import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Consumer;
import java.util.function.Function;
import lanchat.history.AsyncHistory;
import lanchat.history.ConversationKey;
import lanchat.history.Direction;
import lanchat.history.MessageStore;
import lanchat.history.NewMessage;
import lanchat.history.QuietCalls;
import lanchat.history.StoredMessage;
import lanchat.history.Waiting;
import lanchat.message.MessageId;
import lanchat.message.Text;
import lanchat.node.ChatEvent;
import lanchat.node.ChatListener;
import lanchat.node.ChatNode;
import lanchat.node.KnownPeers;
import lanchat.node.PeerInfo;

/**
 * Between the node and the front end: shows each (sender identity, end-to-end id) once, stores every
 * line in and out with its outcome, keeps direct messages to known identities that are offline in the
 * outbox and sends them when that identity is next in the table, and answers /history and /queue.
 *
 * <p>All its state belongs to the node's event-loop thread: events arrive there, and the store's answers
 * (on the history's writer thread) are handed back there. The loop never waits for the disk: a first copy
 * of a line is new by construction (the engine shows a sender instance's messages once, and only an
 * outbox sends a line again, marked {@link Text#AGAIN}), so it is passed on at once; a copy sent again once
 * the store has said it is not a repeat, and events behind it wait in order (protocol.md 4.8).
 *
 * <p>What the loop stores without waiting for an answer (lines in and out, outcomes) is collected during
 * each pass of the loop and handed to the store in one piece at the end of the pass ({@link
 * ChatNode#afterEachPass}), or sooner once {@value #PASS_BOUND} calls are collected: one task and at most
 * one wake-up of the writer per pass instead of one per line. A call whose answer the loop waits for
 * hands over what was collected first, so that the store always sees the loop's calls in their order.
 */
public final class HistoryKeeper implements ChatListener {
    /** The store's front: {@link #writingTo} an {@link AsyncHistory} in the program, a direct call in tests. */
    public interface Store {
        <T> CompletableFuture<T> submit(Function<MessageStore, T> work);

        /** Work whose result nobody reads; only a failure comes back, on any thread. */
        default void submitQuietly(Function<MessageStore, ?> work, Consumer<? super RuntimeException> failed) {
            submit(work).whenComplete((result, error) -> {
                if (error != null) {
                    failed.accept(error instanceof RuntimeException r ? r : new CompletionException(error));
                }
            });
        }

        /** Quiet work collected during one pass of the loop, in order; handed over in one piece if the store can. */
        default void submitAllQuietly(QuietCalls calls) {
            for (int i = 0; i < calls.size(); i++) {
                submitQuietly(calls.work(i), calls.failed(i));
            }
        }

        /** The program's store front: every line stored without a future of its own, a pass's lines as one task. */
        static Store writingTo(AsyncHistory history) {
            return new Store() {
                @Override
                public <T> CompletableFuture<T> submit(Function<MessageStore, T> work) {
                    return history.submit(work);
                }

                @Override
                public void submitQuietly(Function<MessageStore, ?> work, Consumer<? super RuntimeException> failed) {
                    history.submitQuietly(work, failed);
                }

                @Override
                public void submitAllQuietly(QuietCalls calls) {
                    history.submitAllQuietly(calls);
                }
            };
        }
    }

    public static final int STARTUP_LINES = 20;
    public static final int PAGE_LINES = 20;
    public static final int SEARCH_HITS = 50;
    /** Pairs remembered without a durable store, which would otherwise catch a copy sent again. */
    static final int SEEN_CAPACITY = 100_000;

    private final Store store;
    private final boolean durable;
    private final ChatListener out;
    private final KnownPeers known;
    private final InstantSource clock;
    /** Without a durable store (--no-history): the newest pairs shown, so that a copy sent again is caught. */
    private final SeenMessages seen;
    /** Events behind a received line whose store answer is not in yet, in the order they came. */
    private final ArrayDeque<Held> ordered = new ArrayDeque<>();
    /** Outbox messages sent again now, by end-to-end id: their outcome is the outbox's, not a new line's. */
    private final Map<MessageId, Waiting> resending = new HashMap<>();
    private final Map<ConversationKey, Long> oldestShown = new HashMap<>();
    private final List<Runnable> beforeAttach = new ArrayList<>();
    private volatile ChatNode node;
    private volatile List<Waiting> lastQueueList;
    /** The quiet calls of the loop's current pass, not yet handed over (one instance, reused); loop thread only. */
    private final QuietCalls pass = new QuietCalls();
    /** True once the loop hands {@link #pass} over at the end of each pass; until then each call goes alone. */
    private boolean collecting;
    private String ownKey = "self";
    private String ownName = "me";
    private long repeatsHidden;

    /**
     * @param durable false for --no-history: nothing waits in an outbox that forgets
     * @param known   the profile's names and keys: whom a message to an offline name is for
     */
    public HistoryKeeper(Store store, boolean durable, ChatListener out, KnownPeers known, InstantSource clock) {
        this(store, durable, out, known, clock, SEEN_CAPACITY);
    }

    /** As above, remembering (without a durable store) the newest {@code sessionPairs} pairs (tests: a small set). */
    public HistoryKeeper(Store store, boolean durable, ChatListener out, KnownPeers known, InstantSource clock,
            int sessionPairs) {
        this.seen = durable ? null : new SeenMessages(sessionPairs);
        this.store = store;
        this.durable = durable;
        this.out = out;
        this.known = known;
        this.clock = clock;
        ordered.add(startupPage); // the room's last lines come before anything that happens now
    }

    /** Where the room's last lines go, ahead of every event; filled once the store has read them. */
    private final Held startupPage = new Held(null);

    /** The node runs: from now on answers go to its loop. Shows the room's last lines, expires the outbox. */
    public void attach(ChatNode started) {
        List<Runnable> early;
        synchronized (beforeAttach) {
            node = started;
            early = new ArrayList<>(beforeAttach);
            beforeAttach.clear();
        }
        onLoop(() -> {
            String key = started.ownKey();
            ownKey = key.isEmpty() ? "self-" + started.self().idHex() : key;
            ownName = started.self().name();
            collecting = started.afterEachPass(this::handOverPass);
        });
        early.forEach(this::onLoop);
        onLoop(this::showStartupLines);
        expire();
    }

    // ---- events from the engine (loop thread) ----

    @Override
    public void onEvent(ChatEvent event) {
        if (event instanceof ChatEvent.Ready) {
            out.onEvent(event); // the very first event: nothing of the history goes before it
            return;
        }
        if (event instanceof ChatEvent.MessageReceived) {
            received((ChatEvent.MessageReceived) event);
            return;
        }
        if (event instanceof ChatEvent.MessageSent) {
            ChatEvent.MessageSent s = (ChatEvent.MessageSent) event;
            if (s.text() != null && !resending.isEmpty() && resending.containsKey(s.text().id())) {
                return; // a queued line going out again: it is already on screen as queued
            }
            stored(s);
        } else if (event instanceof ChatEvent.Delivered) {
            ChatEvent.Delivered d = (ChatEvent.Delivered) event;
            if (d.e2eId() != null) {
                MessageId id = d.e2eId();
                Waiting w = resending.isEmpty() ? null : resending.remove(id);
                pass.addDelivered(id.high(), id.low(), passMillis(), IGNORED); // the hex and Instant: on the writer
                added();
                if (w != null) {
                    emit(new ChatEvent.QueuedOutcome(d.e2eId(), d.to().name(), w.message().text(),
                            w.queuedAt().toEpochMilli(), null));
                    return;
                }
            }
        } else if (event instanceof ChatEvent.Undelivered) {
            ChatEvent.Undelivered u = (ChatEvent.Undelivered) event;
            if (u.e2eId() != null) {
                if (resending.remove(u.e2eId()) != null) {
                    return; // it stays in the outbox and goes again when the peer is next in the table
                }
                quietly(st -> st.undelivered(u.e2eId().hex(), "not delivered to " + u.to().name()
                        + ": " + u.reason()), IGNORED);
            }
        } else if (event instanceof ChatEvent.PeerJoined) {
            sendWaiting(((ChatEvent.PeerJoined) event).peer());
        } else if (event instanceof ChatEvent.AutoReplySent) {
            storedAutoReply((ChatEvent.AutoReplySent) event);
        }
        emit(event);
    }

    private void received(ChatEvent.MessageReceived r) {
        if (r.e2eId() == null) {
            emit(r);
            return;
        }
        String sender = r.senderKey().isEmpty() ? "peer-" + r.from().idHex() : r.senderKey();
        if (seen != null && !seen.firstTime(sender, r.e2eId())) {
            repeatsHidden++;
            return;
        }
        ConversationKey direct = directWith(sender);
        ConversationKey conversation = r.room() ? ConversationKey.room() : direct;
        String checked = direct.peerKey(); // the checked key's own String: no second check of it
        if (!r.sentAgain()) {
            emit(r); // a first copy is new by construction: shown now, stored behind it
            saveLine(r.e2eId(), conversation, checked, r.sentAtMillis(), Direction.IN, r.text(), 0, r.autoReply());
            return;
        }
        NewMessage typed = NewMessage.incoming(r.e2eId().hex(), conversation, checked,
                Instant.ofEpochMilli(r.sentAtMillis()), r.text());
        NewMessage m = r.autoReply() ? typed.asAutomatic() : typed;
        Held held = new Held(r);
        ordered.add(held);
        ask(st -> st.save(m)).whenComplete((saved, error) -> onLoop(() -> {
            // Without an answer (the store failed) it is shown: a line lost from the screen is worse.
            held.show = error != null || !saved.repeat();
            if (!held.show) {
                repeatsHidden++;
            }
            held.ready = true;
            drain();
        }));
    }

    private void stored(ChatEvent.MessageSent s) {
        Text t = s.text();
        if (t == null) {
            return;
        }
        ConversationKey conversation;
        if (s.room()) {
            conversation = ConversationKey.room();
        } else {
            String key = s.to().isEmpty() ? "" : keyOf(s.to().get(0));
            conversation = directWith(key.isEmpty() ? "peer-" + s.to().get(0).idHex() : key);
        }
        saveLine(t.id(), conversation, ownKey, t.sentAtMillis(), Direction.OUT, t.text(), s.to().size(), false);
    }

    /**
     * Our automatic away reply, stored as a direct line of ours marked automatic. The engine follows no
     * outcome for it, so it stays "pending" in the store and is shown as sent, without a delivery mark.
     */
    private void storedAutoReply(ChatEvent.AutoReplySent a) {
        Text t = a.reply();
        if (t == null || node == null) {
            return;
        }
        String key = node.keyOf(a.to());
        ConversationKey conversation = directWith(key.isEmpty() ? "peer-" + a.to().idHex() : key);
        saveLine(t.id(), conversation, ownKey, t.sentAtMillis(), Direction.OUT, t.text(), 1, true);
    }

    /**
     * A line to store, nobody waiting for the answer: kept as plain values in the pass's columns, made
     * into a {@link NewMessage} (its hex id, its instant) on the writer, after the burst.
     */
    private void saveLine(MessageId id, ConversationKey conversation, String sender, long sentAtMillis,
            Direction direction, String text, int recipients, boolean automatic) {
        pass.addSave(id.high(), id.low(), conversation, sender, sentAtMillis, direction, text, recipients, automatic,
                savingFailed);
        added();
    }

    /** Work nobody waits for, collected for the end of the pass once the loop hands passes over. */
    private void quietly(Function<MessageStore, ?> work, Consumer<? super RuntimeException> failed) {
        pass.add(work, failed);
        added();
    }

    /** Until the loop hands passes over, each call goes by itself. */
    private void added() {
        if (!collecting || pass.size() >= PASS_BOUND) {
            handOverPass();
        }
    }

    /**
     * The wall time of this pass, read once per pass: a burst's deliveries in one pass are "delivered at"
     * the same millisecond, and the clock is not read once per line.
     */
    private long passMillis() {
        if (!collecting || passMillis < 0) {
            passMillis = clock.millis();
        }
        return passMillis;
    }

    private long passMillis = -1;

    /** Calls collected in one pass before they go over even if the pass goes on. */
    static final int PASS_BOUND = 1_024;

    /** The loop's end of a pass: what it collected goes to the store as one hand-over. Loop thread. */
    private void handOverPass() {
        passMillis = -1;
        if (pass.isEmpty()) {
            return;
        }
        store.submitAllQuietly(pass.takeAll()); // cut to size; pass keeps its room for the next
    }

    /**
     * A call from the loop whose answer it waits for: what this pass collected goes first, so that the
     * answer counts it (a line stored, an outbox entry delivered). Loop thread.
     */
    private <T> CompletableFuture<T> ask(Function<MessageStore, T> work) {
        handOverPass();
        return store.submit(work);
    }

    /**
     * The key the node proved for {@code peer}; the last one found is kept, so that a burst to one peer
     * asks the node (a lookup in a concurrent map by a new reference) once. A peer's key never changes
     * within its instance, and "" (no session yet) is never kept.
     */
    private String keyOf(PeerInfo peer) {
        if (lastKey != null && peer.id() == lastKeyId && peer.incarnation() == lastKeyIncarnation) {
            return lastKey;
        }
        String key = node.keyOf(peer);
        if (!key.isEmpty()) {
            lastKey = key;
            lastKeyId = peer.id();
            lastKeyIncarnation = peer.incarnation();
        }
        return key;
    }

    private String lastKey;
    private long lastKeyId;
    private long lastKeyIncarnation;

    private final Consumer<RuntimeException> savingFailed = error -> onLoop(() -> problem(error));
    private static final Consumer<RuntimeException> IGNORED = error -> { };

    /**
     * The direct conversation with {@code peerKey}, its key checked once per peer instead of once per line
     * (loop thread). Cached by the key itself, so a peer whose key changes gets the conversation of its new
     * key; at most {@value #CACHED_PEERS} are kept, then the cache starts again.
     */
    ConversationKey directWith(String peerKey) {
        if (peerKey == lastPeerKey) {
            return lastDirect; // the engine hands out one String per session: a burst from one peer stops here
        }
        ConversationKey known = directs.get(peerKey);
        if (known == null) {
            known = ConversationKey.direct(peerKey); // refuses a bad key, which is then not kept
            if (directs.size() >= CACHED_PEERS) {
                directs.clear();
            }
            directs.put(peerKey, known);
        }
        lastPeerKey = peerKey;
        lastDirect = known;
        return known;
    }

    private String lastPeerKey;
    private ConversationKey lastDirect;

    static final int CACHED_PEERS = 4_096;
    private final Map<String, ConversationKey> directs = new HashMap<>();

    /** Passes an event on, behind any received line still waiting for the store. */
    private void emit(ChatEvent event) {
        if (ordered.isEmpty()) {
            out.onEvent(event);
        } else {
            Held h = new Held(event);
            h.ready = true;
            h.show = true;
            ordered.add(h);
        }
    }

    private void drain() {
        while (!ordered.isEmpty() && ordered.peek().ready) {
            Held h = ordered.poll();
            if (h.show) {
                out.onEvent(h.event);
            }
        }
    }

    /** Lines shown again from the store since start (for tests and --verbose). */
    public long repeatsHidden() {
        return repeatsHidden;
    }

    // ---- the outbox ----

    /** Sends what waits for the identity {@code peer} proved, now that it is in the table with a session. */
    private void sendWaiting(PeerInfo peer) {
        ChatNode n = node;
        String key = n == null ? "" : n.keyOf(peer);
        if (key.isEmpty()) {
            return;
        }
        ask(st -> st.waitingFor(key)).whenComplete((list, error) -> onLoop(() -> {
            if (error != null) {
                problem(error);
                return;
            }
            for (Waiting w : list) {
                MessageId id = MessageId.ofHex(w.message().messageId());
                if (resending.putIfAbsent(id, w) == null) {
                    // Marked: an earlier copy may have arrived without its outcome reaching us.
                    node.whisperTo(peer, Text.of(id, w.message().sentAt().toEpochMilli(), w.message().text()).again());
                }
            }
        }));
    }

    /**
     * True when a direct message to {@code name} can wait in the outbox: no live peer has that name, but the
     * profile knows its key. Any thread.
     */
    public boolean canQueue(String name, List<PeerInfo> live) {
        for (PeerInfo p : live) {
            if (p.name().equals(name) || p.displayName().equals(name)) {
                return false;
            }
        }
        return known.keyOf(name) != null;
    }

    /**
     * Puts a direct message to the known, offline {@code name} in the outbox; a {@link ChatEvent.Queued}
     * follows once it is stored. Any thread.
     *
     * @throws IllegalStateException with --no-history, or before the node runs
     */
    public void queue(String name, String text) {
        ChatNode n = node;
        String key = known.keyOf(name);
        if (n == null || key == null) {
            throw new IllegalStateException("nobody called " + name + " is online or known; /peers lists who is");
        }
        if (!durable) {
            throw new IllegalStateException(name + " is not online, and with --no-history nothing can wait for"
                    + " it; start without --no-history to queue messages");
        }
        Text t = n.newText(text);
        NewMessage m = NewMessage.outgoing(t.id().hex(), ConversationKey.direct(key), ownKeyNow(n),
                Instant.ofEpochMilli(t.sentAtMillis()), text, 1);
        store.submit(st -> st.enqueue(m, key)).whenComplete((saved, error) -> onLoop(() -> {
            if (error != null) {
                problem(error);
                return;
            }
            emit(new ChatEvent.Queued(t.id(), name, text, saved.message().storedAt().toEpochMilli()));
            for (PeerInfo p : n.peers()) {
                if (key.equals(n.keyOf(p))) {
                    sendWaiting(p); // it came online while the line was being stored
                }
            }
        }));
    }

    private String ownKeyNow(ChatNode n) {
        String key = n.ownKey();
        return key.isEmpty() ? "self-" + n.self().idHex() : key;
    }

    /** Lists what waits (the answer is a {@link ChatEvent.QueueList}); any thread. */
    public void listQueue() {
        store.submit(MessageStore::waiting).whenComplete((list, error) -> onLoop(() -> {
            if (error != null) {
                problem(error);
                return;
            }
            lastQueueList = list;
            List<ChatEvent.QueuedLine> lines = new ArrayList<>();
            for (Waiting w : list) {
                lines.add(new ChatEvent.QueuedLine(MessageId.ofHex(w.message().messageId()), nameOf(w.recipientKey()),
                        w.message().text(), w.queuedAt().toEpochMilli(), w.expiresAt().toEpochMilli()));
            }
            emit(new ChatEvent.QueueList(List.copyOf(lines)));
        }));
    }

    /**
     * Cancels the {@code number}th line of the last /queue answer. Any thread.
     *
     * @throws IllegalArgumentException when there is no such line
     */
    public void cancel(int number) {
        List<Waiting> list = lastQueueList;
        if (list == null) {
            throw new IllegalArgumentException("run /queue first: /queue cancel N cancels the Nth line it lists");
        }
        if (number < 1 || number > list.size()) {
            throw new IllegalArgumentException("/queue listed " + list.size() + " message(s); choose 1 to "
                    + list.size() + " (or run /queue again)");
        }
        Waiting w = list.get(number - 1);
        store.submit(st -> st.cancel(w.message().messageId())).whenComplete((done, error) -> onLoop(() -> {
            if (error != null) {
                problem(error);
            } else if (!done) {
                emit(new ChatEvent.HistoryProblem("that message no longer waits (delivered, expired or cancelled"
                        + " already); /queue shows what does"));
            } else {
                emit(new ChatEvent.QueuedOutcome(MessageId.ofHex(w.message().messageId()), nameOf(w.recipientKey()),
                        w.message().text(), w.queuedAt().toEpochMilli(), "cancelled"));
            }
        }));
    }

    /** Fails what waited too long and says so; at start and then every minute. Any thread. */
    public void expire() {
        store.submit(MessageStore::expireWaiting).whenComplete((list, error) -> onLoop(() -> {
            if (error != null) {
                problem(error);
                return;
            }
            for (lanchat.history.Expired e : list) {
                Waiting w = e.waiting();
                MessageId id = MessageId.ofHex(w.message().messageId());
                resending.remove(id);
                emit(new ChatEvent.QueuedOutcome(id, nameOf(w.recipientKey()), w.message().text(),
                        w.queuedAt().toEpochMilli(), e.reason()));
            }
        }));
    }

    // ---- history pages ----

    private void showStartupLines() {
        ConversationKey room = ConversationKey.room();
        ask(st -> st.last(room, STARTUP_LINES + 1)).whenComplete((lines, error) -> onLoop(() -> {
            if (error == null && !lines.isEmpty()) {
                startupPage.event = page(room, "room", null, true, lines, STARTUP_LINES);
            }
            startupPage.show = startupPage.event != null;
            startupPage.ready = true;
            drain();
        }));
    }

    /**
     * {@code /history [NAME] [TEXT]}: with no words the room pages back; a first word that is {@code room}
     * or a known name picks that conversation (paging back, or searching it for the rest); otherwise all
     * words are searched for in every conversation. Answers come as {@link ChatEvent.HistoryPage}s. Any thread.
     */
    public void history(String words) {
        String w = words == null ? "" : words.strip();
        String first = w.isEmpty() ? "" : w.split("\\s+", 2)[0];
        String rest = w.contains(" ") ? w.substring(w.indexOf(' ')).strip() : "";
        ConversationKey conversation = null;
        String label = null;
        if (w.isEmpty() || first.equals("room")) {
            conversation = ConversationKey.room();
            label = "room";
        } else if (known.keyOf(first) != null) {
            conversation = ConversationKey.direct(known.keyOf(first));
            label = first;
        }
        if (conversation == null) {
            search(w, null, "everywhere");
        } else if (!rest.isEmpty()) {
            search(rest, conversation, label);
        } else {
            pageBack(conversation, label);
        }
    }

    /**
     * The last {@code limit} lines of the direct conversation with {@code peer}'s identity, oldest first: what
     * the window shows when that conversation is opened. Completes on the node's loop. Any thread.
     */
    public CompletableFuture<List<ChatEvent.HistoryLine>> recent(PeerInfo peer, int limit) {
        CompletableFuture<List<ChatEvent.HistoryLine>> answer = new CompletableFuture<>();
        ChatNode n = node;
        // The key this instance proved (kept after it leaves), never one looked up by its name: a peer
        // without a session that calls itself bob must not be shown bob's conversation.
        String key = n == null ? "" : n.keyOf(peer);
        ConversationKey conversation = ConversationKey.direct(key.isEmpty() ? "peer-" + peer.idHex() : key);
        store.submit(st -> st.last(conversation, limit)).whenComplete((list, error) -> onLoop(() -> {
            if (error != null) {
                answer.completeExceptionally(error);
            } else {
                answer.complete(lines(list));
            }
        }));
        return answer;
    }

    private void pageBack(ConversationKey conversation, String label) {
        onLoop(() -> {
            Long from = oldestShown.get(conversation);
            CompletableFuture<List<StoredMessage>> lines = from == null
                    ? ask(st -> st.last(conversation, PAGE_LINES + 1))
                    : ask(st -> st.before(conversation, from, PAGE_LINES + 1));
            lines.whenComplete((list, error) -> onLoop(() -> {
                if (error != null) {
                    problem(error);
                } else {
                    emit(page(conversation, label, null, false, list, PAGE_LINES));
                }
            }));
        });
    }

    private void search(String text, ConversationKey within, String label) {
        store.submit(st -> st.search(text, within, SEARCH_HITS + 1)).whenComplete((list, error) -> onLoop(() -> {
            if (error != null) {
                problem(error);
                return;
            }
            List<StoredMessage> oldestFirst = new ArrayList<>(list.subList(0, Math.min(SEARCH_HITS, list.size())));
            java.util.Collections.reverse(oldestFirst); // search hits come newest first
            emit(new ChatEvent.HistoryPage(label, text, false, lines(oldestFirst), list.size() > SEARCH_HITS));
        }));
    }

    /** {@code fetched} holds up to {@code limit + 1} lines oldest first; the extra one only says there is more. */
    private ChatEvent page(ConversationKey conversation, String label, String search, boolean startup,
            List<StoredMessage> fetched, int limit) {
        boolean more = fetched.size() > limit;
        List<StoredMessage> shown = more ? fetched.subList(fetched.size() - limit, fetched.size()) : fetched;
        if (!shown.isEmpty()) {
            oldestShown.put(conversation, shown.get(0).seq());
        }
        return new ChatEvent.HistoryPage(label, search, startup, lines(shown), more);
    }

    private List<ChatEvent.HistoryLine> lines(List<StoredMessage> stored) {
        List<ChatEvent.HistoryLine> lines = new ArrayList<>(stored.size());
        for (StoredMessage m : stored) {
            boolean outgoing = m.direction() == Direction.OUT;
            String to = m.conversation().isRoom() ? null : nameOf(m.conversation().peerKey());
            MessageId id = m.messageId().length() == 2 * MessageId.BYTES ? MessageId.ofHex(m.messageId()) : null;
            String status = outgoing && m.automatic() && m.outcome().status() == lanchat.history.Status.PENDING
                    ? "sent" : m.outcome().status().name().toLowerCase(java.util.Locale.ROOT);
            lines.add(new ChatEvent.HistoryLine(id, outgoing, outgoing ? ownName : nameOf(m.senderKey()), to,
                    m.text(), m.sentAt().toEpochMilli(), status, m.automatic()));
        }
        return List.copyOf(lines);
    }

    private String nameOf(String key) {
        if (key.equals(ownKey)) {
            return ownName;
        }
        String name = known.nameOf(key);
        if (name != null) {
            return name;
        }
        return key.startsWith("peer-") ? key.substring(5) : key.substring(0, Math.min(8, key.length()));
    }

    // ---- plumbing ----

    private void problem(Throwable error) {
        Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
        emit(new ChatEvent.HistoryProblem("history: " + cause.getMessage()));
    }

    /**
     * Runs {@code task} on the node's loop; before the node runs, once it does. Answers that come while
     * earlier ones wait for the loop join them: one hand-over (one wake-up of the loop) for a whole batch
     * of the writer's answers, not one per line.
     */
    private void onLoop(Runnable task) {
        ChatNode n;
        synchronized (beforeAttach) {
            n = node;
            if (n == null) {
                beforeAttach.add(task);
                return;
            }
        }
        forLoop.add(task);
        if (handOverDue.compareAndSet(false, true) && !n.runOnLoop(this::runHandedOver)) {
            nodeStopped(); // the loop is gone: answers still due run here
        }
    }

    /**
     * The node has stopped: answers handed to its loop in its last moments (scheduled after its final pass,
     * before it refused tasks) would never run, and every later answer would wait behind them. They run
     * here instead, one at a time, as answers that come after the stop do.
     */
    public void nodeStopped() {
        synchronized (this) {
            runHandedOver();
        }
    }

    private final java.util.concurrent.ConcurrentLinkedQueue<Runnable> forLoop =
            new java.util.concurrent.ConcurrentLinkedQueue<>();
    private final java.util.concurrent.atomic.AtomicBoolean handOverDue = new java.util.concurrent.atomic.AtomicBoolean();

    private void runHandedOver() {
        handOverDue.set(false); // first: a task added from now on schedules another hand-over
        Runnable task;
        while ((task = forLoop.poll()) != null) {
            task.run();
        }
    }

    private static final class Held {
        ChatEvent event;
        boolean ready;
        boolean show;

        Held(ChatEvent event) {
            this.event = event;
        }
    }
}
