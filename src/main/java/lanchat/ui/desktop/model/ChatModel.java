package lanchat.ui.desktop.model;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import lanchat.node.ChatEvent;
import lanchat.node.LeaveReason;
import lanchat.node.PeerInfo;
import lanchat.ui.core.Glyphs;
import lanchat.ui.core.OutgoingTracker;
import lanchat.ui.core.Sanitizer;

/**
 * The window's state without the window: the conversations (the room first, then one per peer, most recently
 * active first), their messages with delivery marks, unread counts, and who is online. Engine events go in
 * through {@link #apply}; the window reads it and listens for changes. Not thread-safe: the desktop calls it
 * on the event dispatch thread only, tests on theirs.
 */
public final class ChatModel {
    private final Clock clock;
    private final Map<ConversationId, Conversation> conversations = new LinkedHashMap<>();
    private final OutgoingTracker outgoing = new OutgoingTracker();
    private final Map<Long, Message> ownById = new HashMap<>();
    private final List<ModelListener> listeners = new CopyOnWriteArrayList<>();
    private final Map<Long, PeerInfo> online = new HashMap<>();
    private final Transfers transfers;
    private ConversationId selected = ConversationId.ROOM;
    private boolean focused = true;
    private PeerInfo self;
    private long sequence;

    public ChatModel(Clock clock) {
        this.clock = clock;
        this.transfers = new Transfers(clock.getZone());
        conversations.put(ConversationId.ROOM, new Conversation(ConversationId.ROOM, "Room"));
    }

    public void addListener(ModelListener listener) {
        listeners.add(listener);
    }

    /** The room first, then direct conversations, most recent activity first (ties by name). */
    public List<Conversation> conversations() {
        List<Conversation> list = new ArrayList<>(conversations.values());
        list.remove(room());
        list.sort(Comparator.comparingLong(Conversation::lastActivity).reversed()
                .thenComparing(Conversation::title, String.CASE_INSENSITIVE_ORDER));
        list.add(0, room());
        return list;
    }

    public Conversation room() {
        return conversations.get(ConversationId.ROOM);
    }

    /** The conversation, or null if there is none with that id. */
    public Conversation conversation(ConversationId id) {
        return conversations.get(id);
    }

    public Conversation selected() {
        return conversations.get(selected);
    }

    /** Opens a conversation: its messages count as read. */
    public void select(ConversationId id) {
        if (!conversations.containsKey(id)) {
            throw new IllegalArgumentException("no conversation " + id);
        }
        selected = id;
        if (focused) {
            selected().markRead();
        }
        fire(ModelListener::conversationsChanged);
    }

    /** The window gained or lost the focus; while it is away, even the open conversation collects unread. */
    public void focused(boolean isFocused) {
        focused = isFocused;
        if (isFocused && selected().unread() > 0) {
            selected().markRead();
            fire(ModelListener::conversationsChanged);
        }
    }

    public int unreadTotal() {
        int total = 0;
        for (Conversation c : conversations.values()) {
            total += c.unread();
        }
        return total;
    }

    /** This node as last reported, or null before the engine is ready. */
    public PeerInfo self() {
        return self;
    }

    /** The live peers by id. */
    public Map<Long, PeerInfo> online() {
        return Map.copyOf(online);
    }

