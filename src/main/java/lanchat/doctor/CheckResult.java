package lanchat.doctor;

import java.util.List;
import java.util.Objects;

/**
 * The outcome of one check: a one-line summary of what was found and, unless the verdict is ok, the fix in
 * one or two sentences. Details are further lines (the interfaces, the peers) for whoever wants them.
 *
 * @param id      short stable name, e.g. {@code multicast}; the "check" member of the JSON form
 * @param fix     what to do, or null when there is nothing to do
 * @param peers   the lanchat peers seen; only the peers check fills it
 */
public record CheckResult(String id, Verdict verdict, String summary, String fix, List<String> details,
        List<PeerSeen> peers) {
    public CheckResult {
        Objects.requireNonNull(id);
        Objects.requireNonNull(verdict);
        Objects.requireNonNull(summary);
        details = List.copyOf(details);
        peers = List.copyOf(peers);
        if (verdict != Verdict.OK && (fix == null || fix.isBlank())) {
            throw new IllegalArgumentException(id + ": a " + verdict.label + " needs a fix");
        }
    }

    static CheckResult ok(String id, String summary, List<String> details) {
        return new CheckResult(id, Verdict.OK, summary, null, details, List.of());
    }

    static CheckResult ok(String id, String summary) {
        return ok(id, summary, List.of());
    }

    static CheckResult warning(String id, String summary, String fix) {
        return new CheckResult(id, Verdict.WARNING, summary, fix, List.of(), List.of());
    }

    static CheckResult problem(String id, String summary, String fix) {
        return new CheckResult(id, Verdict.PROBLEM, summary, fix, List.of(), List.of());
    }

    CheckResult withDetails(List<String> moreDetails) {
        return new CheckResult(id, verdict, summary, fix, moreDetails, peers);
    }

    CheckResult withPeers(List<PeerSeen> seen) {
        return new CheckResult(id, verdict, summary, fix, details, seen);
    }
}
