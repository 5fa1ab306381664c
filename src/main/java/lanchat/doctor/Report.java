package lanchat.doctor;

import java.util.List;

/** Every check's result, in the order they are shown, plus what the checks looked at. */
public record Report(String interfaceName, String address, String group, int port, List<CheckResult> results) {
    public Report {
        results = List.copyOf(results);
    }

    /** 1 when any check found a problem, else 0: warnings are hints, not failures. */
    public int exitCode() {
        return count(Verdict.PROBLEM) > 0 ? 1 : 0;
    }

    public long count(Verdict verdict) {
        return results.stream().filter(r -> r.verdict() == verdict).count();
    }

    /** The result of the check named {@code id}. */
    public CheckResult result(String id) {
        return results.stream().filter(r -> r.id().equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no check " + id));
    }
}
