package lanchat.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading every stored (sender, id) pair in chunks, for the filter of what was seen before. */
class SendersAndIdsTest {
    @TempDir
    Path profile;

    @Test
    void chunksGiveEveryPairOnceAndThenNull() {
        try (MessageStore store = MessageStore.open(HistoryConfig.in(profile))) {
            Set<String> expected = new HashSet<>();
            for (int i = 0; i < 7; i++) {
                String sender = "peer-" + (i % 3);
                store.save(NewMessage.incoming("id" + i, ConversationKey.room(), sender, Instant.EPOCH, "t" + i));
                expected.add(sender + "/id" + i);
            }
            store.save(NewMessage.outgoing("own", ConversationKey.room(), "me", Instant.EPOCH, "mine", 2));
            expected.add("me/own");
            List<String> seen = new ArrayList<>();
            String[] last = null;
            int chunks = 0;
            do {
                last = store.sendersAndIds(last, 3, (s, id) -> seen.add(s + "/" + id));
                chunks++;
            } while (last != null);
            assertEquals(expected, new HashSet<>(seen));
            assertEquals(expected.size(), seen.size(), "each once");
            assertEquals(4, chunks, "3 + 3 + 2, then an empty chunk");
            assertNull(MessageStore.none().sendersAndIds(null, 3, (s, id) -> seen.add("never")));
        }
    }
}
