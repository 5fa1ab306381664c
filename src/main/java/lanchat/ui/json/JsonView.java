package lanchat.ui.json;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import lanchat.node.ChatEvent;
import lanchat.node.PeerInfo;
import lanchat.ui.core.ChatView;
import lanchat.ui.core.Glyphs;
import lanchat.ui.core.NetworkSummary;
import lanchat.ui.core.Sanitizer;

/**
 * The {@code --json} view: exactly one JSON object per line on standard output, nothing else there.
 * Help, notices and logs are for people and go to standard error. The events and fields are documented
 * in docs/json-events.md, which is the contract for scripts.
 */
public final class JsonView implements ChatView {
    /** ISO-8601 in UTC with exactly three fraction digits, e.g. 2025-06-01T18:10:00.120Z: sorts as text. */
    private static final DateTimeFormatter TS = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);

    private final PrintStream out;
    private final PrintStream err;
    private final NetworkSummary network;
    private final Clock clock;
    private PeerInfo self;

    public JsonView(PrintStream out, PrintStream err, NetworkSummary network) {
        this(out, err, network, Clock.systemUTC());
    }

    /** @param clock stamps each event ("ts") when it is written */
    public JsonView(PrintStream out, PrintStream err, NetworkSummary network, Clock clock) {
        this.out = out;
        this.err = err;
        this.network = network;
        this.clock = clock;
    }

    @Override
    public void event(ChatEvent event) {
        if (event instanceof ChatEvent.Ready) {
            self = ((ChatEvent.Ready) event).self();
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
        } else if (event instanceof ChatEvent.DisplayNameChanged) {
            ChatEvent.DisplayNameChanged d = (ChatEvent.DisplayNameChanged) event;
            emit(withPeer("display_name_changed", d.peer()).put("old_display_name", d.oldDisplayName()));
        } else if (event instanceof ChatEvent.MessageReceived) {
            ChatEvent.MessageReceived m = (ChatEvent.MessageReceived) event;
            emit(start("message").put("msg", m.messageId())
                    .put("from", m.from().displayName()).put("from_id", m.from().idHex())
                    .put("to", m.room() || self == null ? null : self.name())
                    .put("to_id", m.room() || self == null ? null : self.idHex())
                    .put("text", m.text())
                    .put("e2e", m.e2eId() == null ? null : m.e2eId().hex())
                    .put("sent_at", m.e2eId() == null ? null : java.time.Instant.ofEpochMilli(m.sentAtMillis()).toString())
                    .put("auto_reply", m.autoReply()));
        } else if (event instanceof ChatEvent.PresenceChanged) {
            ChatEvent.PresenceChanged p = (ChatEvent.PresenceChanged) event;
            emit(withPeer("presence", p.peer()).put("self", p.self()).put("presence", presence(p.presence())));
        } else if (event instanceof ChatEvent.AutoReplySent) {
            ChatEvent.AutoReplySent a = (ChatEvent.AutoReplySent) event;
            emit(start("auto_reply_sent").put("to", a.to().displayName()).put("to_id", a.to().idHex())
                    .put("text", a.text()));
        } else if (event instanceof ChatEvent.MessageSent) {
            ChatEvent.MessageSent s = (ChatEvent.MessageSent) event;
            List<String> names = new ArrayList<>();
            List<String> ids = new ArrayList<>();
            for (PeerInfo p : s.to()) {
                names.add(p.displayName());
                ids.add(p.idHex());
            }
            emit(start("sent").put("msg", s.messageId()).put("to", names).put("to_ids", ids)
                    .put("room", s.room()));
        } else if (event instanceof ChatEvent.Delivered) {
            ChatEvent.Delivered d = (ChatEvent.Delivered) event;
            emit(start("delivered").put("msg", d.messageId())
                    .put("to", d.to().displayName()).put("to_id", d.to().idHex()));
        } else if (event instanceof ChatEvent.Undelivered) {
            ChatEvent.Undelivered u = (ChatEvent.Undelivered) event;
            emit(start("undelivered").put("msg", u.messageId())
                    .put("to", u.to().displayName()).put("to_id", u.to().idHex()).put("reason", u.reason()));
        } else if (FileJson.handles(event)) {
            emit(FileJson.fields(start(FileJson.name(event)), event));
        } else if (HistoryJson.handles(event)) {
            emit(HistoryJson.fields(start(HistoryJson.name(event)), event));
        }
    }

    private void renamed(ChatEvent.PeerRenamed r) {
        if (r.self()) {
            self = r.peer();
        }
        emit(start("renamed").put("id", r.peer().idHex()).put("old_name", r.oldName())
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
                    .put("last_heard_ms", p.lastHeardMillisAgo()).put("presence", presence(p.presence())));
        }
        emit(start("peers").put("peers", list));
    }

    @Override
    public void whois(lanchat.node.Whois w, boolean justVerified) {
        emit(peerFields(start(justVerified ? "verified" : "whois"), w.peer()).put("fingerprint", w.fingerprint())
                .put("safety_number", w.safetyNumber()));
    }

    @Override
    public void error(String message) {
        emit(start("error").put("message", message));
    }

    @Override
    public void notice(String message) {
        err.println("lanchat: " + Sanitizer.visible(message, Glyphs.UNICODE));
    }

    @Override
    public void help(List<String> lines) {
        for (String line : lines) {
            err.println(line);
        }
    }

    @Override
    public void waited(String name, PeerInfo found, Duration limit) {
        Json.Obj obj = start("waited").put("for", name).put("found", found != null)
                .put("seconds", limit.toMillis() / 1000.0);
        if (found != null) {
            peerFields(obj, found);
        }
        emit(obj);
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

    /** {"state":"away","automatic":false,"text":"at lunch"}: the same shape wherever a presence appears. */
    private static Json.Obj presence(lanchat.presence.Presence p) {
        return Json.object().put("state", p.state().label()).put("automatic", p.automatic()).put("text", p.text());
    }

    private Json.Obj withPeer(String event, PeerInfo peer) {
        return peerFields(start(event), peer);
    }

    /** Every object starts with the event's kind and when it was written. */
    private Json.Obj start(String event) {
        return Json.object().put("event", event).put("ts", TS.format(clock.instant().truncatedTo(ChronoUnit.MILLIS)));
    }

    private static Json.Obj peerFields(Json.Obj obj, PeerInfo peer) {
        obj.put("id", peer.idHex()).put("name", peer.name()).put("display_name", peer.displayName())
                .put("trust", peer.trust().name().toLowerCase(java.util.Locale.ROOT));
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
