package lanchat.files;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.util.Set;

/** Opens file channels; injected so that tests can hand out channels that fail like a full disk. */
@FunctionalInterface
public interface ChannelOpener {

    ChannelOpener DEFAULT = FileChannel::open;

    FileChannel open(Path path, Set<? extends OpenOption> options) throws IOException;
}
