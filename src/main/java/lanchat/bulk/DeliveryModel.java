package lanchat.bulk;

/**
 * Congestion control for a LAN, after BBR (v1): the path is modelled by its bottleneck bandwidth (the
 * highest delivery rate of the last ten round trips) and its minimum RTT; the sender paces at a gain times
 * that bandwidth and keeps at most a gain times the bandwidth-delay product in flight. Loss is not a
 * signal here: random loss on a LAN or Wi-Fi lowers no rate (no halving); only a lower delivery rate
 * does, because it ages out of the max filter.
 *
 * <p>Modes: STARTUP (gain 2.885, doubling per round) until the bandwidth grew less than 25% for three
 * rounds, DRAIN (the inverse gain) until what is in flight fits the model's product, then PROBE_BW cycling
 * gains 1.25, 0.75, then 1 six times, one minimum RTT each. No PROBE_RTT: on a LAN the minimum RTT is a
 * loop pass, and queues are kept short by the pacing itself.
 */
final class DeliveryModel {
    enum Mode { STARTUP, DRAIN, PROBE_BW }

    static final double HIGH_GAIN = 2.885;
    private static final double[] CYCLE = {1.25, 0.75, 1, 1, 1, 1, 1, 1};
    private static final int BANDWIDTH_ROUNDS = 10;
    private static final double CWND_GAIN = 2;

    private final BulkPolicy policy;
    private final double[] roundMax = new double[BANDWIDTH_ROUNDS];
    private Mode mode = Mode.STARTUP;
    private long delivered;
    private long deliveredTime;
    private long firstSentTime;
    private long round;
    private long nextRoundDelivered;
    private boolean roundStarted;
    private double fullBandwidth;
    private int roundsWithoutGrowth;
    private int cycleIndex;
    private long cycleStart;
    private long minRtt = Long.MAX_VALUE;

    DeliveryModel(BulkPolicy policy) {
        this.policy = policy;
    }

    /** Before a packet leaves: an idle sender restarts its delivery interval (the draft's rule). */
    void beforeSend(long now, long bytesInFlight) {
        if (bytesInFlight == 0) {
            firstSentTime = now;
            deliveredTime = now;
        }
    }

    SentPacket sent(long number, long offset, int length, long now, boolean appLimited) {
        return new SentPacket(number, offset, length, now, delivered, deliveredTime, firstSentTime, appLimited);
    }

    /** A packet acknowledged for the first time; {@code sample} whether it may make a rate sample. */
    void acked(SentPacket p, long now, boolean sample) {
        delivered += p.length;
        deliveredTime = now;
        if (p.deliveredAtSend >= nextRoundDelivered) {
            nextRoundDelivered = delivered;
            round++;
            roundMax[(int) (round % BANDWIDTH_ROUNDS)] = 0;
            roundStarted = true;
        }
        if (!sample) {
            return;
        }
        firstSentTime = p.sentAt;
        long interval = Math.max(p.sentAt - p.firstSentAtSend, now - p.deliveredTimeAtSend);
        if (interval <= 0) {
            return;
        }
        double rate = (delivered - p.deliveredAtSend) * 1e9 / interval;
        if (p.appLimited && rate < bandwidth()) {
            return; // the sender ran out of data: the path could have done more
        }
        int slot = (int) (round % BANDWIDTH_ROUNDS);
        roundMax[slot] = Math.max(roundMax[slot], rate);
    }

    void rtt(long rtt) {
        minRtt = Math.min(minRtt, rtt);
    }

    /** After the packets of one acknowledgement: mode changes, and the gain cycle moves on. */
    void afterAck(long now, long bytesInFlight) {
        if (mode == Mode.STARTUP && roundStarted) {
            double bw = bandwidth();
            if (bw >= fullBandwidth * 1.25) {
                fullBandwidth = bw;
                roundsWithoutGrowth = 0;
            } else if (++roundsWithoutGrowth >= 3) {
                mode = Mode.DRAIN;
            }
        }
        roundStarted = false;
        if (mode == Mode.DRAIN && bytesInFlight <= product(1)) {
            mode = Mode.PROBE_BW;
            cycleIndex = 2; // start in a neutral phase
            cycleStart = now;
        }
        if (mode == Mode.PROBE_BW && now - cycleStart > rttForModel()) {
            cycleIndex = (cycleIndex + 1) % CYCLE.length;
            cycleStart = now;
        }
    }

    /** The bottleneck bandwidth estimate, bytes/s; 0 before the first sample. */
    double bandwidth() {
        double max = 0;
        for (double r : roundMax) {
            max = Math.max(max, r);
        }
        return max;
    }

    double pacingRate() {
        double bw = bandwidth();
        if (bw == 0) {
            return policy.initialRateBytesPerSecond();
        }
        double gain = switch (mode) {
            case STARTUP -> HIGH_GAIN;
            case DRAIN -> 1 / HIGH_GAIN;
            case PROBE_BW -> CYCLE[cycleIndex];
        };
        return Math.max(gain * bw, 2.0 * lanchat.wire.BulkData.MAX_PAYLOAD * 1e9 / rttForModel());
    }

    /** The congestion window in bytes: what may be in flight. */
    long window() {
        if (bandwidth() == 0) {
            return policy.minWindowBytes();
        }
        long w = product(mode == Mode.STARTUP ? HIGH_GAIN : CWND_GAIN);
        return Math.max(policy.minWindowBytes(), Math.min(policy.maxInFlightBytes(), w));
    }

    Mode mode() {
        return mode;
    }

    private long product(double gain) {
        return (long) (gain * bandwidth() * rttForModel() / 1e9);
    }

    private long rttForModel() {
        return minRtt == Long.MAX_VALUE ? RttEstimator.INITIAL_NANOS : Math.max(minRtt, RttEstimator.GRANULARITY_NANOS);
    }
}