    /** Everything the engine reports. */
    public void apply(ChatEvent event) {
        if (event instanceof ChatEvent.Ready) {
            self = ((ChatEvent.Ready) event).self();
            fire(ModelListener::selfChanged);
        } else if (event instanceof ChatEvent.PeerJoined) {
            joined(((ChatEvent.PeerJoined) event).peer());
        } else if (event instanceof ChatEvent.PeerLeft) {
            ChatEvent.PeerLeft left = (ChatEvent.PeerLeft) event;
            left(left.peer(), left.reason());
        } else if (event instanceof ChatEvent.PeerRenamed) {
            renamed((ChatEvent.PeerRenamed) event);
        } else if (event instanceof ChatEvent.MessageReceived) {
            received((ChatEvent.MessageReceived) event);
        } else if (event instanceof ChatEvent.PresenceChanged) {
            presence((ChatEvent.PresenceChanged) event);
        } else if (event instanceof ChatEvent.AutoReplySent) {
            ChatEvent.AutoReplySent a = (ChatEvent.AutoReplySent) event;
            append(direct(a.to()), new ChatItem.QuietLine(now().toLocalTime(), "automatic reply sent: "
                    + safe(a.text()), false));
            fire(ModelListener::conversationsChanged);
        } else if (event instanceof ChatEvent.MessageSent) {
            ChatEvent.MessageSent s = (ChatEvent.MessageSent) event;
            Conversation where = s.room() ? room() : s.to().isEmpty() ? null : direct(s.to().get(0));
            if (where != null) {
                where.shownOnce(s.e2eId()); // on screen since we typed it: the history must not show it again
            }
            List<String> names = new ArrayList<>();
            for (PeerInfo p : s.to()) {
                names.add(safe(p.displayName()));
            }
            progress(outgoing.sent(s.messageId(), names));
        } else if (event instanceof ChatEvent.Delivered) {
            ChatEvent.Delivered d = (ChatEvent.Delivered) event;
            progress(outgoing.outcome(d.messageId(), new OutgoingTracker.Outcome(safe(d.to().displayName()), true,
                    null)));
        } else if (event instanceof ChatEvent.Undelivered) {
            ChatEvent.Undelivered u = (ChatEvent.Undelivered) event;
            progress(outgoing.outcome(u.messageId(), new OutgoingTracker.Outcome(safe(u.to().displayName()), false,
                    safe(u.reason()))));
        } else if (event instanceof ChatEvent.HistoryPage) {
            history((ChatEvent.HistoryPage) event);
        } else if (event instanceof ChatEvent.Queued) {
            ChatEvent.Queued q = (ChatEvent.Queued) event;
            selected().shownOnce(q.e2eId()); // shown where it was typed: the outbox line in the history is the same
            note("queued for " + q.toName() + " (not online; sent when it is): " + q.text(), false);
        } else if (event instanceof ChatEvent.QueuedOutcome) {
            ChatEvent.QueuedOutcome o = (ChatEvent.QueuedOutcome) event;
            note(o.delivered() ? "✓ delivered to " + o.toName() + " after waiting: " + o.text()
                    : "✗ not delivered to " + o.toName() + ": " + o.reason() + ": " + o.text(), !o.delivered());
        } else if (event instanceof ChatEvent.HistoryProblem) {
            note(((ChatEvent.HistoryProblem) event).message(), true);
        } else if (Transfers.handles(event)) {
            transfer(event);
        } else if (event instanceof ChatEvent.FileTransferList list) {
            for (String line : lanchat.ui.core.TransfersText.lines(list.lines())) {
                note(line.strip(), false);
            }
        }
    }

    /** The offers and transfers, for the window's transfers panel. */
    public Transfers transfers() {
        return transfers;
    }

    /** Forgets the finished transfers' rows; their lines stay in the conversations. */
    public void clearFinishedTransfers() {
        transfers.clearFinished();
        fire(l -> l.transfersChanged(null));
    }

    /**
     * A file event: the transfers panel's row, and for an offer and its end a quiet line in the peer's own
     * conversation (progress only moves the row: a line per step would bury the chat).
     */
    private void transfer(ChatEvent event) {
        Transfer t = transfers.apply(event);
        fire(l -> l.transfersChanged(t));
        PeerInfo peer;
        String text;
        boolean error = false;
        if (event instanceof ChatEvent.FileOffered o) {
            peer = o.peer();
            text = t.headline() + (t.incoming() ? ": Accept or Reject under Transfers (or /accept " + o.id() + ")"
                    : ": Cancel under Transfers withdraws it");
        } else if (event instanceof ChatEvent.FileDone d) {
            peer = d.peer();
            text = t.status();
        } else if (event instanceof ChatEvent.FileFailed f) {
            peer = f.peer();
            text = (f.incoming() ? "from " : "to ") + t.peer() + ": " + t.status();
            error = true;
        } else {
            return;
        }
        append(direct(peer), new ChatItem.QuietLine(now().toLocalTime(), text, error));
        fire(ModelListener::conversationsChanged);
        if (!focused && t.answerable()) {
            fire(l -> l.notifyOffer(t)); // an offer waits for an answer: worth a notification like a message
        }
    }

