package lanchat.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Every run's numbers, their medians, and the markdown table. */
final class Results {
    static final List<String> COLUMNS = List.of("raw", "jgroups-stock", "jgroups-tuned", "lanchat", "lanchat-history");
    /** Run only when asked for with --systems (lanchat with its history store: issue 11's W1 figure). */
    static final List<String> OPTIONAL = List.of("lanchat-history");
    private static final Map<String, String> HEADERS = Map.of("raw", "raw UDP", "jgroups-stock", "JGroups stock",
            "jgroups-tuned", "JGroups tuned", "lanchat", "lanchat", "lanchat-history", "lanchat, history on");

    private final List<Workload> workloads = new ArrayList<>();
    /** workload id + metric key → system → one value per run (NaN for a failed run). */
    private final Map<String, Map<String, List<Double>>> values = new LinkedHashMap<>();
    private final List<String> notes = new ArrayList<>();

    void add(Workload w) {
        workloads.add(w);
    }

    void record(Workload w, String system, Map<String, Double> run) {
        for (Workload.Metric m : w.metrics()) {
            Double v = run.get(m.key());
            cell(w, m, system).add(v == null ? Double.NaN : v);
        }
    }

    void failed(Workload w, String system, int rep, String why) {
        for (Workload.Metric m : w.metrics()) {
            cell(w, m, system).add(Double.NaN);
        }
        notes.add(w.id() + " " + system + " run " + rep + " failed: " + why);
    }

    private List<Double> cell(Workload w, Workload.Metric m, String system) {
        return values.computeIfAbsent(w.id() + "/" + m.key(), k -> new LinkedHashMap<>())
                .computeIfAbsent(system, k -> new ArrayList<>());
    }

    /** The table: one row per metric, one column per system, each cell the median of its runs. */
    String markdown() {
        StringBuilder sb = new StringBuilder("| workload | metric |");
        List<String> columns = shownColumns();
        for (String c : columns) {
            sb.append(' ').append(HEADERS.get(c)).append(" |");
        }
        sb.append("\n|---|---|").append("---:|".repeat(columns.size())).append('\n');
        for (Workload w : workloads) {
            for (Workload.Metric m : w.metrics()) {
                sb.append("| ").append(w.id()).append(' ').append(w.title()).append(" | ").append(m.label()).append(" |");
                Map<String, List<Double>> bySystem = values.getOrDefault(w.id() + "/" + m.key(), Map.of());
                for (String c : columns) {
                    List<Double> runs = bySystem.get(c);
                    sb.append(' ').append(cellText(runs)).append(" |");
                }
                sb.append('\n');
            }
        }
        if (!notes.isEmpty()) {
            sb.append("\nFailed runs (not in the medians):\n");
            for (String n : notes) {
                sb.append("- ").append(n).append('\n');
            }
        }
        return sb.toString();
    }

    /** The columns of the table: the usual four always (so that tables compare), the others when they ran. */
    private List<String> shownColumns() {
        List<String> shown = new ArrayList<>();
        for (String c : COLUMNS) {
            if (!OPTIONAL.contains(c) || values.values().stream().anyMatch(bySystem -> bySystem.containsKey(c))) {
                shown.add(c);
            }
        }
        return shown;
    }

    /** Every run's values, one line per workload, metric and system, for the record. */
    String runs() {
        StringBuilder sb = new StringBuilder();
        values.forEach((key, bySystem) -> bySystem.forEach((system, runs) ->
                sb.append(key).append('\t').append(system).append('\t').append(runs).append('\n')));
        return sb.toString();
    }

    private static String cellText(List<Double> runs) {
        if (runs == null) {
            return "–";
        }
        double median = Stats.median(runs);
        if (Double.isNaN(median)) {
            return runs.isEmpty() ? "–" : "n/a";
        }
        return format(median);
    }

    static String format(double v) {
        if (Math.abs(v) >= 100) {
            return String.format(Locale.ROOT, "%,d", Math.round(v));
        }
        return String.format(Locale.ROOT, "%.1f", v);
    }
}
