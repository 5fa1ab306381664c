package lanchat.doctor;

import static lanchat.doctor.Scenario.DOCKER0;
import static lanchat.doctor.Scenario.ETH0;
import static lanchat.doctor.Scenario.LO;
import static lanchat.doctor.Scenario.WG0;
import static lanchat.doctor.Scenario.WLAN0;
import static lanchat.doctor.Scenario.local;
import static lanchat.doctor.Scenario.remote;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The verdicts for the situations the README lists as causes of "nobody appears". */
class DiagnosisTest {
    private static final List<String> ORDER =
            List.of("interfaces", "ports", "multicast", "peers", "firewall", "vpn", "wifi");

    private static void assertVerdicts(Report report, Verdict... verdicts) {
        assertEquals(ORDER, report.results().stream().map(CheckResult::id).toList());
        for (int i = 0; i < verdicts.length; i++) {
            CheckResult r = report.results().get(i);
            assertEquals(verdicts[i], r.verdict(), r.id() + ": " + r.summary());
        }
    }

    private static void assertMentions(CheckResult result, String text) {
        String all = result.summary() + " | " + result.fix();
        assertTrue(all.contains(text), result.id() + " should mention '" + text + "': " + all);
    }

    @Test
    void aHealthyLanWithOnePeerIsAllOk() {
        Report report = Scenario.wiredLan().peer(remote("bob", true, true)).report();
        assertVerdicts(report, Verdict.OK, Verdict.OK, Verdict.OK, Verdict.OK, Verdict.OK, Verdict.OK, Verdict.OK);
        assertEquals(0, report.exitCode());
        CheckResult peers = report.result("peers");
        assertMentions(peers, "bob (192.168.1.33)");
        assertEquals("bob", peers.peers().get(0).name());
        assertMentions(report.result("interfaces"), "default route");
    }

    @Test
    void nobodyRunningIsAWarningNotAProblem() {
        Report report = Scenario.wiredLan().report();
        assertVerdicts(report, Verdict.OK, Verdict.OK, Verdict.OK, Verdict.WARNING, Verdict.OK, Verdict.OK, Verdict.OK);
        assertEquals(0, report.exitCode());
        assertMentions(report.result("peers"), "another machine");
    }

    @Test
    void aNonDefaultGroupIsRepeatedInTheFix() {
        Report report = Scenario.wiredLan().group("239.1.2.3", 5000).report();
        assertMentions(report.result("peers"), "--group 239.1.2.3 --port 5000");
        assertTrue(!Scenario.wiredLan().report().result("peers").fix().contains("--group"));
    }

    @Test
    void aGroupPortHeldByAnotherProgramIsAProblemAndTheRestIsNotTested() {
        Report report = Scenario.wiredLan().groupPortHeld().report();
        assertVerdicts(report, Verdict.OK, Verdict.PROBLEM, Verdict.WARNING, Verdict.WARNING, Verdict.WARNING);
        assertEquals(1, report.exitCode());
        assertMentions(report.result("ports"), "--port");
        assertMentions(report.result("ports"), "ss -ulpn");
        assertMentions(report.result("multicast"), "not tested");
    }

    @Test
    void joinAndUnicastFailuresAreProblemsOfThePorts() {
        assertMentions(Scenario.wiredLan().joinFails().report().result("ports"), "cannot join the group");
        CheckResult unicast = Scenario.wiredLan().unicastFails().report().result("ports");
        assertEquals(Verdict.PROBLEM, unicast.verdict());
        assertMentions(unicast, "--interface");
    }

    @Test
    void noMulticastRouteIsAMulticastProblemWithTheRouteFix() {
        Report report = Scenario.wiredLan().sendFails("Network is unreachable").report();
        assertEquals(Verdict.PROBLEM, report.result("multicast").verdict());
        assertMentions(report.result("multicast"), "ip route add 224.0.0.0/4 dev eth0");
        assertEquals(Verdict.WARNING, report.result("firewall").verdict());
    }

    @Test
    void aSendRefusedByTheLocalFirewallBlamesTheFirewall() {
        Report report = Scenario.wiredLan().sendFails("Operation not permitted").report();
        assertEquals(Verdict.PROBLEM, report.result("multicast").verdict());
        assertEquals(Verdict.PROBLEM, report.result("firewall").verdict());
        assertMentions(report.result("firewall"), "outgoing");
    }

    @Test
    void inboundUdpDroppedHere() {
        Report report = Scenario.wiredLan().noEcho().selfUnicastLost().report();
        assertEquals(Verdict.PROBLEM, report.result("multicast").verdict());
        CheckResult firewall = report.result("firewall");
        assertEquals(Verdict.PROBLEM, firewall.verdict());
        assertMentions(firewall, "inbound UDP is dropped");
        assertMentions(firewall, "sudo ufw allow from 192.168.1.0/24 proto udp");
        assertEquals(1, report.exitCode());
    }

    @Test
    void multicastBlockedHereWhileUnicastAnswersArrive() {
        Report report = Scenario.wiredLan().noEcho().peer(remote("bob", true, false)).report();
        assertEquals(Verdict.PROBLEM, report.result("multicast").verdict());
        assertEquals(Verdict.OK, report.result("peers").verdict());
        CheckResult firewall = report.result("firewall");
        assertEquals(Verdict.PROBLEM, firewall.verdict());
        assertMentions(firewall, "inbound multicast is dropped");
        assertMentions(firewall, "lose them");
        assertMentions(firewall, "7667/udp");
    }

