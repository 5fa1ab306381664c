package lanchat.ui.json;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import lanchat.node.ChatEvent;
import lanchat.node.PeerInfo;
import lanchat.ui.core.ChatView;
import lanchat.ui.core.Glyphs;
import lanchat.ui.core.HelpText;
import lanchat.ui.core.NetworkSummary;
import lanchat.ui.core.Sanitizer;

/**
 * The {@code --json} view: exactly one JSON object per line on standard output, nothing else there.
 * Help, notices and logs are for people and go to standard error. The events and fields are documented
 * in docs/json-events.md, which is the contract for scripts.
 */
public final class JsonView implements ChatView {
    private final PrintStream out;
    private final PrintStream err;
    private final NetworkSummary network;
    private String selfName;

    public JsonView(PrintStream out, PrintStream err, NetworkSummary network) {
        this.out = out;
        this.err = err;
        this.network = network;
    }

    @Override
    public void event(ChatEvent event) {
        if (event instanceof ChatEvent.Ready) {
            PeerInfo self = ((ChatEvent.Ready) event).self();
            selfName = self.name();
            emit(withPeer("ready", self)
                    .put("interface", network.interfaceName())
                    .put("group", network.group())
                    .put("group_port", network.port()));
        } else if (event instanceof ChatEvent.PeerJoined) {
            emit(withPeer("peer_joined", ((ChatEvent.PeerJoined) event).peer()));
        } else if (event instanceof ChatEvent.PeerLeft) {
            ChatEvent.PeerLeft left = (ChatEvent.PeerLeft) event;
            emit(withPeer("peer_left", left.peer()).put("reason", left.reason().label));
        } else if (event instanceof ChatEvent.PeerRenamed) {
            renamed((ChatEvent.PeerRenamed) event);
        } else if (event instanceof ChatEvent.MessageReceived) {
            ChatEvent.MessageReceived m = (ChatEvent.MessageReceived) event;
            emit(Json.object().put("event", "message").put("msg", m.messageId())
                    .put("from", m.from().displayName()).put("from_id", m.from().idHex())
                    .put("to", m.room() ? null : selfName).put("text", m.text()));
        } else if (event instanceof ChatEvent.MessageSent) {
            ChatEvent.MessageSent s = (ChatEvent.MessageSent) event;
            List<String> names = new ArrayList<>();
            for (PeerInfo p : s.to()) {
                names.add(p.displayName());
            }
            emit(Json.object().put("event", "sent").put("msg", s.messageId()).put("to", names)
                    .put("room", s.room()));
        } else if (event instanceof ChatEvent.Delivered) {
            ChatEvent.Delivered d = (ChatEvent.Delivered) event;
            emit(Json.object().put("event", "delivered").put("msg", d.messageId())
                    .put("to", d.to().displayName()).put("to_id", d.to().idHex()));
        } else if (event instanceof ChatEvent.Undelivered) {
            ChatEvent.Undelivered u = (ChatEvent.Undelivered) event;
            emit(Json.object().put("event", "undelivered").put("msg", u.messageId())
                    .put("to", u.to().displayName()).put("to_id", u.to().idHex()).put("reason", u.reason()));
        }
    }

    private void renamed(ChatEvent.PeerRenamed r) {
        if (r.self()) {
            selfName = r.peer().name();
        }
        emit(Json.object().put("event", "renamed").put("id", r.peer().idHex()).put("old_name", r.oldName())
                .put("name", r.peer().name()).put("display_name", r.peer().displayName()).put("self", r.self()));
    }

    @Override
    public void ownMessage(long messageId, String directTo, String text) {
        // The sent/delivered events say all a script needs; it knows what it wrote.
    }

    @Override
    public void peers(List<PeerInfo> peers) {
        List<Json.Obj> list = new ArrayList<>();
        for (PeerInfo p : peers) {
            double rtt = p.rttMillis();
            list.add(peerFields(Json.object(), p)
                    .put("rtt_ms", Double.isNaN(rtt) ? null : Math.round(rtt * 1000) / 1000.0)
                    .put("last_heard_ms", p.lastHeardMillisAgo()));
        }
        emit(Json.object().put("event", "peers").put("peers", list));
    }

    @Override
    public void error(String message) {
        emit(Json.object().put("event", "error").put("message", message));
    }

    @Override
    public void notice(String message) {
        err.println("lanchat: " + Sanitizer.visible(message, Glyphs.UNICODE));
    }

    @Override
    public void help() {
        for (String line : HelpText.lines()) {
            err.println(line);
        }
    }

    @Override
    public void log(String line) {
        err.println(Sanitizer.visible(line, Glyphs.UNICODE));
    }

    @Override
    public void close() {
        out.flush();
        err.flush();
    }

    private static Json.Obj withPeer(String event, PeerInfo peer) {
        return peerFields(Json.object().put("event", event), peer);
    }

    private static Json.Obj peerFields(Json.Obj obj, PeerInfo peer) {
        obj.put("id", peer.idHex()).put("name", peer.name()).put("display_name", peer.displayName());
        if (peer.address() != null) {
            obj.put("address", peer.address().getAddress() == null
                    ? peer.address().getHostString() : peer.address().getAddress().getHostAddress());
            obj.put("port", peer.address().getPort());
        } else {
            obj.put("address", null).put("port", null);
        }
        return obj;
    }

    /** One object, one line, flushed at once: a script waits for it. */
    private void emit(Json.Obj obj) {
        out.print(obj.toString());
        out.print('\n');
        out.flush();
    }
}