    /**
     * Lines from the history, as quiet lines marked "history" with their day: the room's last lines at
     * start go to the room, a direct conversation's to the conversation with that name (if there is one).
     */
    private void history(ChatEvent.HistoryPage page) {
        Conversation target = page.conversation().equals("room") ? room() : selected();
        for (Conversation c : conversations()) {
            if (!c.id().room() && c.title().equals(page.conversation())) {
                target = c;
            }
        }
        append(target, new ChatItem.QuietLine(now().toLocalTime(), "history" + (page.search() != null
                ? ": \"" + safe(page.search()) + "\"" : "") + (page.lines().isEmpty() ? ": nothing" : ""), false));
        for (ChatEvent.HistoryLine l : page.lines()) {
            append(target, HistoryLines.line(l, true, null, clock));
        }
    }

    /**
     * True once per direct conversation, when it is first opened: the window then asks the history for its
     * last lines (off the event dispatch thread) and hands them to {@link #historyLoaded}.
     */
    public boolean historyWanted(ConversationId id) {
        Conversation c = conversations.get(id);
        return c != null && !id.room() && c.claimHistory();
    }

    /**
     * The last lines of a direct conversation from the history, oldest first: put before its live lines under
     * a "history" line, leaving out any line already shown live (same end-to-end id). Nothing is added when
     * the history has nothing new.
     */
    public void historyLoaded(ConversationId id, List<ChatEvent.HistoryLine> lines) {
        Conversation c = conversations.get(id);
        if (c == null) {
            return;
        }
        List<ChatItem> older = new ArrayList<>();
        for (ChatEvent.HistoryLine l : lines) {
            if (c.shownOnce(l.e2eId())) {
                older.add(HistoryLines.line(l, false, c.title(), clock)); // theirs are the peer's: named as the sidebar does
            }
        }
        if (older.isEmpty()) {
            return;
        }
        older.add(0, new ChatItem.QuietLine(older.get(0) instanceof ChatItem.QuietLine q ? q.time()
                : now().toLocalTime(), "history: the last " + (older.size() == 1 ? "line" : older.size() + " lines")
                + " with " + c.title(), false));
        int n = c.prepend(older);
        fire(l -> l.itemsInserted(c, 0, n - 1));
    }

    /**
     * Our message, shown at once with "sending…" while the backend works; call {@link #sent} with the id it
     * returns, or {@link #refused} with why it could not be sent.
     */
    public Message sending(ConversationId id, String text) {
        Conversation c = conversations.get(id);
        String name = self == null ? "me" : safe(self.displayName());
        Message m = new Message(id, now().toLocalTime(), true, name, self == null ? "me" : self.name(),
                safe(text, true), !id.room());
        append(c, m);
        return m;
    }

    /** The backend accepted our message as {@code messageId}: its outcomes (maybe already known) now show. */
    public void sent(Message m, long messageId, String directTo, String text) {
        OutgoingTracker.Outgoing o = outgoing.text(messageId, directTo, text);
        m.track(o);
        ownById.put(messageId, m);
        progress(o);
    }

    /** The backend put our message in the outbox for {@code name}, offline: the outcome comes as a note. */
    public void queued(Message m, String name) {
        m.queue(safe(name));
        changed(m);
    }

    public void refused(Message m, String reason) {
        m.refuse(safe(reason));
        changed(m);
    }

    /** A command's answer or failure, as a quiet line in the open conversation. */
    public void note(String text, boolean error) {
        Conversation c = selected();
        append(c, new ChatItem.QuietLine(now().toLocalTime(), safe(text), error));
    }

    private void joined(PeerInfo peer) {
        online.put(peer.id(), peer);
        Conversation direct = direct(peer);
        direct.peer(peer, true);
        direct.title(safe(peer.displayName()));
        quiet(peer, "→ " + safe(peer.displayName()) + " joined");
        fire(ModelListener::conversationsChanged);
    }

    private void left(PeerInfo peer, LeaveReason reason) {
        online.remove(peer.id());
        Conversation direct = direct(peer);
        direct.peer(peer, false);
        String why = reason == LeaveReason.TIMEOUT ? "timeout: not heard from for a while" : reason.label;
        quiet(peer, "← " + safe(peer.displayName()) + " left (" + why + ")");
        fire(ModelListener::conversationsChanged);
    }

    private void renamed(ChatEvent.PeerRenamed r) {
        if (r.self()) {
            self = r.peer();
            append(room(), new ChatItem.QuietLine(now().toLocalTime(), "You are now " + safe(r.peer().name()), false));
            fire(ModelListener::selfChanged);
            return;
        }
        online.put(r.peer().id(), r.peer());
        Conversation direct = direct(r.peer());
        direct.peer(r.peer(), true);
        direct.title(safe(r.peer().displayName()));
        quiet(r.peer(), safe(r.oldName()) + " is now known as " + safe(r.peer().displayName()));
        fire(ModelListener::conversationsChanged);
    }