    @Test
    void heartbeatsArriveButNoUnicastAnswerIsAUnicastFirewall() {
        Report report = Scenario.wiredLan().peer(remote("bob", false, true)).report();
        CheckResult firewall = report.result("firewall");
        assertEquals(Verdict.PROBLEM, firewall.verdict());
        assertMentions(firewall, "inbound unicast UDP is dropped");
        assertMentions(firewall, "bob's machine");
        assertEquals(Verdict.OK, report.result("peers").verdict(), "bob is seen, so somebody appears");
        assertTrue(report.result("peers").details().get(0).contains("did not answer"));
    }

    @Test
    void anAnswerWithoutHeartbeatsMeansMulticastIsFilteredOnTheWay() {
        Report report = Scenario.wiredLan().peer(remote("bob", true, false)).report();
        CheckResult firewall = report.result("firewall");
        assertEquals(Verdict.PROBLEM, firewall.verdict());
        assertMentions(firewall, "bob answered by unicast");
    }

    @Test
    void loopbackAsAskedIsOkAndPeersOnThisMachineCount() {
        Report report = Scenario.wiredLan().chosenByUser(LO).peer(local("bob")).report();
        assertEquals(Verdict.OK, report.result("interfaces").verdict());
        assertMentions(report.result("interfaces"), "only peers on this machine");
        assertEquals(Verdict.OK, report.result("peers").verdict());
        assertMentions(report.result("peers"), "1 peer on this machine");
        assertEquals(0, report.exitCode());
        assertMentions(Scenario.wiredLan().chosenByUser(LO).report().result("peers"), "--interface lo");
    }

    @Test
    void loopbackAsTheOnlyChoiceIsAWarning() {
        Report report = Scenario.wiredLan().fallbackTo(LO).report();
        assertEquals(Verdict.WARNING, report.result("interfaces").verdict());
        assertMentions(report.result("interfaces"), "Connect to the LAN");
    }

    @Test
    void onlyThisMachineAnsweringOnALanIsAWarning() {
        Report report = Scenario.wiredLan().peer(local("bob")).report();
        assertEquals(Verdict.WARNING, report.result("peers").verdict());
        assertMentions(report.result("peers"), "only lanchat on this machine");
    }

    @Test
    void aVirtualBridgeChosenByDefaultPointsAtTheLan() {
        Report report = Scenario.wiredLan().routedVia(DOCKER0).report();
        assertEquals(Verdict.WARNING, report.result("interfaces").verdict());
        assertMentions(report.result("interfaces"), "--interface eth0");
        assertEquals(Verdict.OK, Scenario.wiredLan().chosenByUser(DOCKER0).report().result("interfaces").verdict());
    }

    @Test
    void severalLansAreListedWithoutAlarm() {
        CheckResult r = Scenario.wiredLan().with(WLAN0).report().result("interfaces");
        assertEquals(Verdict.OK, r.verdict());
        assertMentions(r, "also usable: wlan0 (192.168.1.21)");
        assertTrue(r.details().stream().anyMatch(d -> d.startsWith("eth0 (192.168.1.20) wired, default route, chosen")),
                r.details().toString());
    }

    @Test
    void aVpnCarryingTheDefaultRouteIsWhatLanchatWouldUse() {
        Report report = Scenario.wiredLan().routedVia(WG0).report();
        CheckResult vpn = report.result("vpn");
        assertEquals(Verdict.WARNING, vpn.verdict());
        assertMentions(vpn, "wg0, a VPN interface");
        assertMentions(vpn, "--interface eth0");
    }

    @Test
    void aVpnBesideTheLanIsAHintOnlyWhileNobodyAppears() {
        Scenario vpnUp = Scenario.wiredLan().with(WG0).defaultRoute("wg0").chosenByUser(ETH0);
        CheckResult quiet = vpnUp.report().result("vpn");
        assertEquals(Verdict.WARNING, quiet.verdict());
        assertMentions(quiet, "allow LAN access");
        assertMentions(quiet, "carries the default route");
        CheckResult reachable = vpnUp.peer(remote("bob", true, true)).report().result("vpn");
        assertEquals(Verdict.OK, reachable.verdict());
    }

    @Test
    void wifiWithNothingHeardHintsAtClientIsolation() {
        CheckResult isolated = Scenario.wiredLan().routedVia(WLAN0).report().result("wifi");
        assertEquals(Verdict.WARNING, isolated.verdict());
        assertMentions(isolated, "isolation");
        assertEquals(Verdict.OK,
                Scenario.wiredLan().routedVia(WLAN0).peer(remote("bob", true, true)).report().result("wifi").verdict());
        assertEquals(Verdict.OK, Scenario.wiredLan().report().result("wifi").verdict());
    }

    @Test
    void foreignDatagramsOnTheGroupAreNamed() {
        List<String> other = Scenario.wiredLan().otherDatagrams(3, false).report().result("peers").details();
        assertTrue(other.get(0).contains("another program"), other.toString());
        List<String> version = Scenario.wiredLan().otherDatagrams(3, true).report().result("peers").details();
        assertTrue(version.get(0).contains("another protocol version"), version.toString());
    }
}
