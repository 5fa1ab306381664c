package lanchat.files;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IncomingFileTest {

    @TempDir
    Path dir;

    private static final int CHUNK = 1_200;

    private static byte[] content(int size, long seed) {
        byte[] b = new byte[size];
        new Random(seed).nextBytes(b);
        return b;
    }

    private static Entry entryFor(String name, byte[] content) throws Exception {
        return Entry.file(List.of(name), content.length, 1_600_000_000_000L,
                MessageDigest.getInstance("SHA-256").digest(content));
    }

    private Path reserve(Entry e) throws FilesException {
        return new DownloadFolder(dir).placement().place(e);
    }

    private static void writeChunk(IncomingFile in, byte[] content, int offset) throws FilesException {
        int len = Math.min(CHUNK, content.length - offset);
        in.write(offset, ByteBuffer.wrap(content, offset, len));
    }

    private static IncomingFile.Settings syncEvery(long bytes) {
        return new IncomingFile.Settings(ChannelOpener.DEFAULT, bytes);
    }

    /** Opened ahead, off the loop: only the placement's empty reservation, and it never creates a file. */
    @Test
    void aFileOpenedAheadUsesTheReservationAndNeverCreatesOne() throws Exception {
        byte[] data = content(5_000, 2);
        Entry e = entryFor("ahead.bin", data);
        Path target = reserve(e);
        IncomingFile ahead = IncomingFile.startReserved(target, e, IncomingFile.Settings.DEFAULT);
        for (int off = 0; off < data.length; off += CHUNK) {
            writeChunk(ahead, data, off);
        }
        assertEquals(target, ahead.finish());
        assertArrayEquals(data, Files.readAllBytes(target));
        ahead.close();
        assertNull(IncomingFile.startReserved(target, e, IncomingFile.Settings.DEFAULT), "renamed: nothing to open");
        assertFalse(Files.exists(dir.resolve(".ahead.bin.lanchat-part")), "and nothing created");

        Entry other = entryFor("written.bin", data);
        Path second = reserve(other);
        IncomingFile first = IncomingFile.start(second, other);
        writeChunk(first, data, 0);
        first.sync();
        assertNull(IncomingFile.startReserved(second, other, IncomingFile.Settings.DEFAULT), "written to already");
        IncomingFile unused = IncomingFile.startReserved(reserve(entryFor("unused.bin", data)),
                entryFor("unused.bin", data), IncomingFile.Settings.DEFAULT);
        unused.release();
        assertEquals(0, Files.size(dir.resolve(".unused.bin.lanchat-part")), "released: the reservation stays as it was");
        first.close();
    }

    @Test
    void bytesInOrderBecomeTheFileUnderItsNameAfterTheHashMatches() throws Exception {
        byte[] data = content(100_000, 1);
        Entry e = entryFor("report.pdf", data);
        Path target = reserve(e);
        IncomingFile in = IncomingFile.start(target, e);
        assertTrue(Files.exists(dir.resolve(".report.pdf.lanchat-part")));
        for (int off = 0; off < data.length; off += CHUNK) {
            writeChunk(in, data, off);
        }
        assertEquals(data.length, in.contiguousBytes());
        assertFalse(Files.exists(target), "the name is free until finish (the temporary file reserves it)");
        assertEquals(target, in.finish());
        assertArrayEquals(data, Files.readAllBytes(target));
        assertEquals(1_600_000_000_000L, Files.getLastModifiedTime(target).toMillis());
        try (var s = Files.list(dir)) {
            assertEquals(List.of(target), s.toList(), "no temporary file or sidecar is left");
        }
    }

    @Test
    void anEmptyFileFinishesAtOnce() throws Exception {
        Entry e = entryFor("empty", new byte[0]);
        Path target = reserve(e);
        assertEquals(target, IncomingFile.start(target, e).finish());
        assertEquals(0, Files.size(target));
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {31, 32, 33, 34})
    void bytesInAnyOrderWithRepeatsAndOverlapsGiveTheSameFile(long seed) throws Exception {
        Random rnd = new Random(seed);
        byte[] data = content(50_000 + rnd.nextInt(50_000), seed);
        Entry e = entryFor("f" + seed, data);
        Path target = reserve(e);
        IncomingFile in = IncomingFile.start(target, e, syncEvery(8_192));
        List<int[]> pieces = new ArrayList<>();
        for (int off = 0; off < data.length; ) {
            int len = Math.min(1 + rnd.nextInt(3_000), data.length - off);
            pieces.add(new int[] {off, len});
            if (rnd.nextInt(6) == 0) {
                int back = Math.min(off, rnd.nextInt(2_000));
                pieces.add(new int[] {off - back, Math.min(back + len, data.length - (off - back))}); // overlap
            }
            off += len;
        }
        List<int[]> repeats = new ArrayList<>(pieces.subList(0, pieces.size() / 5));
        pieces.addAll(repeats);
        // mostly in order, with local reordering like a network's
        for (int i = 0; i < pieces.size(); i++) {
            int j = Math.min(pieces.size() - 1, i + rnd.nextInt(8));
            Collections.swap(pieces, i, j);
        }
        long lastHeld = 0;
        for (int[] p : pieces) {
            in.write(p[0], ByteBuffer.wrap(data, p[0], p[1]));
            assertTrue(in.heldBytes() >= lastHeld);
            assertTrue(in.heldBytes() <= in.contiguousBytes());
            assertTrue(in.contiguousBytes() <= in.receivedBytes());
            lastHeld = in.heldBytes();
        }
        assertEquals(data.length, in.receivedBytes());
        in.finish();
        assertArrayEquals(data, Files.readAllBytes(target));
    }

    @Test
    void aHashMismatchDeletesEverythingAndSaysWhy() throws Exception {
        byte[] data = content(10_000, 2);
        Entry e = entryFor("photo.jpg", data);
        Path target = reserve(e);
        IncomingFile in = IncomingFile.start(target, e);
        byte[] damaged = data.clone();
        damaged[5_000] ^= 1;
        in.write(0, ByteBuffer.wrap(damaged));
        FilesException x = assertThrows(FilesException.class, in::finish);
        assertEquals(FilesException.Kind.HASH_MISMATCH, x.kind());
        assertEquals("photo.jpg failed: its SHA-256 differs from what the sender announced (deleted; send it again)",
                x.getMessage());
        try (var s = Files.list(dir)) {
            assertEquals(List.of(), s.toList(), "the temporary file, the sidecar and the placeholder are gone");
        }
    }

    @Test
    void aFullDiskFailsWithOneLineAndKeepsWhatIsHeld() throws Exception {
        byte[] data = content(200_000, 3);
        Entry e = entryFor("big.iso", data);
        Path target = reserve(e);
        IncomingFile in = IncomingFile.start(target, e,
                new IncomingFile.Settings(FailingChannel.opener(120_000), 50_000));
        FilesException x = assertThrows(FilesException.class, () -> {
            for (int off = 0; off < data.length; off += CHUNK) {
                writeChunk(in, data, off);
            }
        });
        assertEquals(FilesException.Kind.DISK_FULL, x.kind());
        assertEquals("disk full while writing big.iso in " + dir
                + ": free some space, then accept the offer again to resume", x.getMessage());
        long held = in.heldBytes();
        assertTrue(held >= 50_000 && held < 120_000, "held " + held);
        in.close();
        assertTrue(Files.exists(IncomingFile.partPath(target)));

        IncomingFile resumed = IncomingFile.resume(target, e);
        assertEquals(held, resumed.heldBytes());
        for (long off = held; off < data.length; off += CHUNK) {
            writeChunk(resumed, data, (int) off);
        }
        resumed.finish();
        assertArrayEquals(data, Files.readAllBytes(target));
    }

    @Test
    void aFullDiskWhenCreatingTheTemporaryFileIsDiskFullToo() throws Exception {
        byte[] data = content(10, 4);
        Entry e = entryFor("x", data);
        Path target = reserve(e);
        ChannelOpener full = (p, o) -> {
            throw new java.io.IOException("No space left on device");
        };
        FilesException x = assertThrows(FilesException.class,
                () -> IncomingFile.start(target, e, new IncomingFile.Settings(full, 1)));
        assertEquals(FilesException.Kind.DISK_FULL, x.kind());
    }

    @Test
    void afterAKillTheTransferResumesFromWhatTheSidecarVouchesFor() throws Exception {
        byte[] data = content(300_000, 5);
        Entry e = entryFor("video.mp4", data);
        Path target = reserve(e);
        IncomingFile in = IncomingFile.start(target, e, syncEvery(64_000));
        for (int off = 0; off < 150_000; off += CHUNK) {
            writeChunk(in, data, off);
        }
        in.write(200_000, ByteBuffer.wrap(data, 200_000, 5_000)); // a piece beyond the prefix
        long held = in.heldBytes();
        assertEquals(129_600, held, "synced at 64,800, then 64,000 or more later: at 129,600");
        in.closeWithoutSync(); // the process dies: nothing more is synced
        // what the kill left on disk: more than is vouched for, and some garbage past it
        try (var ch = java.nio.channels.FileChannel.open(IncomingFile.partPath(target), StandardOpenOption.WRITE)) {
            ch.write(ByteBuffer.wrap(new byte[1_000]), 260_000);
        }

        IncomingFile resumed = IncomingFile.resume(target, e, syncEvery(64_000));
        assertEquals(held, resumed.heldBytes());
        assertEquals(held, Files.size(IncomingFile.partPath(target)), "cut back to what is vouched for");
        for (long off = held; off < data.length; off += CHUNK) {
            writeChunk(resumed, data, (int) off);
        }
        resumed.finish();
        assertArrayEquals(data, Files.readAllBytes(target));
    }

    @Test
    void aDamagedOrMissingSidecarMeansStartingOver() throws Exception {
        byte[] data = content(40_000, 6);
        Entry e = entryFor("doc.odt", data);
        Path target = reserve(e);
        IncomingFile in = IncomingFile.start(target, e, syncEvery(10_000));
        in.write(0, ByteBuffer.wrap(data, 0, 30_000));
        assertEquals(30_000, in.heldBytes());
        in.closeWithoutSync();
        byte[] sidecar = Files.readAllBytes(IncomingFile.heldPath(target));
        sidecar[3] ^= 1;
        Files.write(IncomingFile.heldPath(target), sidecar);
        IncomingFile again = IncomingFile.resume(target, e);
        assertEquals(0, again.heldBytes());
        again.write(0, ByteBuffer.wrap(data));
        again.finish();
        assertArrayEquals(data, Files.readAllBytes(target));

        Entry other = entryFor("fresh.bin", data);
        Path t2 = reserve(other);
        IncomingFile fresh = IncomingFile.resume(t2, other); // nothing to resume: starts afresh
        assertEquals(0, fresh.heldBytes());
        fresh.discard();
        assertFalse(Files.exists(t2));
    }

    @Test
    @EnabledOnOs({OS.LINUX, OS.MAC})
    void aLinkPlantedAsTheTemporaryFileIsRefused() throws Exception {
        byte[] data = content(100, 7);
        Entry e = entryFor("a.txt", data);
        Path target = reserve(e);
        Path outsideFolder = Files.createTempDirectory("lanchat-outside");
        Path outside = Files.writeString(outsideFolder.resolve("victim"), "keep");
        try {
            Files.delete(IncomingFile.partPath(target)); // the placement's reservation, swapped for a link
            Files.createSymbolicLink(IncomingFile.partPath(target), outside);
            FilesException x = assertThrows(FilesException.class, () -> IncomingFile.resume(target, e));
            assertEquals(FilesException.Kind.FOLDER_UNUSABLE, x.kind());
            FilesException fresh = assertThrows(FilesException.class, () -> IncomingFile.start(target, e));
            assertEquals(FilesException.Kind.FOLDER_UNUSABLE, fresh.kind(), fresh.getMessage()); // not followed
            assertEquals("keep", Files.readString(outside));
        } finally {
            Files.deleteIfExists(IncomingFile.partPath(target));
            Files.deleteIfExists(outside);
            Files.deleteIfExists(outsideFolder);
        }
    }

    @Test
    void aGracefulCloseKeepsEverythingThatArrived() throws Exception {
        byte[] data = content(100_000, 10);
        Entry e = entryFor("paused.bin", data);
        Path target = reserve(e);
        IncomingFile in = IncomingFile.start(target, e);
        in.write(0, ByteBuffer.wrap(data, 0, 70_000));
        assertEquals(0, in.heldBytes());
        assertEquals(0, Files.size(IncomingFile.partPath(target)), "still in the in-order buffer");
        in.close(); // a cancelled session, a clean quit
        IncomingFile resumed = IncomingFile.resume(target, e);
        assertEquals(70_000, resumed.heldBytes());
        resumed.write(70_000, ByteBuffer.wrap(data, 70_000, 30_000));
        resumed.finish();
        assertArrayEquals(data, Files.readAllBytes(target));
    }

    @Test
    void afterAFailedWriteEveryCallGivesTheSameReason() throws Exception {
        byte[] data = content(1_000_000, 11);
        Entry e = entryFor("spent.bin", data);
        Path target = reserve(e);
        IncomingFile in = IncomingFile.start(target, e, new IncomingFile.Settings(FailingChannel.opener(0), 1 << 20));
        FilesException first = assertThrows(FilesException.class, () -> {
            for (int off = 0; off < data.length; off += CHUNK) {
                writeChunk(in, data, off);
            }
        });
        FilesException again = assertThrows(FilesException.class, () -> in.write(0, ByteBuffer.wrap(data, 0, 10)));
        assertEquals(first, again);
        assertThrows(FilesException.class, in::finish);
        in.close();
        assertEquals(0, IncomingFile.resume(target, e).heldBytes());
    }

    @Test
    void writesBeyondTheEntryAndEarlyFinishesAreRefused() throws Exception {
        byte[] data = content(1_000, 8);
        Entry e = entryFor("small", data);
        Path target = reserve(e);
        IncomingFile in = IncomingFile.start(target, e);
        FilesException beyond = assertThrows(FilesException.class, () -> in.write(999, ByteBuffer.wrap(data, 0, 2)));
        assertEquals(FilesException.Kind.OUT_OF_RANGE, beyond.kind());
        assertThrows(FilesException.class, () -> in.write(-1, ByteBuffer.wrap(data, 0, 1)));
        in.write(0, ByteBuffer.wrap(data, 0, 500));
        FilesException early = assertThrows(FilesException.class, in::finish);
        assertEquals("small is incomplete: 500 of 1000 bytes", early.getMessage());
    }

    @Test
    void scatteringManyPiecesIsRefused() throws Exception {
        int pieces = IncomingFile.MAX_PIECES;
        Entry e = Entry.file(List.of("sparse"), 4L * pieces + 10, 0, new byte[32]);
        Path target = reserve(e);
        IncomingFile in = IncomingFile.start(target, e);
        ByteBuffer one = ByteBuffer.allocate(1);
        for (int i = 1; i <= pieces; i++) {
            in.write(2L * i, one.clear());
        }
        FilesException x = assertThrows(FilesException.class, () -> in.write(2L * pieces + 2, one.clear()));
        assertEquals(FilesException.Kind.OUT_OF_RANGE, x.kind());
        in.discard();
    }

    @Test
    void aNameTakenWhileDownloadingIsNotOverwritten() throws Exception {
        byte[] data = content(1_000, 9);
        Entry e = entryFor("taken.txt", data);
        Path target = reserve(e);
        IncomingFile in = IncomingFile.start(target, e);
        in.write(0, ByteBuffer.wrap(data));
        Files.writeString(target, "the user saved something here meanwhile");
        FilesException x = assertThrows(FilesException.class, in::finish);
        assertEquals(FilesException.Kind.FOLDER_UNUSABLE, x.kind());
        assertEquals("the user saved something here meanwhile", Files.readString(target));
        assertTrue(Files.exists(IncomingFile.partPath(target)));
    }

    @Test
    void aDownloadLeftByTheEarlierPlaceholderDesignFinishesOverItsEmptyPlaceholder() throws Exception {
        byte[] data = content(20_000, 12);
        Entry e = entryFor("old.bin", data);
        Path target = dir.resolve("old.bin");
        Files.createFile(target); // the empty placeholder an earlier version reserved the name with
        IncomingFile first = IncomingFile.start(target, e, syncEvery(5_000));
        first.write(0, ByteBuffer.wrap(data, 0, 12_000));
        first.write(12_000, ByteBuffer.wrap(data, 12_000, 1_000)); // not forced: lost to the kill
        first.closeWithoutSync();
        assertTrue(IncomingFile.canResume(target));
        IncomingFile resumed = IncomingFile.resume(target, e);
        assertEquals(12_000, resumed.heldBytes());
        resumed.write(12_000, ByteBuffer.wrap(data, 12_000, 8_000));
        assertEquals(target, resumed.finish());
        assertArrayEquals(data, Files.readAllBytes(target));
        try (var s = Files.list(dir)) {
            assertEquals(List.of(target), s.toList());
        }
    }

    @Test
    @EnabledOnOs({OS.LINUX, OS.MAC})
    void aLinkPlantedAtTheNameIsNeitherFollowedNorReplaced() throws Exception {
        byte[] data = content(1_000, 13);
        Entry e = entryFor("planted.txt", data);
        Path target = reserve(e);
        Path outside = Files.writeString(Files.createTempDirectory("lanchat-outside").resolve("victim"), "keep");
        try {
            IncomingFile in = IncomingFile.start(target, e);
            in.write(0, ByteBuffer.wrap(data));
            Files.createSymbolicLink(target, outside);
            FilesException x = assertThrows(FilesException.class, in::finish);
            assertEquals(FilesException.Kind.FOLDER_UNUSABLE, x.kind());
            assertTrue(Files.isSymbolicLink(target));
            assertEquals("keep", Files.readString(outside));
            assertArrayEquals(data, Files.readAllBytes(IncomingFile.partPath(target)), "the download is kept");
        } finally {
            Files.deleteIfExists(target);
            Files.deleteIfExists(outside);
            Files.deleteIfExists(outside.getParent());
        }
    }

    @Test
    void aFinishedFileIsFoundDoneAndOneReplacedSinceIsNot() throws Exception {
        byte[] data = content(5_000, 14);
        Entry e = entryFor("done.bin", data);
        Path target = reserve(e);
        IncomingFile in = IncomingFile.start(target, e);
        in.write(0, ByteBuffer.wrap(data));
        in.finish();
        assertTrue(IncomingFile.mayHold(target));
        IncomingFile again = IncomingFile.continueAt(target, e, IncomingFile.Settings.DEFAULT);
        assertEquals(data.length, again.heldBytes(), "the verified file counts as received");
        assertEquals(target, again.finish());
        Files.writeString(target, "the user's own text since");
        assertNull(IncomingFile.continueAt(target, e, IncomingFile.Settings.DEFAULT), "to be placed afresh");
        assertEquals("the user's own text since", Files.readString(target));
    }

    @Test
    void aFinishedFileReceivedAgainBesideItselfIsKeptWhenTheBytesAreTheSame() throws Exception {
        byte[] data = content(5_000, 15);
        Entry e = entryFor("twice.bin", data);
        Path target = reserve(e);
        IncomingFile first = IncomingFile.start(target, e);
        first.write(0, ByteBuffer.wrap(data));
        first.finish();
        IncomingFile second = IncomingFile.start(target, e); // sent again from 0 (an answer lists at most 4,096)
        second.write(0, ByteBuffer.wrap(data));
        assertEquals(target, second.finish());
        assertArrayEquals(data, Files.readAllBytes(target));
        try (var s = Files.list(dir)) {
            assertEquals(List.of(target), s.toList());
        }
    }

    @Test
    void longNamesGetDistinctTemporaryFiles() {
        Path a = dir.resolve("x".repeat(250) + "1.bin");
        Path b = dir.resolve("x".repeat(250) + "2.bin");
        assertFalse(IncomingFile.partPath(a).equals(IncomingFile.partPath(b)));
        assertTrue(SafeName.utf8Length(IncomingFile.partPath(a).getFileName().toString()) <= 255);
        assertEquals(dir.resolve(".a.txt.lanchat-part"), IncomingFile.partPath(dir.resolve("a.txt")));
    }

    @Test
    void aCheckpointCommittedOnAnotherThreadIsWhereAResumeAfterAKillContinues() throws Exception {
        byte[] data = content(3_000_000, 41);
        Entry e = entryFor("checkpointed.bin", data);
        Path target = reserve(e);
        IncomingFile in = IncomingFile.start(target, e, syncEvery(Long.MAX_VALUE));
        for (int at = 0; at < 2_000_000; at += CHUNK) {
            writeChunk(in, data, at);
        }
        IncomingFile.Checkpoint c = in.checkpoint();
        assertEquals(2_000_400, c.prefix()); // 1,667 whole chunks
        java.util.concurrent.atomic.AtomicBoolean committed = new java.util.concurrent.atomic.AtomicBoolean();
        Thread other = new Thread(() -> committed.set(c.commit()), "file thread");
        other.start();
        for (int at = 2_000_400; at < 2_600_000; at += CHUNK) {
            writeChunk(in, data, at); // the writer goes on meanwhile
        }
        other.join(10_000);
        assertTrue(committed.get());
        assertEquals(2_000_400, in.heldBytes());
        in.closeWithoutSync(); // a kill: nothing more is synced
        IncomingFile again = IncomingFile.resume(target, e);
        assertEquals(2_000_400, again.heldBytes());
        for (int at = 2_000_400; at < data.length; at += CHUNK) {
            writeChunk(again, data, at);
        }
        assertEquals(target, again.finish());
        assertArrayEquals(data, Files.readAllBytes(target));
    }

    @Test
    void anOlderCheckpointNeverLowersWhatTheSidecarVouchesFor() throws Exception {
        byte[] data = content(50_000, 42);
        Entry e = entryFor("order.bin", data);
        Path target = reserve(e);
        IncomingFile in = IncomingFile.start(target, e, syncEvery(Long.MAX_VALUE));
        writeChunk(in, data, 0);
        IncomingFile.Checkpoint early = in.checkpoint();
        writeChunk(in, data, CHUNK);
        IncomingFile.Checkpoint late = in.checkpoint();
        assertTrue(late.commit());
        assertTrue(early.commit());
        assertEquals(2 * CHUNK, in.heldBytes());
        in.closeWithoutSync();
        assertEquals(2 * CHUNK, IncomingFile.resume(target, e).heldBytes());
    }
}
