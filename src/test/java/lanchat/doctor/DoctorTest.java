package lanchat.doctor;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The facade surveys and probes afresh on every run, and judges what they found. */
class DoctorTest {
    @Test
    void eachRunSurveysAndProbesOnce() {
        Facts facts = Scenario.wiredLan().group("239.1.2.3", 5000).peer(Scenario.remote("bob", true, true)).facts();
        AtomicInteger surveys = new AtomicInteger();
        AtomicInteger probes = new AtomicInteger();
        Doctor doctor = new Doctor(() -> {
            surveys.incrementAndGet();
            return facts.survey();
        }, () -> {
            probes.incrementAndGet();
            return facts.exchange();
        }, "239.1.2.3", 5000);
        Report first = doctor.run();
        Report second = doctor.run();
        assertEquals(2, surveys.get());
        assertEquals(2, probes.get());
        assertEquals(first, second);
        assertEquals("eth0", first.interfaceName());
        assertEquals("192.168.1.20", first.address());
        assertEquals("239.1.2.3", first.group());
        assertEquals(5000, first.port());
        assertEquals(0, first.exitCode());
    }

    @Test
    void theDefaultGroupNeedsNoRepeating() {
        Facts facts = Scenario.wiredLan().facts();
        Report report = new Doctor(facts::survey, facts::exchange, "239.255.76.67", 7667).run();
        assertEquals(Verdict.WARNING, report.result("peers").verdict());
        assertEquals(false, report.result("peers").fix().contains("--group"));
    }
}
