package lanchat.ui.json;

import java.util.ArrayList;
import java.util.List;
import lanchat.node.ChatEvent;

/** The JSON events of file offers and transfers (docs/json-events.md). */
final class FileJson {
    private FileJson() {}

    static boolean handles(ChatEvent e) {
        return e instanceof ChatEvent.FileOffered || e instanceof ChatEvent.FileAccepted || e instanceof ChatEvent.FileProgress
                || e instanceof ChatEvent.FileDone || e instanceof ChatEvent.FileFailed
                || e instanceof ChatEvent.FileTransferList;
    }

    static String name(ChatEvent e) {
        if (e instanceof ChatEvent.FileOffered) {
            return "file_offer";
        }
        if (e instanceof ChatEvent.FileAccepted) {
            return "file_accepted";
        }
        if (e instanceof ChatEvent.FileProgress) {
            return "file_progress";
        }
        if (e instanceof ChatEvent.FileDone) {
            return "file_done";
        }
        return e instanceof ChatEvent.FileFailed ? "file_failed" : "transfers";
    }

    static Json.Obj fields(Json.Obj o, ChatEvent e) {
        if (e instanceof ChatEvent.FileOffered f) {
            return o.put("offer", f.id()).put("incoming", f.incoming()).put("peer", f.peer().displayName())
                    .put("peer_id", f.peer().idHex()).put("names", f.names()).put("files", f.files())
                    .put("bytes", f.totalBytes())
                    .put("expires_at", java.time.Instant.ofEpochMilli(f.expiresAtMillis()).toString());
        }
        if (e instanceof ChatEvent.FileAccepted a) {
            return o.put("offer", a.id()).put("peer", a.peer().displayName()).put("peer_id", a.peer().idHex())
                    .put("automatic", a.automatic()).put("reason", a.automatic() ? a.reason() : null);
        }
        if (e instanceof ChatEvent.FileProgress p) {
            return o.put("offer", p.id()).put("incoming", p.incoming()).put("peer", p.peer().displayName())
                    .put("name", p.name()).put("done_bytes", p.doneBytes()).put("bytes", p.totalBytes())
                    .put("percent", p.percent()).put("bytes_per_second", p.bytesPerSecond())
                    .put("seconds_left", p.secondsLeft() < 0 ? null : p.secondsLeft());
        }
        if (e instanceof ChatEvent.FileDone d) {
            return o.put("offer", d.id()).put("incoming", d.incoming()).put("peer", d.peer().displayName())
                    .put("files", d.files()).put("bytes", d.totalBytes()).put("where", d.incoming() ? d.where() : null);
        }
        if (e instanceof ChatEvent.FileFailed f) {
            return o.put("offer", f.id().isEmpty() ? null : f.id()).put("incoming", f.incoming())
                    .put("peer", f.peer().displayName()).put("reason", f.reason());
        }
        List<Json.Obj> list = new ArrayList<>();
        for (ChatEvent.FileTransferLine l : ((ChatEvent.FileTransferList) e).lines()) {
            list.add(Json.object().put("offer", l.id()).put("incoming", l.incoming()).put("peer", l.peer())
                    .put("state", l.state()).put("name", l.name()).put("done_bytes", l.doneBytes())
                    .put("bytes", l.totalBytes()));
        }
        return o.put("transfers", list);
    }
}
