package lanchat.files;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutgoingFileTest {

    @TempDir
    Path dir;

    private SourceFile offered(String name, byte[] content) throws Exception {
        Path f = Files.write(dir.resolve(name), content);
        return Manifest.of(new OfferId(3, 4), List.of(f)).sources().get(0);
    }

    private static byte[] content(int size) {
        byte[] b = new byte[size];
        new Random(size).nextBytes(b);
        return b;
    }

    @Test
    void readsAtAnyOffsetAndStopsAtTheEnd() throws Exception {
        byte[] data = content(10_000);
        try (OutgoingFile out = OutgoingFile.open(offered("a.bin", data))) {
            ByteBuffer buf = ByteBuffer.allocate(1_200);
            assertEquals(1_200, out.read(4_000, buf));
            assertArrayEquals(java.util.Arrays.copyOfRange(data, 4_000, 5_200), buf.array());
            buf.clear();
            assertEquals(400, out.read(9_600, buf));
            assertEquals(400, buf.position());
            assertEquals(0, out.read(10_000, buf.clear()));
            assertEquals(FilesException.Kind.OUT_OF_RANGE,
                    assertThrows(FilesException.class, () -> out.read(10_001, ByteBuffer.allocate(1))).kind());
        }
    }

    /**
     * A sender's pattern: mostly forward in datagram-sized steps, now and then back (a retransmission) or
     * a long read; every read must give the file's bytes, whether the read-ahead serves it or not.
     */
    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(longs = {1, 2, 3})
    void readsServedAheadAreTheFilesBytes(long seed) throws Exception {
        Random random = new Random(seed);
        byte[] data = content(300_000 + random.nextInt(1_000));
        try (OutgoingFile out = OutgoingFile.open(offered("ahead" + seed + ".bin", data))) {
            long next = 0;
            while (next < data.length) {
                long offset = next;
                int length = 1 + random.nextInt(1_096);
                int draw = random.nextInt(20);
                if (draw == 0 && next > 0) {
                    offset = random.nextInt((int) next); // a retransmission, behind the read-ahead
                } else if (draw == 1) {
                    length = OutgoingFile.READ_AHEAD_BYTES + random.nextInt(1_000); // bigger than it
                }
                ByteBuffer buf = ByteBuffer.allocate(length);
                int got = out.read(offset, buf);
                int expected = (int) Math.min(length, data.length - offset);
                assertEquals(expected, got);
                assertArrayEquals(java.util.Arrays.copyOfRange(data, (int) offset, (int) offset + got),
                        java.util.Arrays.copyOf(buf.array(), got));
                if (offset == next) {
                    next += got;
                }
            }
        }
    }

    @Test
    void aFileChangedBeforeSendingIsRefusedAtOpen() throws Exception {
        SourceFile source = offered("b.bin", content(1_000));
        Files.write(source.path(), new byte[] {1}, StandardOpenOption.APPEND);
        FilesException e = assertThrows(FilesException.class, () -> OutgoingFile.open(source));
        assertEquals(FilesException.Kind.SOURCE_CHANGED, e.kind());
        assertEquals(source.path() + " changed since it was offered (its size is now 1001 bytes, 1000 were offered);"
                + " offer it again", e.getMessage());
    }

    @Test
    void aNewerModificationTimeIsAChange() throws Exception {
        SourceFile source = offered("c.bin", content(1_000));
        Files.setLastModifiedTime(source.path(), FileTime.fromMillis(source.modifiedMillis() + 2_000));
        FilesException e = assertThrows(FilesException.class, () -> OutgoingFile.open(source));
        assertTrue(e.getMessage().contains("it was modified"));
    }

    @Test
    void aFileCutShortWhileSendingFailsTheRead() throws Exception {
        SourceFile source = offered("d.bin", content(100_000));
        try (OutgoingFile out = OutgoingFile.open(source)) {
            out.read(0, ByteBuffer.allocate(1_200));
            try (var ch = java.nio.channels.FileChannel.open(source.path(), StandardOpenOption.WRITE)) {
                ch.truncate(50_000);
            }
            // beyond the bytes already read ahead (those are what the file held; the receiver's hash is final)
            long past = OutgoingFile.READ_AHEAD_BYTES + 1_000;
            FilesException e = assertThrows(FilesException.class, () -> out.read(past, ByteBuffer.allocate(1_200)));
            assertEquals(FilesException.Kind.SOURCE_CHANGED, e.kind());
        }
    }

    @Test
    void aFileRewrittenWhileSendingIsNoticedAtTheNextCheck() throws Exception {
        int size = (int) (OutgoingFile.CHECK_EVERY_BYTES * 2);
        SourceFile source = offered("e.bin", content(size));
        try (OutgoingFile out = OutgoingFile.open(source)) {
            ByteBuffer buf = ByteBuffer.allocate(64 * 1024);
            out.read(0, buf);
            Files.setLastModifiedTime(source.path(), FileTime.fromMillis(source.modifiedMillis() + 5_000));
            long offset = buf.capacity();
            FilesException e = null;
            while (offset < size && e == null) {
                try {
                    offset += out.read(offset, buf.clear());
                } catch (FilesException x) {
                    e = x;
                }
            }
            assertTrue(e != null && e.kind() == FilesException.Kind.SOURCE_CHANGED);
            assertTrue(offset <= OutgoingFile.CHECK_EVERY_BYTES + buf.capacity(), "noticed after " + offset);
        }
    }
}
