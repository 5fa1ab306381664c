package lanchat.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The disk's own pace for a folder of small files, as a baseline in the same run: a plain copy, one file after
 * another, into a new folder on the same file system. How fast files can be created there moves a lot with its
 * state (on this project's disk, an ext4 without a journal, creating 10,000 files right after 10,000 were
 * deleted took 5 s instead of 0.7), so a files/s figure only means something beside this one.
 */
final class LocalCopy {
    private static final java.util.List<Path> LATER = new java.util.ArrayList<>();

    private LocalCopy() {
    }

    /**
     * Deletes {@code dir} when this JVM exits rather than now: the next round would otherwise create its files
     * where these were just deleted, and measure the file system's slow path instead of the transfer.
     */
    static synchronized void deleteAtExit(Path dir) {
        if (LATER.isEmpty()) {
            Runtime.getRuntime().addShutdownHook(new Thread(LocalCopy::deleteAll));
        }
        LATER.add(dir);
    }

    private static synchronized void deleteAll() {
        for (Path dir : LATER) {
            try {
                FileTransferWorkload.deleteTree(dir);
            } catch (IOException e) {
                System.err.println("bench: could not delete " + dir + ": " + e.getMessage());
            }
        }
    }

    /** Copies every file of {@code source} into the new folder {@code target}; returns files per second. */
    static double filesPerSecond(Path source, Path target) throws IOException {
        Files.createDirectories(target);
        List<Path> files;
        try (var s = Files.list(source)) {
            files = s.sorted().toList();
        }
        long start = System.nanoTime();
        for (Path f : files) {
            Files.copy(f, target.resolve(f.getFileName()));
        }
        return files.size() / ((System.nanoTime() - start) / 1e9);
    }
}
