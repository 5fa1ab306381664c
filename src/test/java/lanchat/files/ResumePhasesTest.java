package lanchat.files;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A receiver killed at every phase of one file, then resumed: it continues from no more than it held, and the
 * file that arrives is the file that was sent, with no temporary file left.
 */
class ResumePhasesTest {

    private static final int SIZE = 200_000;
    private static final int SYNC = 32_768;
    private static final int CHUNK = 1_200;

    enum Phase {
        PLACED_ONLY, STARTED, PART_UNSYNCED, PART_SYNCED, ALL_WRITTEN_UNSYNCED, ALL_WRITTEN_SYNCED,
        /** finish() linked the verified file to its name and died before removing the temporary name. */
        LINKED_PART_LEFT,
        NAMED_SIDECAR_LEFT, FINISHED
    }

    @ParameterizedTest
    @EnumSource(Phase.class)
    void aKillAtAnyPhaseResumesToTheSameFile(Phase phase, @TempDir Path dir) throws Exception {
        byte[] data = new byte[SIZE];
        new Random(phase.ordinal()).nextBytes(data);
        Entry e = Entry.file(List.of("f.bin"), SIZE, 0, MessageDigest.getInstance("SHA-256").digest(data));
        IncomingFile.Settings settings = new IncomingFile.Settings(ChannelOpener.DEFAULT, SYNC);
        Path target = new DownloadFolder(dir).placement().place(e);
        long expectedHeld = reachPhase(phase, target, e, settings, data);

        IncomingFile resumed = IncomingFile.resume(target, e, settings);
        assertEquals(expectedHeld, resumed.heldBytes(), phase.toString());
        for (long off = resumed.heldBytes(); off < SIZE; off += CHUNK) {
            resumed.write(off, ByteBuffer.wrap(data, (int) off, (int) Math.min(CHUNK, SIZE - off)));
        }
        assertEquals(target, resumed.finish());
        assertArrayEquals(data, Files.readAllBytes(target));
        try (var s = Files.list(dir)) {
            assertEquals(List.of(target), s.toList());
        }
    }

    /** Plays the transfer up to the phase and dies there; returns what a resume must find held. */
    private static long reachPhase(Phase phase, Path target, Entry e, IncomingFile.Settings settings, byte[] data)
            throws Exception {
        if (phase == Phase.PLACED_ONLY) {
            return 0;
        }
        IncomingFile in = IncomingFile.start(target, e, settings);
        long upTo = switch (phase) {
            case STARTED -> 0;
            case PART_UNSYNCED -> SYNC - CHUNK;
            case PART_SYNCED -> SYNC * 3;
            default -> SIZE;
        };
        for (long off = 0; off < upTo; off += CHUNK) {
            in.write(off, ByteBuffer.wrap(data, (int) off, (int) Math.min(CHUNK, upTo - off)));
        }
        switch (phase) {
            case ALL_WRITTEN_SYNCED, LINKED_PART_LEFT, NAMED_SIDECAR_LEFT -> in.sync();
            case FINISHED -> {
                in.finish();
                return SIZE;
            }
            default -> { }
        }
        long held = in.heldBytes();
        if (phase == Phase.LINKED_PART_LEFT || phase == Phase.NAMED_SIDECAR_LEFT) {
            in.closeWithoutSync();
            Files.createLink(target, IncomingFile.partPath(target)); // what finish() does once the hash matched
            if (phase == Phase.NAMED_SIDECAR_LEFT) {
                Files.delete(IncomingFile.partPath(target));
            }
            assertTrue(Files.exists(IncomingFile.heldPath(target)));
            return SIZE;
        }
        in.closeWithoutSync();
        return held;
    }
}
