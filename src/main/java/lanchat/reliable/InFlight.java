package lanchat.reliable;

import lanchat.wire.StreamRecord;

/** A record the sender has handed to the stream, with its transmission history. */
final class InFlight {
    final StreamRecord record;
    long firstSent = -1;
    long lastSent;
    long lastTransmission; // local number of the DATA datagram that last carried it
    int transmissions;
    boolean sacked;
    boolean queuedForRetransmit;

    InFlight(StreamRecord record) {
        this.record = record;
    }

    boolean sent() {
        return transmissions > 0;
    }
}