    /**
     * Ours: a line in the room saying what happens next. A peer's: the dot and the header change, and a
     * line in its conversation when the peer chose it (an idle away and its end come and go without one).
     */
    private void presence(ChatEvent.PresenceChanged p) {
        lanchat.presence.Presence said = p.presence();
        if (p.self()) {
            self = p.peer();
            String text = said.online() ? "You are online again; automatic replies are off"
                    : said.automatic() ? "You are away (nothing typed for a while); write anything to be back"
                    : "You are " + safe(said.describe()) + "; direct messages get one automatic reply each, /back ends it";
            append(room(), new ChatItem.QuietLine(now().toLocalTime(), text, false));
            fire(ModelListener::selfChanged);
            return;
        }
        PeerInfo before = online.put(p.peer().id(), p.peer());
        Conversation direct = direct(p.peer());
        direct.peer(p.peer(), true);
        boolean wasIdle = before != null && before.presence().automatic();
        if (!said.automatic() && !wasIdle) {
            append(direct, new ChatItem.QuietLine(now().toLocalTime(), safe(p.peer().displayName())
                    + (said.online() ? " is back" : " is " + safe(said.describe())), false));
        }
        fire(ModelListener::conversationsChanged);
    }

    private void received(ChatEvent.MessageReceived m) {
        ConversationId id = m.room() ? ConversationId.ROOM : new ConversationId(m.from().id());
        Conversation c = m.room() ? room() : direct(m.from());
        if (!c.shownOnce(m.e2eId())) {
            return; // already on screen from the history loaded when the conversation opened
        }
        Message message = new Message(id, now().toLocalTime(), false, safe(m.from().displayName()),
                m.from().name(), (m.autoReply() ? "(automatic reply) " : "") + safe(m.text(), true), !m.room());
        boolean seen = focused && selected.equals(id);
        if (!seen) {
            c.countUnread();
        }
        append(c, message);
        fire(ModelListener::conversationsChanged);
        if (!focused) {
            fire(l -> l.notifyIncoming(c, message));
        }
    }

    /** Join, leave and rename lines go to the room and to the peer's own conversation. */
    private void quiet(PeerInfo peer, String text) {
        ChatItem.QuietLine line = new ChatItem.QuietLine(now().toLocalTime(), text, false);
        append(room(), line);
        append(direct(peer), line);
    }

    private Conversation direct(PeerInfo peer) {
        return conversations.computeIfAbsent(new ConversationId(peer.id()), id -> {
            Conversation c = new Conversation(id, safe(peer.displayName()));
            c.peer(peer, online.containsKey(peer.id()));
            return c;
        });
    }

    private void progress(OutgoingTracker.Outgoing o) {
        Message m = ownById.get(o.id);
        if (m == null) {
            return; // the id is not back from the backend yet: sent() shows what has gathered by then
        }
        if (o.complete()) {
            outgoing.forget(o.id);
            ownById.remove(o.id);
        }
        changed(m);
    }

    private void changed(Message m) {
        Conversation c = conversations.get(m.conversation);
        if (c != null && m.index >= 0) {
            fire(l -> l.itemChanged(c, m.index));
        }
    }

    private void append(Conversation c, ChatItem item) {
        LocalDateTime now = now();
        int from = c.append(item, now.toLocalDate(), ++sequence);
        int to = c.items().size() - 1;
        fire(l -> l.itemsAppended(c, from, to));
    }

    private LocalDateTime now() {
        return LocalDateTime.now(clock);
    }

    /** What the day separator says. */
    public String dayLabel(LocalDate day) {
        LocalDate today = now().toLocalDate();
        if (day.equals(today)) {
            return "Today";
        }
        if (day.equals(today.minusDays(1))) {
            return "Yesterday";
        }
        return day.format(java.time.format.DateTimeFormatter.ofPattern("EEEE d MMMM yyyy"));
    }

    private static String safe(String s) {
        return Sanitizer.visible(s, Glyphs.UNICODE);
    }

    private static String safe(String s, boolean lines) {
        return lines ? Sanitizer.visibleLines(s, Glyphs.UNICODE) : safe(s);
    }

    private void fire(java.util.function.Consumer<ModelListener> call) {
        for (ModelListener l : listeners) {
            call.accept(l);
        }
    }
}
