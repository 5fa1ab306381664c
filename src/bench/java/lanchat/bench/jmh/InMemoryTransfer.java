package lanchat.bench.jmh;

import java.util.ArrayDeque;
import java.util.List;
import java.util.SplittableRandom;
import lanchat.reliable.MessageSink;
import lanchat.reliable.Outcomes;
import lanchat.reliable.ReceiveStream;
import lanchat.reliable.SendStream;
import lanchat.wire.AckBlock;
import lanchat.wire.DropReason;
import lanchat.wire.StreamRecord;
import lanchat.wire.Wire;

/**
 * One stream's hot path without sockets or codec: a SendStream hands DATA datagrams (lists of records) to
 * a ReceiveStream over an in-memory link that drops a seeded share of datagrams in both directions, in
 * virtual time. It drives the streams the way Link does (same record budget, ack when the receiver wants
 * one) and checks that every message arrives once, in order, and is reported delivered.
 */
final class InMemoryTransfer implements MessageSink, Outcomes {
    /** The node's limit of messages awaiting an outcome (protocol.md 4.5): the sender blocks beyond it. */
    static final int OUTSTANDING = 4_096;
    /** Datagrams the receiver drains per round before it may acknowledge (its ACK_EVERY is 4). */
    static final int BATCH = 4;
    /** Virtual time per round: about 10 µs per 4 datagrams, a busy LAN receiver. */
    static final long ROUND_NANOS = 10_000L;
    private static final int EPOCH = 1;
    private static final long DELIVERY_TIMEOUT = 10_000_000_000L;
    /** Link's record budget when there is no reverse stream to acknowledge. */
    private static final int BUDGET = Wire.MAX_SEND_DATAGRAM - Wire.HEADER_BYTES - Wire.DATA_FIXED_BYTES
            - AckBlock.NONE.encodedSize() - 1;

    private final SendStream send = new SendStream(EPOCH, lanchat.reliable.StreamPolicy.DEFAULTS.withDeliveryTimeoutNanos(DELIVERY_TIMEOUT));
    private final ReceiveStream receive = new ReceiveStream(EPOCH, lanchat.reliable.StreamPolicy.DEFAULTS,
            lanchat.reliable.ByteBudget.total(Long.MAX_VALUE));
    private final ArrayDeque<List<StreamRecord>> toReceiver = new ArrayDeque<>();
    private final SplittableRandom random;
    private final int lossPercent;
    private int received;
    private int delivered;
    private long now;
    private long datagrams;
    private long dropped;

    private InMemoryTransfer(int lossPercent, long seed) {
        this.lossPercent = lossPercent;
        this.random = new SplittableRandom(seed);
    }

    /** Moves {@code messages} copies of {@code payload} across; returns the datagrams sent (both ways). */
    static long run(int messages, byte[] payload, int lossPercent, long seed) {
        InMemoryTransfer t = new InMemoryTransfer(lossPercent, seed);
        t.transfer(messages, payload);
        return t.datagrams;
    }

    private void transfer(int messages, byte[] payload) {
        int enqueued = 0;
        long rounds = 0;
        long roundLimit = 1_000L * messages; // bounded: a stuck stream throws instead of spinning
        while (delivered < messages) {
            if (++rounds > roundLimit) {
                throw new IllegalStateException("no progress: " + delivered + " of " + messages + " delivered");
            }
            while (enqueued < messages && enqueued - delivered < OUTSTANDING) {
                send.enqueue(enqueued++, false, payload, Wire.MAX_FRAGMENT_BYTES);
            }
            sendDue();
            receiveBatch();
            advanceTime();
        }
        if (received != messages) {
            throw new IllegalStateException(received + " messages received, " + messages + " sent");
        }
    }

    /** What Link.flush does for a one-way stream: DATA while the sender has records it may send. */
    private void sendDue() {
        while (send.wantsToSend(now)) {
            List<StreamRecord> records = send.take(BUDGET, now);
            if (records.isEmpty()) {
                return;
            }
            if (!lost()) {
                toReceiver.add(records);
            }
        }
    }

    private void receiveBatch() {
        for (int i = 0; i < BATCH && !toReceiver.isEmpty(); i++) {
            receive.onRecords(toReceiver.poll(), now, this, false);
        }
        if (receive.ackWanted(now)) {
            AckBlock ack = receive.ackBlock();
            receive.ackSent();
            if (!lost()) {
                send.onAck(ack, now, this);
            }
        }
    }

    /** One round of time while datagrams are on their way; otherwise straight to the next timer. */
    private void advanceTime() {
        long next = now + ROUND_NANOS;
        if (toReceiver.isEmpty() && !send.wantsToSend(now)) {
            next = Math.max(next, earliest(send.nextDeadline(), receive.ackDeadline()));
        }
        now = next;
        long timer = send.nextDeadline();
        if (timer >= 0 && now >= timer && !send.onTimer(now)) {
            throw new IllegalStateException("stream failed: no acknowledgement within the delivery timeout");
        }
    }

    private static long earliest(long a, long b) {
        if (a < 0) {
            return b;
        }
        return b < 0 ? a : Math.min(a, b);
    }

    private boolean lost() {
        datagrams++;
        if (lossPercent > 0 && random.nextInt(100) < lossPercent) {
            dropped++;
            return true;
        }
        return false;
    }

    @Override
    public String message(int messageId, boolean room, byte[] utf8) {
        if (messageId != received) {
            throw new IllegalStateException("message " + messageId + " arrived when " + received + " was next");
        }
        received++;
        return null;
    }

    @Override
    public void discarded(DropReason reason, String detail) {
        throw new IllegalStateException("receiver discarded: " + reason.label + " " + detail);
    }

    @Override
    public void delivered(int messageId) {
        if (messageId != delivered) {
            throw new IllegalStateException("outcome for " + messageId + " when " + delivered + " was next");
        }
        delivered++;
    }

    @Override
    public void failed(int messageId, String reason) {
        throw new IllegalStateException("message " + messageId + " failed: " + reason);
    }

    long dropped() {
        return dropped;
    }
}
