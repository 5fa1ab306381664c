package lanchat.ui.desktop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import javax.swing.SwingUtilities;
import lanchat.node.ChatEvent;
import lanchat.node.PeerInfo;
import lanchat.node.PeerLookupException;
import lanchat.ui.core.AsyncBackend;
import lanchat.ui.core.FakeBackend;
import lanchat.ui.core.TestPeers;
import lanchat.ui.desktop.model.ChatItem;
import lanchat.ui.desktop.model.ChatModel;
import org.junit.jupiter.api.Test;

/** The file commands typed in the composer or pressed in the transfers panel reach the backend, off the caller. */
class DesktopFileCommandsTest {
    private final PeerInfo alice = TestPeers.peer("alice", 1);
    private final PeerInfo bob = TestPeers.peer("bob", 2);
    private final ChatModel model = new ChatModel(java.time.Clock.fixed(Instant.parse("2025-03-10T09:15:00Z"),
            ZoneOffset.UTC));
    /** A backend with files: records each call in {@code calls}; an id "gone" is refused as the node refuses it. */
    private final FakeBackend backend = new FakeBackend(e -> { }, alice, List.of(bob)) {
        @Override
        public void sendFiles(String name, List<String> paths) throws PeerLookupException {
            if (!name.equals("bob")) {
                throw new PeerLookupException("nobody called " + name + " is online", List.of());
            }
            calls.add("send " + name + " " + paths);
        }

        @Override
        public void acceptFiles(String id) {
            refuseGone(id);
            calls.add("accept " + id);
        }

        @Override
        public void rejectFiles(String id) {
            calls.add("reject " + id);
        }

        @Override
        public void cancelFiles(String id) {
            calls.add("cancel " + id);
        }

        @Override
        public List<ChatEvent.FileTransferLine> transfers() {
            calls.add("transfers");
            return List.of(new ChatEvent.FileTransferLine("1a2b3c4d", true, "bob", "receiving", "photo.bin", 10, 20));
        }

        private void refuseGone(String id) {
            if ("gone".equals(id)) {
                throw new IllegalArgumentException("no offer gone: /transfers lists them");
            }
        }
    };

    @Test
    void typedAndPressedCommandsGoToTheBackendAndRefusalsAreRedLines() throws Exception {
        AsyncBackend async = new AsyncBackend(backend, Runnable::run);
        DesktopCommands commands = new DesktopCommands(model, async, () -> { });
        model.apply(new ChatEvent.Ready(alice));
        commands.submit("/accept 1a2b3c4d");
        commands.submit("/reject");
        commands.submit("/cancel 99aa00bb");
        commands.accept("gone");
        commands.sendFiles("bob", List.of("/tmp/photo.bin"));
        commands.sendFiles("carol", List.of("/tmp/photo.bin"));
        commands.submit("/transfers");
        assertTrue(async.awaitIdle(Duration.ofSeconds(10)), "the backend's worker did not finish");
        SwingUtilities.invokeAndWait(() -> { }); // the /transfers answer comes through the event thread

        assertEquals(List.of("accept 1a2b3c4d", "reject null", "cancel 99aa00bb", "send bob [/tmp/photo.bin]",
                "transfers"), backend.calls);
        List<String> errors = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        for (ChatItem item : model.room().items()) {
            if (item instanceof ChatItem.QuietLine q) {
                (q.error() ? errors : notes).add(q.text());
            }
        }
        assertEquals(List.of("no offer gone: /transfers lists them", "nobody called carol is online"), errors);
        assertTrue(notes.contains("hashing /tmp/photo.bin before offering it to bob…"), notes.toString());
        assertTrue(notes.stream().anyMatch(n -> n.startsWith("1a2b3c4d  from bob receiving")), notes.toString());
    }
}
