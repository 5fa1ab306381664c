package lanchat.history;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Calls whose results nobody reads, collected on one thread (the engine's loop, during one pass) and then
 * handed to {@link AsyncHistory#submitAllQuietly} in one piece: one task in the writer's queue and at most
 * one wake-up of the writer for all of them, instead of one each. Each call keeps its own failure
 * report. Not thread-safe; once handed over it belongs to the writer. A collector either starts a new one
 * for each pass or keeps one and hands over {@link #takeAll}'s copy.
 *
 * <p>The two calls of every chat line, its save and its delivery, are kept as plain values in columns
 * (the id's two halves, a time, the text's UTF-8 bytes in one shared array) and become a {@link NewMessage}
 * and a function only on the writer, in {@link #work}. A burst's lines wait in the queue until the burst
 * is over; kept as objects each (the event, its id, its text and the function over them) they were what the
 * collector copied again and again during the burst (docs/decisions.md, "Lines wait as columns").
 */
public final class QuietCalls {
    private static final byte CALL = 0;
    private static final byte SAVE = 1;
    private static final byte DELIVERED = 2;
    private static final byte OUT = 1;
    private static final byte AUTOMATIC = 2;
    private static final HexFormat HEX = HexFormat.of();

    private byte[] kinds;
    /** A call's function; null in a column row. */
    private Function<MessageStore, ?>[] works;
    private Consumer<? super RuntimeException>[] failures;
    private long[] idHighs;
    private long[] idLows;
    /** A save's sentAt, a delivery's time, in epoch milliseconds. */
    private long[] millis;
    private ConversationKey[] conversations;
    private String[] senders;
    private int[] recipients;
    private byte[] flags;
    /** Where each save's text ends in {@link #texts}; it starts where the row before it ended. */
    private int[] textEnds;
    private byte[] texts;
    private int textBytes;
    private int size;

    public QuietCalls() {
        this(16, 1_024);
    }

    public QuietCalls(int expected) {
        this(expected, 64 * expected);
    }

    /** Room for {@code expected} calls and {@code expectedTextBytes} of text before anything grows. */
    @SuppressWarnings("unchecked")
    public QuietCalls(int expected, int expectedTextBytes) {
        int rows = Math.max(1, expected);
        kinds = new byte[rows];
        works = new Function[rows];
        failures = new Consumer[rows];
        idHighs = new long[rows];
        idLows = new long[rows];
        millis = new long[rows];
        conversations = new ConversationKey[rows];
        senders = new String[rows];
        recipients = new int[rows];
        flags = new byte[rows];
        textEnds = new int[rows];
        texts = new byte[Math.max(16, expectedTextBytes)];
    }

    /** Adds a call; {@code failed} hears of its failure, as with {@link AsyncHistory#submitQuietly}. */
    public void add(Function<MessageStore, ?> work, Consumer<? super RuntimeException> failed) {
        int row = next(CALL, failed);
        works[row] = work;
    }

    /**
     * Adds the save of a line, as {@code store.save(new NewMessage(...))} with the id written as 32 hex
     * digits (high half first), the time as an instant; checked on the writer, where a bad value fails
     * this call alone.
     */
    public void addSave(long idHigh, long idLow, ConversationKey conversation, String senderKey, long sentAtMillis,
            Direction direction, String text, int recipientCount, boolean automatic,
            Consumer<? super RuntimeException> failed) {
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        if (texts.length - textBytes < utf8.length) {
            texts = Arrays.copyOf(texts, Math.max(texts.length * 2, textBytes + utf8.length));
        }
        System.arraycopy(utf8, 0, texts, textBytes, utf8.length);
        textBytes += utf8.length;
        int row = next(SAVE, failed);
        idHighs[row] = idHigh;
        idLows[row] = idLow;
        millis[row] = sentAtMillis;
        conversations[row] = conversation;
        senders[row] = senderKey;
        recipients[row] = recipientCount;
        flags[row] = (byte) ((direction == Direction.OUT ? OUT : 0) | (automatic ? AUTOMATIC : 0));
    }

    /** Adds {@code store.delivered(id, at)}, the id as in {@link #addSave}. */
    public void addDelivered(long idHigh, long idLow, long atMillis, Consumer<? super RuntimeException> failed) {
        int row = next(DELIVERED, failed);
        idHighs[row] = idHigh;
        idLows[row] = idLow;
        millis[row] = atMillis;
    }

    private int next(byte kind, Consumer<? super RuntimeException> failed) {
        if (size == kinds.length) {
            grow(Math.max(16, size * 2));
        }
        int row = size++;
        kinds[row] = kind;
        failures[row] = failed;
        textEnds[row] = textBytes;
        return row;
    }

    private void grow(int rows) {
        copyColumns(this, rows);
    }

    /** Every column but the text, from {@code from}'s, as new arrays of {@code rows}. */
    private void copyColumns(QuietCalls from, int rows) {
        kinds = Arrays.copyOf(from.kinds, rows);
        works = Arrays.copyOf(from.works, rows);
        failures = Arrays.copyOf(from.failures, rows);
        idHighs = Arrays.copyOf(from.idHighs, rows);
        idLows = Arrays.copyOf(from.idLows, rows);
        millis = Arrays.copyOf(from.millis, rows);
        conversations = Arrays.copyOf(from.conversations, rows);
        senders = Arrays.copyOf(from.senders, rows);
        recipients = Arrays.copyOf(from.recipients, rows);
        flags = Arrays.copyOf(from.flags, rows);
        textEnds = Arrays.copyOf(from.textEnds, rows);
    }

    /**
     * What was added, as a new instance whose columns are cut to size, for the writer; this one is empty
     * again and keeps its room. A collector that uses one instance for every pass grows it to its largest
     * pass once, copies each pass out exactly once, and hands over nothing it did not use (a pass waits in
     * the queue until the burst is over, and unused room would wait with it).
     */
    public QuietCalls takeAll() {
        QuietCalls taken = new QuietCalls(this);
        Arrays.fill(works, 0, size, null);
        Arrays.fill(failures, 0, size, null);
        Arrays.fill(conversations, 0, size, null);
        Arrays.fill(senders, 0, size, null);
        size = 0;
        textBytes = 0;
        if (texts.length > MAX_KEPT_TEXT_BYTES) {
            texts = new byte[MAX_KEPT_TEXT_BYTES]; // a pass of long lines does not keep its room forever
        }
        return taken;
    }

    /** Text room a collector keeps between passes: about 2,600 lines of 100 bytes. */
    static final int MAX_KEPT_TEXT_BYTES = 1 << 18;

    private QuietCalls(QuietCalls from) {
        size = from.size;
        textBytes = from.textBytes;
        copyColumns(from, size);
        texts = Arrays.copyOf(from.texts, textBytes);
    }

    public int size() {
        return size;
    }

    public boolean isEmpty() {
        return size == 0;
    }

    /**
     * The call at {@code i}. A column row's function is made now (on the writer), its message when it runs,
     * so that a bad value fails that call where the writer catches failures.
     */
    public Function<MessageStore, ?> work(int i) {
        return switch (kinds[check(i)]) {
            case SAVE -> s -> s.save(message(i));
            case DELIVERED -> s -> s.delivered(id(i), Instant.ofEpochMilli(millis[i]));
            default -> works[i];
        };
    }

    public Consumer<? super RuntimeException> failed(int i) {
        return failures[check(i)];
    }

    private NewMessage message(int i) {
        int from = i == 0 ? 0 : textEnds[i - 1];
        String text = new String(texts, from, textEnds[i] - from, StandardCharsets.UTF_8);
        Direction direction = (flags[i] & OUT) != 0 ? Direction.OUT : Direction.IN;
        return new NewMessage(id(i), conversations[i], senders[i], Instant.ofEpochMilli(millis[i]), direction, text,
                recipients[i], (flags[i] & AUTOMATIC) != 0);
    }

    private String id(int i) {
        return HEX.toHexDigits(idHighs[i]) + HEX.toHexDigits(idLows[i]);
    }

    private int check(int i) {
        if (i < 0 || i >= size) {
            throw new IndexOutOfBoundsException("call " + i + " of " + size);
        }
        return i;
    }
}
