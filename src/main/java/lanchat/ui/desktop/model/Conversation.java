package lanchat.ui.desktop.model;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import lanchat.node.PeerInfo;

/**
 * The room or one direct conversation: its items in order (only ever appended, so an index stays valid), its
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
