package lanchat.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import lanchat.doctor.CheckResult;
import lanchat.doctor.PeerSeen;
import lanchat.doctor.Report;
import lanchat.doctor.ReportText;
import lanchat.ui.json.Json;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code lanchat doctor}: checks in about two seconds why nobody appears, each check with its fix. */
@Command(name = "doctor", mixinStandardHelpOptions = true, versionProvider = Version.class, usageHelpAutoWidth = true,
        description = "Checks why nobody appears: the interfaces and the default route, whether multicast is"
                + " sent and heard back, whether the ports can be bound, whether another lanchat answers, and"
                + " firewall, VPN and Wi-Fi hints. Takes the same --interface, --group and --port as the chat.",
        footer = {"", "Exit codes: 0 every check ok (warnings allowed), 1 a problem was found, 2 bad option."})
final class DoctorCommand implements Callable<Integer> {
    @ParentCommand
    Main main;

    @Option(names = "--json", description = "One JSON object per check on standard output (see docs/doctor.md).")
    boolean json;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        Settings settings;
        try {
            settings = main.settings();
        } catch (UsageException e) {
            err.println("lanchat doctor: " + e.getMessage());
            err.flush();
            return 2;
        }
        Report report = DoctorSetup.doctor(settings, main.networkInterface != null, 0).run();
        PrintWriter out = spec.commandLine().getOut();
        for (String line : json ? jsonLines(report) : ReportText.lines(report)) {
            out.println(line);
        }
        out.flush();
        return report.exitCode();
    }

    static List<String> jsonLines(Report report) {
        List<String> lines = new ArrayList<>();
        for (CheckResult r : report.results()) {
            Json.Obj o = Json.object().put("check", r.id()).put("verdict", r.verdict().label)
                    .put("summary", r.summary()).put("fix", r.fix()).put("details", r.details());
            if (r.id().equals("peers")) {
                List<Json.Obj> peers = new ArrayList<>();
                for (PeerSeen p : r.peers()) {
                    peers.add(Json.object().put("name", p.name()).put("address", p.address()).put("port", p.port())
                            .put("id", String.format("%016x", p.peerId())).put("this_machine", p.thisMachine())
                            .put("answered", p.answered()).put("heard_on_group", p.heardOnGroup()));
                }
                o.put("peers", peers);
            }
            lines.add(o.toString());
        }
        return lines;
    }
}
