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
            FilesException e = assertThrows(FilesException.class, () -> out.read(60_000, ByteBuffer.allocate(1_200)));
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
