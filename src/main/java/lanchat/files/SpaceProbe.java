package lanchat.files;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** How many bytes can still be written under a folder; injected so that tests can play a nearly full disk. */
@FunctionalInterface
public interface SpaceProbe {

    /** The file store's usable space, as {@link java.nio.file.FileStore#getUsableSpace()} reports it. */
    SpaceProbe FILE_STORE = folder -> Files.getFileStore(folder).getUsableSpace();

    long usableBytes(Path folder) throws IOException;
}
