package lanchat.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import lanchat.files.Entry;
import lanchat.files.Manifest;
import lanchat.files.ManifestCodec;
import lanchat.files.OfferId;
import lanchat.message.FileOffer;
import lanchat.sim.SimNode;
import org.junit.jupiter.api.Test;

/**
 * The files that incoming offers hold together are bounded (each costs heap while its offer is under way): an
 * offer that would pass the bound is refused with a reason, once however many of its pages come, and the
 * offers within it stand.
 */
class HeldFilesBoundTest {
    @Test
    void anOfferBeyondTheFilesHeldAtOnceIsRefusedOnceWithAReason() throws Exception {
        TwoSimNodes two = TwoSimNodes.start(122);
        SimNode alice = two.alice();
        SimNode bob = two.bob();
        SplittableRandom rnd = new SplittableRandom(5);
        int held = FileRecipient.MAX_HELD_ENTRIES * 3 / 5;
        List<byte[]> first = pages(OfferId.random(rnd), held);
        List<byte[]> beyond = pages(OfferId.random(rnd), FileRecipient.MAX_HELD_ENTRIES - held + 1);
        List<byte[]> fits = pages(OfferId.random(rnd), FileRecipient.MAX_HELD_ENTRIES - held);
        // the first page of each (they wait for the rest), then a second page of the refused one
        for (byte[] page : List.of(first.get(0), beyond.get(0), beyond.get(1), fits.get(0))) {
            two.aliceSends(new FileOffer(1, 600, page));
        }
        alice.node().whisper("bob", "after the pages");
        assertTrue(two.net().runUntil(() -> bob.events().of(ChatEvent.MessageReceived.class).stream()
                .anyMatch(m -> m.text().equals("after the pages")), 20 * TwoSimNodes.SECOND));
        List<ChatEvent.FileFailed> failed = bob.events().of(ChatEvent.FileFailed.class);
        assertEquals(1, failed.size(), failed.toString());
        assertTrue(failed.get(0).reason().startsWith("refused an offer of " + (FileRecipient.MAX_HELD_ENTRIES - held + 1)
                + " files: the offers under way hold " + held), failed.get(0).reason());
    }

    /** The pages of an offer of {@code files} files of one folder. */
    private static List<byte[]> pages(OfferId id, int files) {
        List<Entry> entries = new ArrayList<>(files);
        for (int i = 0; i < files; i++) {
            entries.add(Entry.file(List.of("folder", "f" + i + ".bin"), 1, 0, new byte[Entry.HASH_BYTES]));
        }
        return ManifestCodec.encode(new Manifest(id, entries), ManifestCodec.DEFAULT_PAGE_BYTES);
    }
}
