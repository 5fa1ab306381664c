package lanchat.ui.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.InstantSource;
import java.util.concurrent.CompletableFuture;
import lanchat.history.ConversationKey;
import lanchat.history.MessageStore;
import lanchat.node.KnownPeers;
import org.junit.jupiter.api.Test;

/** The keeper checks a peer's key once per peer: its cache of direct conversations. */
class HistoryKeeperKeysTest {

    private final HistoryKeeper keeper = new HistoryKeeper(new HistoryKeeper.Store() {
        @Override
        public <T> CompletableFuture<T> submit(java.util.function.Function<MessageStore, T> work) {
            return CompletableFuture.completedFuture(work.apply(MessageStore.none()));
        }
    }, false, e -> { }, KnownPeers.inMemory(), InstantSource.system());

    @Test
    void aPeerKeyIsCheckedOnceAndItsConversationKept() {
        ConversationKey first = keeper.directWith("aa11");
        assertSame(first, keeper.directWith(new String("aa11")), "the same key, whichever String holds it");
        assertEquals(ConversationKey.direct("aa11"), first);
    }

    @Test
    void aPeerWhoseKeyChangedGetsTheConversationOfItsNewKey() {
        ConversationKey old = keeper.directWith("aa11");
        ConversationKey renewed = keeper.directWith("bb22");
        assertNotSame(old, renewed);
        assertEquals("bb22", renewed.peerKey());
        assertSame(old, keeper.directWith("aa11"), "the old key still means the old conversation");
    }

    @Test
    void aBadKeyIsRefusedEveryTimeAndNeverKept() {
        assertThrows(IllegalArgumentException.class, () -> keeper.directWith("has space"));
        assertThrows(IllegalArgumentException.class, () -> keeper.directWith("has space"));
        assertThrows(IllegalArgumentException.class, () -> keeper.directWith(""));
    }

    @Test
    void beyondItsBoundTheCacheStartsAgainAndStaysRight() {
        for (int i = 0; i < 3 * HistoryKeeper.CACHED_PEERS; i++) {
            assertEquals("k" + i, keeper.directWith("k" + i).peerKey());
        }
        assertEquals("k0", keeper.directWith("k0").peerKey());
    }
}
