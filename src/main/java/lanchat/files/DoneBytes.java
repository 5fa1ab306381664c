package lanchat.files;

/**
 * How many bytes of each file of an offer are done, and their sum, kept up to date as they change: progress
 * comes per datagram, and summing an offer of 10,000 files at each one cost the loop more than the files did.
 */
public final class DoneBytes {
    private final long[] done;
    private long total;

    public DoneBytes(int files) {
        this.done = new long[files];
    }

    public void set(int file, long bytes) {
        total += bytes - done[file];
        done[file] = bytes;
    }

    public long get(int file) {
        return done[file];
    }

    public int files() {
        return done.length;
    }

    public long total() {
        return total;
    }
}
