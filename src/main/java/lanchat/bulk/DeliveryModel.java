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
    private static final double LOSS_AVERAGE_PACKETS = 256;
    /** A round losing this share more than the random loss is taken as congestion. */
    private static final double EXCESS_LOSS = 0.05;
    private static final double STARTUP_EXCESS_LOSS = 0.25;
    /** How far the guard cuts below what was in flight (BBRv2's beta). */
    private static final double GUARD_BETA = 0.7;
    private static final double MIN_RATE = 64 * 1024;
    /** Beyond this share of loss the rate is not raised further: something is broken, not just noisy. */
    private static final double MAX_COMPENSATED_LOSS = 0.5;

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
    /**
     * Share lost of the packets sent in the 0.75 phase, a moving average over about the last 256 of them.
     * Sent below the path's rate, they meet no queue: what they lose is random loss, not congestion.
     */
    private double randomLoss;
    /** Packets acknowledged and lost in the current round, for the congestion guard. */
    private int ackedInRound;
    private int lostInRound;
    /**
     * The congestion guard (after BBRv2's inflight_hi): a round that loses clearly more than the random loss
     * means the path is full; the window is then held below what was in flight, and grows back by 1/8 per
     * round without such loss.
     */
    private long inflightHigh = Long.MAX_VALUE;
    /** The same guard on the rate: bytes/s, or infinity when not engaged. */
    private double rateHigh = Double.POSITIVE_INFINITY;

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
        return new SentPacket(number, offset, length, now, delivered, deliveredTime, firstSentTime, appLimited,
                belowRate());
    }

    /** A packet acknowledged for the first time; {@code sample} whether it may make a rate sample. */
    void acked(SentPacket p, long now, boolean sample) {
        delivered += p.length;
        deliveredTime = now;
        if (p.deliveredAtSend >= nextRoundDelivered) {
            endRound();
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
        // Random loss (interference, a lossy port) is no sign of a full path: the path carried what was sent,
        // so the rate it takes is what arrived over the share that arrives.
        rate /= 1 - Math.min(MAX_COMPENSATED_LOSS, randomLoss);
        if (p.appLimited && rate < bandwidth()) {
            return; // the sender ran out of data: the path could have done more
        }
        int slot = (int) (round % BANDWIDTH_ROUNDS);
        roundMax[slot] = Math.max(roundMax[slot], rate);
    }

    void rtt(long rtt) {
        minRtt = Math.min(minRtt, rtt);
    }

    /** Whether a packet leaving now is sent below the estimated rate (the 0.75 phase). */
    boolean belowRate() {
        return mode == Mode.DRAIN || mode == Mode.PROBE_BW && CYCLE[cycleIndex] < 1;
    }

    private void endRound() {
        int total = ackedInRound + lostInRound;
        // More loss than random loss explains: beyond 5 points, and beyond three standard deviations of a
        // round's worth of random loss (a round is small on a LAN, so its share is noisy).
        double noise = 3 * Math.sqrt(randomLoss * (1 - randomLoss) / Math.max(1, total));
        double excess = mode == Mode.STARTUP ? STARTUP_EXCESS_LOSS : Math.max(EXCESS_LOSS, noise);
        if (total >= 8 && lostInRound > (randomLoss + excess) * total) {
            inflightHigh = Math.max(4L * lanchat.wire.BulkData.BASE_PAYLOAD, (long) (window() * GUARD_BETA));
            rateHigh = Math.max(MIN_RATE, pacingRate() * GUARD_BETA);
        } else {
            if (inflightHigh != Long.MAX_VALUE) {
                inflightHigh += Math.max(inflightHigh / 8, lanchat.wire.BulkData.BASE_PAYLOAD);
                if (inflightHigh >= policy.maxInFlightBytes()) {
                    inflightHigh = Long.MAX_VALUE;
                }
            }
            rateHigh *= 1.125; // infinity stays infinity
            if (rateHigh > 4 * bandwidth() && bandwidth() > 0) {
                rateHigh = Double.POSITIVE_INFINITY;
            }
        }
        ackedInRound = 0;
        lostInRound = 0;
    }

    void packetAcked(SentPacket p) {
        ackedInRound++;
        if (p.belowRate) {
            randomLoss -= randomLoss / LOSS_AVERAGE_PACKETS;
        }
    }

    void packetLost(SentPacket p) {
        lostInRound++;
        if (p.belowRate) {
            randomLoss += (1 - randomLoss) / LOSS_AVERAGE_PACKETS;
        }
    }

    double randomLoss() {
        return randomLoss;
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
        return Math.max(Math.min(rateHigh, gain * bw), Math.min(rateHigh, 2.0 * lanchat.wire.BulkData.BASE_PAYLOAD * 1e9 / rttForModel()));
    }

    /** The congestion window in bytes: what may be in flight. */
    long window() {
        if (bandwidth() == 0) {
            return policy.minWindowBytes();
        }
        long w = product(mode == Mode.STARTUP ? HIGH_GAIN : CWND_GAIN);
        return Math.min(inflightHigh, Math.max(policy.minWindowBytes(), Math.min(policy.maxInFlightBytes(), w)));
    }

    Mode mode() {
        return mode;
    }

    private long product(double gain) {
        return (long) (gain * bandwidth() * rttForModel() / 1e9);
    }

    /**
     * The round trip the window and the rate floor are reckoned in: the minimum RTT, but at least
     * {@value #RTT_FLOOR_NANOS} ns. What the window allows beyond the path's own product waits in the receiver's
     * socket, in front of its chat: at 1 ms the chat's p99 during a 1 GiB transfer was more than 5 ms over its
     * idle p99 in 9 runs of 12, at 0.75 ms in 8 of 24, at the same file rates; at 0.5 ms the transfer fell to
     * 0.68 of raw UDP in one run (decisions.md, "The window's round-trip floor").
     */
    private long rttForModel() {
        return minRtt == Long.MAX_VALUE ? RttEstimator.INITIAL_NANOS : Math.max(minRtt, RTT_FLOOR_NANOS);
    }

    static final long RTT_FLOOR_NANOS = 750_000L;
}
