package lanchat.ui.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import lanchat.node.ChatEvent;
import lanchat.node.PeerInfo;
import org.junit.jupiter.api.Test;

/** The commands that need more than one call: /nick on a taken name, /me, /help COMMAND, /wait. */
class CommandRunnerTest {
    private final PeerInfo alice = TestPeers.peer("alice", 1);
    private final PeerInfo bob = TestPeers.peer("bob", 2);
    private final RecordingView view = new RecordingView();
    private final CommandParser parser = new CommandParser();
    private final FakeBackend backend = new FakeBackend(e -> { }, alice, List.of(bob));

    @Test
    void aTakenNameIsTakenOnlyWhenAskedTwice() {
        CommandRunner runner = new CommandRunner(backend, view, false, true, null);
        runner.execute(parser.parse("/nick bob"));
        assertEquals(List.of(), backend.calls);
        assertTrue(view.notices.get(0).contains("type /nick bob again"), view.notices.toString());
        assertTrue(view.notices.get(0).contains("/nick bob2"), view.notices.toString());
        runner.execute(parser.parse("/nick bob"));
        assertEquals(List.of("rename bob"), backend.calls);
    }

    @Test
    void anotherCommandInBetweenAsksAgain() {
        CommandRunner runner = new CommandRunner(backend, view, false, true, null);
        runner.execute(parser.parse("/nick bob"));
        runner.execute(parser.parse("/peers"));
        runner.execute(parser.parse("/nick bob"));
        assertEquals(List.of(), backend.calls);
        assertEquals(2, view.notices.size());
    }

    @Test
    void scriptsAreNotAsked() {
        CommandRunner runner = new CommandRunner(backend, view, false, false, new PeerWaiter());
        runner.execute(parser.parse("/nick bob"));
        runner.execute(parser.parse("/nick carol"));
        assertEquals(List.of("rename bob", "rename carol"), backend.calls);
    }

    @Test
    void presenceCommandsSetItAndEveryOtherLineIsActivity() {
        CommandRunner runner = new CommandRunner(backend, view, false, true, null);
        runner.execute(parser.parse("/away  at lunch "));
        runner.execute(parser.parse("/busy"));
        runner.execute(parser.parse("/back"));
        assertEquals(List.of("presence away: at lunch", "presence busy", "presence online"), backend.calls);
        assertEquals(0, backend.activities, "setting a presence is not also an activity that could undo it");
        runner.execute(parser.parse("/peers"));
        runner.execute(parser.parse("/nosuch"));
        runner.execute(parser.parse("hello"));
        assertEquals(3, backend.activities);
    }

    @Test
    void meSendsTheConventionalText() {
        new CommandRunner(backend, view, false, true, null).execute(parser.parse("/me waves"));
        assertEquals(List.of("say /me waves"), backend.calls);
        assertEquals(List.of("/me waves"), view.own);
    }

    @Test
    void helpOnOneCommand() {
        CommandRunner runner = new CommandRunner(backend, view, false, true, null);
        runner.execute(parser.parse("/help msg"));
        assertTrue(String.join("\n", view.help).contains("peer id"));
        runner.execute(parser.parse("/help frob"));
        assertTrue(view.errors.get(0).contains("/help lists the commands"), view.errors.toString());
    }

    @Test
    void waitFindsAPeerAlreadyThereAndGivesUpOnAnAbsentOne() {
        PeerWaiter waiter = new PeerWaiter();
        waiter.lookIn(backend::peers);
        CommandRunner runner = new CommandRunner(backend, view, false, false, waiter);
        runner.execute(parser.parse("/wait bob"));
        runner.execute(parser.parse("/wait " + bob.idHex()));
        runner.execute(parser.parse("/wait dave 0.05"));
        assertEquals(List.of("bob found", "bob found", "dave missing"), view.waits);
    }

    @Test
    void theTerminalHasNoWait() {
        new CommandRunner(backend, view, false, true, null).execute(parser.parse("/wait bob"));
        assertTrue(view.errors.get(0).contains("for scripts"), view.errors.toString());
    }

    @Test
    void waitWakesWhenThePeerJoins() throws Exception {
        List<PeerInfo> live = new java.util.concurrent.CopyOnWriteArrayList<>();
        PeerWaiter waiter = new PeerWaiter();
        waiter.lookIn(() -> live);
        Thread joiner = new Thread(() -> {
            live.add(bob);
            waiter.onEvent(new ChatEvent.PeerJoined(bob));
        });
        joiner.start();
        PeerInfo found = waiter.await("bob", Duration.ofSeconds(20));
        joiner.join(10_000);
        assertEquals(bob, found);
        assertNull(waiter.await("carol", Duration.ZERO));
    }

    @Test
    void doctorRunsOffTheInputThreadAndShowsItsReport() throws Exception {
        Thread input = Thread.currentThread();
        FakeBackend withDoctor = new FakeBackend(e -> { }, alice, List.of(bob)) {
            @Override
            public List<String> doctor() {
                assertTrue(Thread.currentThread() != input, "the checks must not block the input thread");
                return List.of("multicast: ok");
            }
        };
        new CommandRunner(withDoctor, view, false, true, null).execute(parser.parse("/doctor"));
        assertTrue(view.notices.get(0).contains("about two seconds"), view.notices.toString());
        assertTrue(view.awaitHelp("multicast: ok", 10_000), view.help.toString());
    }

    @Test
    void whoisAndVerifyNeedAName() {
        assertEquals(new Command.Invalid(CommandParser.WHOIS_USAGE), parser.parse("/whois"));
        assertEquals(new Command.Whois("bob"), parser.parse("/whois bob"));
        assertEquals(new Command.Verify("bob"), parser.parse("/verify bob"));
    }

    /** Records what the runner shows. */
    private static final class RecordingView implements ChatView {
        final List<String> notices = new ArrayList<>();
        final List<String> errors = new ArrayList<>();
        final List<String> help = new ArrayList<>();
        final List<String> own = new ArrayList<>();
        final List<String> waits = new ArrayList<>();

        @Override
        public void event(ChatEvent event) {}

        @Override
        public void ownMessage(long messageId, String directTo, String text) {
            own.add(text);
        }

        @Override
        public void peers(List<PeerInfo> peers) {}

        @Override
        public void error(String message) {
            errors.add(message);
        }

        @Override
        public void notice(String message) {
            notices.add(message);
        }

        @Override
        public void whois(lanchat.node.Whois w, boolean justVerified) {
            help(WhoisText.lines(w, justVerified));
        }

        @Override
        public synchronized void help(List<String> lines) {
            help.addAll(lines);
            notifyAll();
        }

        /** Waits until the help lines hold {@code line}, up to {@code millis}: for answers from other threads. */
        synchronized boolean awaitHelp(String line, long millis) throws InterruptedException {
            long end = System.currentTimeMillis() + millis;
            while (!help.contains(line) && System.currentTimeMillis() < end) {
                wait(Math.max(1, end - System.currentTimeMillis()));
            }
            return help.contains(line);
        }

        @Override
        public void waited(String name, PeerInfo found, Duration limit) {
            waits.add(name.length() == 16 ? "bob " + (found != null ? "found" : "missing")
                    : name + " " + (found != null ? "found" : "missing"));
        }

        @Override
        public void log(String line) {}

        @Override
        public void close() {}
    }
}
