package lanchat.doctor;

import java.util.ArrayList;
import java.util.List;

/**
 * The report as plain lines for a terminal or a chat window: a heading, then per check its verdict, its
 * name and summary, its fix and its details, then a count. No colour: the verdict words carry the meaning.
 */
public final class ReportText {
    private static final String INDENT = "                     ";

    private ReportText() {}

    public static List<String> lines(Report report) {
        List<String> out = new ArrayList<>();
        out.add("lanchat doctor: interface " + report.interfaceName() + " (" + report.address() + "), group "
                + report.group() + ", port " + report.port());
        for (CheckResult r : report.results()) {
            out.add(String.format("%-8s %-11s %s", word(r.verdict()), r.id(), r.summary()));
            if (r.fix() != null) {
                out.add(INDENT + "fix: " + r.fix());
            }
            for (String detail : r.details()) {
                out.add(INDENT + "- " + detail);
            }
        }
        out.add(total(report));
        return out;
    }

    /** Problems and warnings in capitals so that they stand out without colour. */
    private static String word(Verdict v) {
        return v == Verdict.OK ? v.label : v.label.toUpperCase(java.util.Locale.ROOT);
    }

    private static String total(Report report) {
        long problems = report.count(Verdict.PROBLEM);
        long warnings = report.count(Verdict.WARNING);
        if (problems == 0 && warnings == 0) {
            return "All " + report.results().size() + " checks are ok.";
        }
        return plural(problems, "problem") + ", " + plural(warnings, "warning") + ".";
    }

    private static String plural(long n, String word) {
        return n + " " + word + (n == 1 ? "" : "s");
    }
}
