package lanchat.ui.terminal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import lanchat.node.ChatEvent;
import lanchat.node.PeerInfo;
import lanchat.ui.core.BellPolicy;
import lanchat.ui.core.ChatView;
import lanchat.ui.core.NetworkSummary;
import lanchat.ui.core.OutgoingTracker;
import lanchat.ui.core.Scheduler;
import lanchat.ui.core.UnreadMarker;

/**
 * The human view, for the terminal, for plain scripted output and for the --log file. On a screen, our own
 * messages are shown once their outcome is known, with "✓ 3/3" (room) or "✓" (direct); if that takes longer
 * than {@link #PENDING_AFTER} the line appears with "…" and the outcome follows on its own line. On a stream
 * (a pipe, a file) our line is printed at once, in command order, and the outcome follows on its own line.
 * Failures always get a line that says to whom and why. Our lines carry the name we had when we sent them.
 */
public final class TextView implements ChatView {
    static final Duration PENDING_AFTER = Duration.ofMillis(500);

    /**
     * How the view behaves beyond the lines themselves.
     *
     * @param ownLinesAtOnce print our message when it is sent, the outcome after it (streams)
     * @param bell when to ring the bell
     * @param unread where to mark the first unread line; null for none
     */
    public record Behaviour(boolean ownLinesAtOnce, BellPolicy bell, UnreadMarker unread) {
        public static Behaviour screen(BellPolicy bell, UnreadMarker unread) {
            return new Behaviour(false, bell, unread);
        }

        /** Plain lines to a pipe or file: printed in the order things happen, no bell. */
        public static Behaviour stream() {
            return new Behaviour(true, BellPolicy.OFF, null);
        }
    }

    private final LineSink sink;
    private final MessageRenderer renderer;
    private final PeerTable table;
    private final NetworkSummary network;
    private final Scheduler scheduler;
    private final Behaviour behaviour;
    private final OutgoingTracker outgoing = new OutgoingTracker();
    /** Peers whose last presence was an idle away (coming back from it gets no line either). */
    private final java.util.Set<Long> idlePeers = new java.util.HashSet<>();
    private final Supplier<String> fallbackSelfName;
    private String selfName;

    /** A screen view without bell or unread marker. */
    public TextView(LineSink sink, MessageRenderer renderer, Theme theme, NetworkSummary network,
            Scheduler scheduler, Supplier<String> fallbackSelfName) {
        this(sink, renderer, theme, network, scheduler, fallbackSelfName, Behaviour.screen(BellPolicy.OFF, null));
    }

    /** @param fallbackSelfName our name when no Ready event has told it yet */
    public TextView(LineSink sink, MessageRenderer renderer, Theme theme, NetworkSummary network,
            Scheduler scheduler, Supplier<String> fallbackSelfName, Behaviour behaviour) {
        this.sink = sink;
        this.renderer = renderer;
        this.table = new PeerTable(theme, renderer.glyphs());
        this.network = network;
        this.scheduler = scheduler;
        this.fallbackSelfName = fallbackSelfName;
        this.behaviour = behaviour;
        this.history = new HistoryText(theme, renderer.glyphs(), java.time.ZoneId.systemDefault());
        this.files = new FileText(theme, renderer.glyphs(), System::nanoTime);
    }

    private final HistoryText history;
    private final FileText files;

    @Override
    public void event(ChatEvent event) {
        if (event instanceof ChatEvent.Ready) {
            PeerInfo self = ((ChatEvent.Ready) event).self();
            selfName = self.name();
            sink.print(renderer.ready(self));
        } else if (event instanceof ChatEvent.PeerJoined) {
            sink.print(renderer.joined(((ChatEvent.PeerJoined) event).peer()));
        } else if (event instanceof ChatEvent.PeerLeft) {
            ChatEvent.PeerLeft left = (ChatEvent.PeerLeft) event;
            sink.print(renderer.left(left.peer(), left.reason()));
        } else if (event instanceof ChatEvent.PeerRenamed) {
            ChatEvent.PeerRenamed r = (ChatEvent.PeerRenamed) event;
            if (r.self()) {
                selfName = r.peer().name();
            }
            sink.print(renderer.renamed(r.peer(), r.oldName(), r.self()));
        } else if (event instanceof ChatEvent.DisplayNameChanged) {
            ChatEvent.DisplayNameChanged d = (ChatEvent.DisplayNameChanged) event;
            sink.print(renderer.displayNameChanged(d.peer(), d.oldDisplayName()));
        } else if (event instanceof ChatEvent.MessageReceived) {
            received((ChatEvent.MessageReceived) event);
        } else if (event instanceof ChatEvent.PresenceChanged) {
            presence((ChatEvent.PresenceChanged) event);
        } else if (event instanceof ChatEvent.AutoReplySent) {
            ChatEvent.AutoReplySent a = (ChatEvent.AutoReplySent) event;
            sink.print(renderer.autoReplySent(a.to(), a.text()));
        } else if (event instanceof ChatEvent.MessageSent) {
            ChatEvent.MessageSent s = (ChatEvent.MessageSent) event;
            List<String> names = new ArrayList<>();
            for (PeerInfo p : s.to()) {
                names.add(p.displayName());
            }
            progress(outgoing.sent(s.messageId(), names));
        } else if (event instanceof ChatEvent.Delivered) {
            ChatEvent.Delivered d = (ChatEvent.Delivered) event;
            progress(outgoing.outcome(d.messageId(), new OutgoingTracker.Outcome(d.to().displayName(), true, null)));
        } else if (event instanceof ChatEvent.Undelivered) {
            ChatEvent.Undelivered u = (ChatEvent.Undelivered) event;
            progress(outgoing.outcome(u.messageId(),
                    new OutgoingTracker.Outcome(u.to().displayName(), false, u.reason())));
        } else if (HistoryText.handles(event)) {
            history.lines(event).forEach(sink::print);
        } else if (FileText.handles(event)) {
            files.lines(event).forEach(sink::print);
        }
    }

