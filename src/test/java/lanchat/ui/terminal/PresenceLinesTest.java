package lanchat.ui.terminal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import lanchat.node.ChatEvent;
import lanchat.node.PeerInfo;
import lanchat.presence.Presence;
import lanchat.presence.PresenceState;
import lanchat.ui.core.Glyphs;
import lanchat.ui.core.ManualScheduler;
import lanchat.ui.core.NetworkSummary;
import lanchat.ui.core.TestPeers;
import org.junit.jupiter.api.Test;

/** How presence shows in the terminal: change lines, the mark next to names, /peers, automatic replies. */
class PresenceLinesTest {
    private final CollectingSink sink = new CollectingSink();
    private final NetworkSummary network = new NetworkSummary("lo", "127.0.0.1", "239.255.76.67", 7667, true);
    private final TextView view = new TextView(sink, new MessageRenderer(new Theme(false), Glyphs.UNICODE, null),
            new Theme(false), network, new ManualScheduler(), () -> "alice");
    private final PeerInfo alice = TestPeers.peer("alice", 1);

    static PeerInfo with(PeerInfo p, Presence presence) {
        return new PeerInfo(p.id(), p.incarnation(), p.name(), p.displayName(), p.address(), p.lastHeardMillisAgo(),
                p.rttMillis(), p.sent(), p.retransmitted(), p.duplicates(), p.fingerprint(), p.trust(), presence);
    }

    private final Presence lunch = Presence.manual(PresenceState.AWAY, "at lunch");
    private final PeerInfo bobAway = with(TestPeers.peer("bob", 2), lunch);

    @Test
    void aPeersChangeIsOneLineAndItsNameCarriesTheMark() {
        view.event(new ChatEvent.PresenceChanged(bobAway, lunch, false));
        view.event(new ChatEvent.MessageReceived(1, bobAway, true, "back at 2"));
        PeerInfo bob = TestPeers.peer("bob", 2);
        view.event(new ChatEvent.PresenceChanged(bob, Presence.ONLINE, false));
        view.event(new ChatEvent.MessageReceived(2, bob, true, "I'm back"));
        assertEquals(List.of("* bob is away: at lunch", "bob (away): back at 2", "* bob is back", "bob: I'm back"),
                sink.text());
    }

    @Test
    void anIdleAwayAndItsEndGetNoLine() {
        PeerInfo idle = with(TestPeers.peer("bob", 2), Presence.idle());
        view.event(new ChatEvent.PresenceChanged(idle, Presence.idle(), false));
        view.event(new ChatEvent.PresenceChanged(TestPeers.peer("bob", 2), Presence.ONLINE, false));
        assertEquals(List.of(), sink.text());
    }

    @Test
    void ourOwnChangesSayWhatHappensNext() {
        view.event(new ChatEvent.PresenceChanged(with(alice, lunch), lunch, true));
        view.event(new ChatEvent.PresenceChanged(with(alice, Presence.idle()), Presence.idle(), true));
        view.event(new ChatEvent.PresenceChanged(alice, Presence.ONLINE, true));
        assertEquals(List.of(
                "* You are away: at lunch; direct messages get one automatic reply each, /back ends it",
                "* You are away (nothing typed for a while); type anything to be back",
                "* You are online again; automatic replies are off"), sink.text());
    }

    @Test
    void automaticRepliesAreMarkedBothWays() {
        view.event(new ChatEvent.AutoReplySent(TestPeers.peer("bob", 2), "alice is away: at lunch"));
        view.event(new ChatEvent.MessageReceived(3, bobAway, false, "bob is away: at lunch", null, 0, "", true));
        assertEquals(List.of("[auto-reply to bob] alice is away: at lunch",
                "[direct] [auto-reply] bob (away): bob is away: at lunch"), sink.text());
    }

    @Test
    void peersShowsTheStatusWithItsText() {
        view.peers(List.of(bobAway, with(TestPeers.peer("carol", 3), Presence.manual(PresenceState.BUSY, "")),
                TestPeers.peer("dave", 4)));
        assertEquals(List.of(
                "NAME   ADDRESS          LAST HEARD  RTT      STATUS",
                "bob    127.0.0.1:40002  0.3 s ago   0.50 ms  away: at lunch",
                "carol  127.0.0.1:40003  0.3 s ago   0.50 ms  busy",
                "dave   127.0.0.1:40004  0.3 s ago   0.50 ms  online",
                "3 peers"), sink.text());
    }
}
