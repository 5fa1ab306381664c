package lanchat.history;

import java.util.Arrays;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Calls whose results nobody reads, collected on one thread (the engine's loop, during one pass) and then
 * handed to {@link AsyncHistory#submitAllQuietly} in one piece: one task in the writer's queue and at most
 * one wake-up of the writer for all of them, instead of one each. Each call keeps its own failure
 * report. Not thread-safe; once handed over it belongs to the writer, and the collector starts a new one.
 */
public final class QuietCalls {
    private Function<MessageStore, ?>[] works;
    private Consumer<? super RuntimeException>[] failures;
    private int size;

    public QuietCalls() {
        this(16);
    }

    @SuppressWarnings("unchecked")
    public QuietCalls(int expected) {
        works = new Function[Math.max(1, expected)];
        failures = new Consumer[works.length];
    }

    /** Adds a call; {@code failed} hears of its failure, as with {@link AsyncHistory#submitQuietly}. */
    public void add(Function<MessageStore, ?> work, Consumer<? super RuntimeException> failed) {
        if (size == works.length) {
            works = Arrays.copyOf(works, size * 2);
            failures = Arrays.copyOf(failures, size * 2);
        }
        works[size] = work;
        failures[size] = failed;
        size++;
    }

    public int size() {
        return size;
    }

    public boolean isEmpty() {
        return size == 0;
    }

    public Function<MessageStore, ?> work(int i) {
        return works[check(i)];
    }

    public Consumer<? super RuntimeException> failed(int i) {
        return failures[check(i)];
    }

    private int check(int i) {
        if (i < 0 || i >= size) {
            throw new IndexOutOfBoundsException("call " + i + " of " + size);
        }
        return i;
    }
}