    /**
     * Our own changes always get a line. A peer's idle away and its end do not: with many peers they would
     * come and go all day; /peers and the mark next to the name show them.
     */
    private void presence(ChatEvent.PresenceChanged p) {
        boolean wasIdle = p.self() ? false : idlePeers.contains(p.peer().id());
        if (p.self() || !p.presence().automatic() && !wasIdle) {
            sink.print(renderer.presence(p.peer(), p.presence(), p.self()));
        }
        if (!p.self() && p.presence().automatic()) {
            idlePeers.add(p.peer().id());
        } else if (!p.self()) {
            idlePeers.remove(p.peer().id());
        }
    }

    private void received(ChatEvent.MessageReceived m) {
        String me = self();
        if (behaviour.unread() != null && behaviour.unread().startsUnread()) {
            sink.print(renderer.unread());
        }
        // An automatic reply rings no bell: nobody typed it, and it says only that the peer is away.
        boolean bell = !m.autoReply() && behaviour.bell().rings(renderer.mentions(m.text(), me), !m.room());
        sink.print(renderer.received(m.from(), m.room(), m.text(), me, m.autoReply()), bell);
    }

    @Override
    public void ownMessage(long messageId, String directTo, String text) {
        OutgoingTracker.Outgoing o = outgoing.text(messageId, directTo, text, self());
        if (behaviour.ownLinesAtOnce()) {
            o.shown = true;
            sink.print(renderer.own(o.sender, o, MessageRenderer.Mark.NONE), false);
        }
        progress(o);
    }

    /** Shows an outgoing message when it is complete, or marks it pending if it takes a while. */
    private void progress(OutgoingTracker.Outgoing o) {
        if (!o.ready()) {
            return;
        }
        if (o.complete()) {
            outgoing.forget(o.id);
            if (o.shown) {
                renderer.followUp(o).forEach(sink::print);
            } else {
                sink.print(renderer.own(o.sender, o, MessageRenderer.Mark.FINAL), false);
                renderer.failures(o).forEach(sink::print);
            }
        } else if (!o.timerStarted && !o.shown) {
            o.timerStarted = true;
            scheduler.schedule(PENDING_AFTER, () -> showPending(o.id));
        }
    }

    private void showPending(long id) {
        OutgoingTracker.Outgoing o = outgoing.find(id);
        if (o != null && !o.shown) {
            o.shown = true;
            sink.print(renderer.own(o.sender, o, MessageRenderer.Mark.PENDING), false);
        }
    }

    @Override
    public void peers(List<PeerInfo> peers) {
        table.render(peers, network).forEach(sink::print);
    }

    @Override
    public void error(String message) {
        sink.print(renderer.error(message));
    }

    @Override
    public void notice(String message) {
        sink.print(renderer.notice(message));
    }

    @Override
    public void help(List<String> lines) {
        for (String line : lines) {
            sink.print(renderer.plain(line));
        }
    }

    @Override
    public void whois(lanchat.node.Whois w, boolean justVerified) {
        help(lanchat.ui.core.WhoisText.lines(w, justVerified));
    }

    @Override
    public void waited(String name, PeerInfo found, Duration limit) {
        sink.print(renderer.waited(name, found, limit));
    }

    @Override
    public void log(String line) {
        sink.print(renderer.quiet(line));
    }

    @Override
    public void close() {
        sink.flush();
    }

    private String self() {
        return selfName != null ? selfName : fallbackSelfName.get();
    }

    /** For tests: messages still waiting for an outcome. */
    int outstanding() {
        return outgoing.size();
    }
}
