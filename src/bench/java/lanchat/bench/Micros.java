package lanchat.bench;

import java.time.Instant;

/**
 * Wall-clock time in microseconds since 1970 (CLOCK_REALTIME; Instant.now() has microsecond resolution on
 * Linux). Every lab namespace shares the machine's clock, so a receive time minus a send time taken in two
 * processes is a valid one-way latency; System.nanoTime() is not comparable across processes.
 */
final class Micros {
    private Micros() {}

    static long now() {
        Instant t = Instant.now();
        return t.getEpochSecond() * 1_000_000L + t.getNano() / 1_000;
    }
}
