package lanchat.ui.desktop.model;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import lanchat.node.ChatEvent;

/**
 * The window's list of file offers and transfers, fed by the same file events as the terminal and JSON.
 * Rows are kept in the order the offers came, finished ones included (until {@link #clearFinished}), so
 * that the user can still read how a transfer ended.
 */
public final class Transfers {
    /** Ours and theirs may share a short id: each side draws its own. */
    private record Key(boolean incoming, String id) {}

    private final Map<Key, Transfer> rows = new LinkedHashMap<>();
    private final java.time.ZoneId zone;
    private long unnamed;

    /** @param zone where the offers' expiry times are shown */
    Transfers(java.time.ZoneId zone) {
        this.zone = zone;
    }

    /** The rows, oldest offer first. */
    public List<Transfer> all() {
        return List.copyOf(rows.values());
    }

    /** Offers to us that wait for an answer. */
    public int waitingForAnswer() {
        int n = 0;
        for (Transfer t : rows.values()) {
            if (t.answerable()) {
                n++;
            }
        }
        return n;
    }

    /** Applies a file event; returns the row it changed, or null for an event that is not about files. */
    Transfer apply(ChatEvent event) {
        if (event instanceof ChatEvent.FileOffered o) {
            Transfer t = new Transfer(o.id(), o.incoming(), o.peer().displayName(), o.names(), o.files(),
                    o.totalBytes());
            if (o.expiresAtMillis() > 0) {
                t.expires(java.time.Instant.ofEpochMilli(o.expiresAtMillis()).atZone(zone).toLocalTime());
            }
            rows.put(new Key(o.incoming(), o.id()), t);
            return t;
        }
        if (event instanceof ChatEvent.FileProgress p) {
            Transfer t = row(p.incoming(), p.id(), p.peer().displayName(), p.name(), p.totalBytes());
            t.progress(p);
            return t;
        }
        if (event instanceof ChatEvent.FileDone d) {
            Transfer t = row(d.incoming(), d.id(), d.peer().displayName(), "files", d.totalBytes());
            t.done(d);
            return t;
        }
        if (event instanceof ChatEvent.FileFailed f) {
            // An offer refused before it got an id (names a peer sent that we cannot accept) still gets a row.
            String id = f.id().isEmpty() ? "" : f.id();
            Key key = id.isEmpty() ? new Key(f.incoming(), "#" + (++unnamed)) : new Key(f.incoming(), id);
            Transfer t = rows.computeIfAbsent(key,
                    k -> new Transfer(id, f.incoming(), f.peer().displayName(), List.of("an offer"), 0, 0));
            t.failed(f.reason());
            return t;
        }
        return null;
    }

    /** Forgets the finished rows (the user's "Clear finished"). */
    public void clearFinished() {
        rows.values().removeIf(Transfer::finished);
    }

    /** A row for an event whose offer we did not see (the window opened after it): made from what it says. */
    private Transfer row(boolean incoming, String id, String peer, String name, long total) {
        return rows.computeIfAbsent(new Key(incoming, id), k -> new Transfer(id, incoming, peer, List.of(name), 1, total));
    }

    static boolean handles(ChatEvent e) {
        return e instanceof ChatEvent.FileOffered || e instanceof ChatEvent.FileProgress
                || e instanceof ChatEvent.FileDone || e instanceof ChatEvent.FileFailed;
    }
}
