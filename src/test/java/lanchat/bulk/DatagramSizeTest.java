package lanchat.bulk;

import static org.junit.jupiter.api.Assertions.assertEquals;

import lanchat.wire.BulkData;
import lanchat.wire.PeerRef;
import org.junit.jupiter.api.Test;

/** Path size probing (RFC 8899 over bulk data): which sizes are tried, when, and what an outcome changes. */
class DatagramSizeTest {
    static final int JUMBO = BulkData.payloadOf(8_972);
    static final int ETHERNET = BulkData.payloadOf(1_472);
    static final long MINUTE = 60_000_000_000L;

    private final OutgoingTransfer prober = transfer();

    private static OutgoingTransfer transfer() {
        return new OutgoingTransfer(new PeerRef(2, 2), 1, Pattern.source(10), 0, 10, new Pattern.Outcome(),
                BulkPolicy.DEFAULTS, new SendPath(BulkPolicy.DEFAULTS.withMaxDatagramBytes(1_200)), 0);
    }

    @Test
    void aJumboLinkTriesItsOwnSizeThenEthernetsThreeTimesEachThenWaitsAMinute() {
        DatagramSize d = new DatagramSize(8_972);
        assertEquals(BulkData.BASE_PAYLOAD, d.payload(), "1,200 bytes until a probe arrives");
        for (int size : new int[] {JUMBO, ETHERNET}) {
            for (int i = 0; i < DatagramSize.MAX_PROBES; i++) {
                assertEquals(size, d.probeWanted(0));
                d.probeSent(prober);
                assertEquals(0, d.probeWanted(0), "one probe at a time");
                d.probeLost(10);
            }
        }
        assertEquals(0, d.probeWanted(10 + MINUTE - 1), "gave up for a minute");
        assertEquals(JUMBO, d.probeWanted(10 + MINUTE), "and then from the top again");
        assertEquals(BulkData.BASE_PAYLOAD, d.payload());
        assertEquals(6, d.probesLost);
    }

    @Test
    void anAcknowledgedProbeIsTheNewSizeAndALargerOneIsTriedAgainLater() {
        DatagramSize d = new DatagramSize(8_972);
        for (int i = 0; i < DatagramSize.MAX_PROBES; i++) {
            d.probeWanted(0);
            d.probeSent(prober);
            d.probeLost(0);
        }
        assertEquals(ETHERNET, d.probeWanted(0));
        d.probeSent(prober);
        d.probeAcked(ETHERNET, 5);
        assertEquals(ETHERNET, d.payload());
        assertEquals(0, d.probeWanted(5 + MINUTE - 1));
        assertEquals(JUMBO, d.probeWanted(5 + MINUTE), "only sizes above what works");
    }

    @Test
    void anEthernetLinkHasOneCandidateAndASmallLinkNone() {
        DatagramSize ethernet = new DatagramSize(1_472);
        assertEquals(ETHERNET, ethernet.probeWanted(0));
        ethernet.probeSent(prober);
        ethernet.probeAcked(ETHERNET, 0);
        assertEquals(ETHERNET, ethernet.payload());
        assertEquals(0, ethernet.probeWanted(Long.MAX_VALUE / 2), "the largest works: nothing to raise");
        assertEquals(0, new DatagramSize(1_200).probeWanted(0));
    }

    @Test
    void aBlackHoleGoesBackToTheBaseAndProbesAgainAMinuteLater() {
        DatagramSize d = new DatagramSize(1_472);
        d.probeWanted(0);
        d.probeSent(prober);
        d.probeAcked(ETHERNET, 0);
        d.blackHole(100);
        assertEquals(BulkData.BASE_PAYLOAD, d.payload());
        assertEquals(0, d.probeWanted(100 + MINUTE - 1));
        assertEquals(ETHERNET, d.probeWanted(100 + MINUTE));
    }

    @Test
    void aProbeWhoseTransferEndedIsGivenUpWithoutCountingAsATry() {
        DatagramSize d = new DatagramSize(1_472);
        OutgoingTransfer t = transfer();
        d.probeWanted(0);
        d.probeSent(t);
        assertEquals(0, d.probeWanted(0));
        t.fail("cancelled");
        assertEquals(ETHERNET, d.probeWanted(0), "another transfer may probe");
        assertEquals(0, d.probesLost);
    }
}
