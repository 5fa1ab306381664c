package lanchat.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The lab itself, without lanchat: isolation, multicast across the bridge, loss, and a clean teardown. */
@Tag("lab")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class NetlabIT {
    private static final String GROUP = "239.77.0.99";
    private static final String PORT = "45999";
    private static final Duration START = Duration.ofSeconds(30);

    @RegisterExtension
    static final LabFixture LAB = LabFixture.withoutLanchat(3);

    @Test
    @Order(1)
    void hostsHaveOnlyLoopbackAndTheirVethAndNoWayOut() {
        for (int h = 1; h <= 3; h++) {
            String ns = LAB.lab().namespace(h);
            Cmd.Result links = Cmd.run(List.of("ip", "-n", ns, "-o", "link", "show"));
            List<String> names = Arrays.stream(links.output().split("\n")).filter(l -> !l.isBlank())
                    .map(l -> l.split(":")[1].trim().replaceAll("@.*", "")).collect(Collectors.toList());
            assertEquals(List.of("lo", Lab.INTERFACE), names, links.output());
            Cmd.Result addr = Cmd.run(List.of("ip", "-n", ns, "-4", "-o", "addr", "show", "dev", Lab.INTERFACE));
            assertTrue(addr.output().contains(LAB.lab().address(h) + "/24"), addr.output());
            Cmd.Result off = Cmd.run(List.of("ip", "-n", ns, "route", "get", "192.0.2.1"));
            assertNotEquals(0, off.code(), "a lab host must have no route off the lab: " + off.output());
        }
        Cmd.Result root = Cmd.run(List.of("ip", "-o", "link", "show"));
        assertFalse(root.output().contains("lcl"), "nothing of the lab may live in the root namespace: "
                + root.output());
    }

    @Test
    @Order(2)
    void multicastCrossesTheBridgeToEveryHost() throws IOException {
        List<Long> counts = multicast(200);
        assertEquals(List.of(200L, 200L), counts);
    }

    @Test
    @Order(3)
    void lossDropsAboutThatShareOfArrivingDatagrams() throws IOException {
        LAB.lab().loss(2, 50);
        try {
            List<Long> counts = multicast(1000);
            assertTrue(counts.get(0) >= 350 && counts.get(0) <= 650, "h2 at 50% loss received " + counts.get(0));
            assertEquals(1000L, counts.get(1), "h3 has no loss");
        } finally {
            LAB.lab().loss(2, 0);
        }
    }

    @Test
    @Order(4)
    void downRemovesEverything() {
        LAB.lab().close();
        Cmd.Result ns = Cmd.run(List.of("ip", "netns", "list"));
        assertFalse(ns.output().contains("lcl-"), ns.output());
    }

    /** h1 sends {@code count} datagrams to the group; returns how many h2 and h3 received. */
    private static List<Long> multicast(int count) throws IOException {
        List<LabPeer> receivers = new ArrayList<>();
        try {
            for (int h = 2; h <= 3; h++) {
                LabPeer r = LabPeer.startHelper(LAB.lab(), h, "recv-h" + h, LabProbe.class, "recv", GROUP, PORT,
                        Lab.INTERFACE, String.valueOf(count), "20");
                receivers.add(r);
                r.await("listening", e -> e.is("listening"), START);
            }
            try (LabPeer sender = LabPeer.startHelper(LAB.lab(), 1, "send-h1", LabProbe.class, "send", GROUP, PORT,
                    Lab.INTERFACE, String.valueOf(count))) {
                sender.await("sent", e -> e.is("sent"), START);
            }
            List<Long> counts = new ArrayList<>();
            for (LabPeer r : receivers) {
                counts.add(r.await("received", e -> e.is("received"), START).num("count"));
            }
            return counts;
        } finally {
            receivers.forEach(LabPeer::close);
        }
    }
}
