package lanchat.bench;

import java.util.List;
import java.util.Map;

/** One benchmark: what it measures, how many lab hosts it needs, and one run of it for one system. */
interface Workload {

    /** A number a workload reports; {@code key} names it in the run's result map. */
    record Metric(String key, String label) {}

    String id();

    String title();

    List<Metric> metrics();

    int hosts(BenchContext ctx);

    boolean supports(String system);

    /** One run; throws BenchFailure when it cannot produce its numbers. Workers are closed by the caller. */
    Map<String, Double> run(BenchContext ctx, String system) throws Exception;
}
