package lanchat.doctor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Whatever the facts, the report keeps its promises: every check answers, fixes exist, exit code matches. */
class RandomFactsTest {
    private static final InterfaceKind[] KINDS = InterfaceKind.values();

    static LongStream seeds() {
        return LongStream.range(0, 300).map(i -> 0x5EED_0000L + i);
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void everyReportKeepsItsPromises(long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        Facts facts = randomFacts(r);
        Report report = Diagnosis.of(facts);
        String context = "seed " + seed + ": " + facts;
        assertEquals(7, report.results().size(), context);
        for (CheckResult result : report.results()) {
            assertFalse(result.summary().isBlank(), context);
            assertFalse(result.summary().contains("\n"), context);
            assertFalse(result.summary().contains("null"), result.summary() + " / " + context);
            if (result.verdict() != Verdict.OK) {
                assertNotNull(result.fix(), context);
                assertFalse(result.fix().contains("\n"), context);
            }
        }
        boolean problem = report.results().stream().anyMatch(c -> c.verdict() == Verdict.PROBLEM);
        assertEquals(problem ? 1 : 0, report.exitCode(), context);
        if (facts.exchange().socketsOpen() && facts.exchange().selfUnicast() == SelfTest.LOST
                && facts.exchange().sendError() == null) {
            assertEquals(Verdict.PROBLEM, report.result("firewall").verdict(), "lost unicast is a firewall: " + context);
        }
        if (!facts.exchange().remotePeers().isEmpty()) {
            assertEquals(Verdict.OK, report.result("peers").verdict(), "a remote peer was seen: " + context);
        }
        assertTrue(ReportText.lines(report).size() >= 9, context);
    }

    private static Facts randomFacts(SplittableRandom r) {
        List<InterfaceInfo> interfaces = new ArrayList<>();
        int n = 1 + r.nextInt(5);
        for (int i = 0; i < n; i++) {
            InterfaceKind kind = KINDS[r.nextInt(KINDS.length)];
            boolean hasIp = r.nextInt(5) > 0;
            interfaces.add(new InterfaceInfo("if" + i, hasIp ? "10.0." + i + ".2" : null, hasIp ? "10.0." + i + ".0/24" : null,
                    hasIp && r.nextBoolean(), kind));
        }
        InterfaceInfo chosen = interfaces.get(r.nextInt(n));
        Optional<String> route = r.nextBoolean() ? Optional.of(interfaces.get(r.nextInt(n)).name())
                : r.nextBoolean() ? Optional.of("ppp9") : Optional.empty();
        InterfaceSurvey survey = new InterfaceSurvey(interfaces, route, chosen, r.nextBoolean());
        List<PeerSeen> peers = new ArrayList<>();
        for (int i = r.nextInt(4); i > 0; i--) {
            peers.add(new PeerSeen("p" + i, "10.0.0." + i, 1000 + i, i, r.nextBoolean(), r.nextBoolean(),
                    r.nextBoolean()));
        }
        String[] errors = {null, null, null, "Address already in use", "Operation not permitted"};
        String unicastError = errors[r.nextInt(errors.length)];
        String bindError = errors[r.nextInt(errors.length)];
        String joinError = errors[r.nextInt(errors.length)];
        String sendError = errors[r.nextInt(errors.length)];
        // Shaped like NetworkProbe's answers: the first socket failure ends the exchange before anything is sent.
        Exchange x;
        if (unicastError != null || bindError != null || joinError != null) {
            String bind = unicastError == null ? bindError : null;
            String join = unicastError == null && bindError == null ? joinError : null;
            x = new Exchange(unicastError, bind, join, 0, SelfTest.NOT_RUN, null, -1, List.of(), 0, false, 0);
        } else {
            SelfTest self = r.nextBoolean() ? SelfTest.ARRIVED : SelfTest.LOST;
            long echo = sendError == null && r.nextBoolean() ? r.nextInt(100) : -1;
            x = new Exchange(null, null, null, 1 + r.nextInt(65_535), self, sendError, echo, peers, r.nextInt(3),
                    r.nextBoolean(), 1500);
        }
        boolean defaults = r.nextBoolean();
        return new Facts(survey, defaults ? "239.255.76.67" : "239.1.2.3", defaults ? 7667 : 5000, defaults, x);
    }
}
