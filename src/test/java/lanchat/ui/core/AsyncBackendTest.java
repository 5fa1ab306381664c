package lanchat.ui.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import lanchat.node.PeerInfo;
import org.junit.jupiter.api.Test;

class AsyncBackendTest {
    private final PeerInfo alice = TestPeers.peer("alice", 1);
    private final PeerInfo bob = TestPeers.peer("bob", 2);
    /** Stands in for the event dispatch thread: callbacks queue here and the test runs them. */
    private final LinkedBlockingQueue<Runnable> uiThread = new LinkedBlockingQueue<>();

    private Runnable nextCallback() throws InterruptedException {
        Runnable r = uiThread.poll(5, TimeUnit.SECONDS);
        if (r == null) {
            throw new AssertionError("no callback within 5 s");
        }
        return r;
    }

    @Test
    void callerReturnsAtOnceWhileTheBackendBlocks() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        FakeBackend slow = new FakeBackend(e -> { }, alice, List.of(bob)) {
            @Override
            public long say(String text) {
                try {
                    release.await(); // back-pressure: the engine holds the sender
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return super.say(text);
            }
        };
        AsyncBackend async = new AsyncBackend(slow, uiThread::add);
        List<Long> ids = new ArrayList<>();
        async.say("one", ids::add, error -> { });
        async.say("two", ids::add, error -> { });
        assertTrue(uiThread.isEmpty(), "nothing answered while the send is held");
        release.countDown();
        nextCallback().run();
        nextCallback().run();
        assertEquals(List.of(1L, 2L), ids, "calls keep their order");
        assertTrue(async.awaitIdle(Duration.ofSeconds(5)));
    }

    @Test
    void errorsComeBackAsMessagesOnTheCallbackExecutor() throws Exception {
        AsyncBackend async = new AsyncBackend(new FakeBackend(e -> { }, alice, List.of(bob)), uiThread::add);
        List<String> errors = new ArrayList<>();
        async.whisper("nobody", "hi", id -> { }, errors::add);
        async.rename("bad name", errors::add);
        async.say("", id -> { }, errors::add);
        for (int i = 0; i < 3; i++) {
            nextCallback().run();
        }
        assertEquals("no peer is named 'nobody'", errors.get(0));
        assertTrue(errors.get(1).startsWith("invalid name 'bad name'"), errors.get(1));
        assertEquals("empty message", errors.get(2));
    }

    @Test
    void peersSelfAndStopAnswerThroughCallbacks() throws Exception {
        FakeBackend fake = new FakeBackend(e -> { }, alice, List.of(bob));
        AsyncBackend async = new AsyncBackend(fake, uiThread::add);
        List<Object> answers = new ArrayList<>();
        async.peers(answers::add);
        async.self(answers::add);
        async.stop(Duration.ofSeconds(1), answers::add);
        for (int i = 0; i < 3; i++) {
            nextCallback().run();
        }
        assertEquals(List.of(List.of(bob), alice, true), answers);
        assertTrue(fake.stopped);
    }

    @Test
    void callsAfterCloseAreRefusedWithAMessage() throws Exception {
        AsyncBackend async = new AsyncBackend(new FakeBackend(e -> { }, alice, List.of()), uiThread::add);
        async.close();
        List<String> errors = new ArrayList<>();
        async.say("late", id -> { }, errors::add);
        nextCallback().run();
        assertEquals(List.of("lanchat is closing; nothing more can be sent"), errors);
    }
}
