package lanchat.ui.desktop.model;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import lanchat.message.MessageId;
import lanchat.node.PeerInfo;

/**
 * The room or one direct conversation: its items in order (appended, except the history's lines put once
 * before all of them when the conversation is first opened: indices then move, and listeners hear so), its
 * unread count, and for a direct one the peer it is with as last seen.
 */
public final class Conversation {
    private final ConversationId id;
    private final List<ChatItem> items = new ArrayList<>();
    private final List<ChatItem> readOnly = Collections.unmodifiableList(items);
    private String title;
    private PeerInfo peer;
    private boolean online;
    private int unread;
    private long lastActivity;
    private String preview = "";
    private LocalDate lastDay;
    /** End-to-end ids of the lines shown, live or from the history: each is shown once. */
    private final Set<MessageId> shownIds = new HashSet<>();
    private boolean historyAsked;

    Conversation(ConversationId id, String title) {
        this.id = id;
        this.title = title;
    }

    public ConversationId id() {
        return id;
    }

    /** "Room", or the peer's display name, safe to show. */
    public String title() {
        return title;
    }

    /** For a direct conversation, the peer as last seen (null for the room). */
    public PeerInfo peer() {
        return peer;
    }

    /** The room is always "online"; a peer while it is in sight. */
    public boolean online() {
        return id.room() || online;
    }

    public int unread() {
        return unread;
    }

    /** The first line of the last message, for the sidebar. */
    public String preview() {
        return preview;
    }

    public List<ChatItem> items() {
        return readOnly;
    }

    long lastActivity() {
        return lastActivity;
    }

    void title(String newTitle) {
        this.title = newTitle;
    }

    void peer(PeerInfo info, boolean isOnline) {
        this.peer = info;
        this.online = isOnline;
    }

    void markRead() {
        unread = 0;
    }

    void countUnread() {
        unread++;
    }

    /** Remembers that the line with this end-to-end id is shown; false if it already was. */
    boolean shownOnce(MessageId id) {
        return id == null || shownIds.add(id);
    }

    /** True the first time only: whether the history of this conversation still has to be asked for. */
    boolean claimHistory() {
        if (historyAsked) {
            return false;
        }
        historyAsked = true;
        return true;
    }

    /**
     * Puts {@code older} before every item shown so far (the history comes before the live lines); the items
     * already there move down, and so do their indices. Returns how many were inserted.
     */
    int prepend(List<? extends ChatItem> older) {
        items.addAll(0, older);
        for (int i = older.size(); i < items.size(); i++) {
            if (items.get(i) instanceof Message) {
                ((Message) items.get(i)).index = i;
            }
        }
        return older.size();
    }

    /** Appends {@code item}, after a day separator when it starts a new day; returns the first new index. */
    int append(ChatItem item, LocalDate day, long sequence) {
        int first = items.size();
        if (!day.equals(lastDay)) {
            items.add(new ChatItem.DaySeparator(day));
            lastDay = day;
        }
        if (item instanceof Message) {
            Message m = (Message) item;
            m.index = items.size();
            String text = m.text();
            int nl = text.indexOf('\n');
            preview = (m.own() ? "You: " : "") + (nl < 0 ? text : text.substring(0, nl) + " …");
            lastActivity = sequence;
        }
        items.add(item);
        return first;
    }
}
