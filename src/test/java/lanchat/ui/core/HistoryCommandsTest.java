package lanchat.ui.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** /history and /queue as typed. */
class HistoryCommandsTest {
    private final CommandParser parser = new CommandParser();

    @Test
    void historyKeepsWhatFollowsAsTyped() {
        assertEquals(new Command.History(""), parser.parse("/history"));
        assertEquals(new Command.History("bob"), parser.parse("/history bob"));
        assertEquals(new Command.History("bob lunch friday"), parser.parse("/history   bob lunch friday "));
        assertEquals(new Command.History("\"quoted\" OR stuff"), parser.parse("/HISTORY \"quoted\" OR stuff"));
    }

    @Test
    void queueListsOrCancelsByNumber() {
        assertEquals(new Command.Queue(), parser.parse("/queue"));
        assertEquals(new Command.CancelQueued(2), parser.parse("/queue cancel 2"));
        assertEquals(new Command.CancelQueued(12), parser.parse("/queue  CANCEL   12"));
    }

    @Test
    void aBadQueueCommandSaysWhatToType() {
        for (String bad : new String[] {"/queue cancel", "/queue cancel x", "/queue drop 1", "/queue cancel 1 2",
                "/queue cancel 99999999"}) {
            Command c = parser.parse(bad);
            assertTrue(c instanceof Command.Invalid, bad);
            assertTrue(((Command.Invalid) c).problem().startsWith("usage: /queue"), bad);
        }
    }

    @Test
    void helpExplainsBoth() {
        assertTrue(HelpText.about("history").get(0).startsWith("/history"));
        assertTrue(HelpText.about("/queue").get(0).startsWith("/queue"));
        assertTrue(HelpText.lines().stream().anyMatch(l -> l.contains("/history")));
    }

    @Test
    void withoutAHistoryTheCommandsSaySo() {
        FakeBackend backend = new FakeBackend(e -> { }, TestPeers.peer("alice", 1), java.util.List.of());
        RecordingView view = new RecordingView();
        CommandRunner runner = new CommandRunner(backend, view, false, false, null);
        runner.execute(new Command.History(""));
        runner.execute(new Command.Queue());
        assertEquals(2, view.errors.size());
    }

    /** Only the errors matter here. */
    private static final class RecordingView implements ChatView {
        final java.util.List<String> errors = new java.util.ArrayList<>();

        @Override
        public void event(lanchat.node.ChatEvent event) {
        }

        @Override
        public void ownMessage(long messageId, String directTo, String text) {
        }

        @Override
        public void peers(java.util.List<lanchat.node.PeerInfo> peers) {
        }

        @Override
        public void error(String message) {
            errors.add(message);
        }

        @Override
        public void notice(String message) {
        }

        @Override
        public void help(java.util.List<String> lines) {
        }

        @Override
        public void whois(lanchat.node.Whois w, boolean justVerified) {
        }

        @Override
        public void waited(String name, lanchat.node.PeerInfo found, java.time.Duration limit) {
        }

        @Override
        public void log(String line) {
        }

        @Override
        public void close() {
        }
    }
}
