package lanchat.bench;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** What a workload run needs: the lab, the size of the run, and the workers it started (closed after it). */
final class BenchContext {
    final Netlab lab;
    final boolean smoke;
    private final List<WorkerProcess> workers = new ArrayList<>();
    private int started;

    BenchContext(Netlab lab, boolean smoke) {
        this.lab = lab;
        this.smoke = smoke;
    }

    /** A hard limit for every worker JVM, so nothing outlives a broken run. */
    long workerMaxSeconds() {
        return smoke ? 120 : 600;
    }

    /** Starts a group member of {@code system} called {@code name} on {@code host}. */
    WorkerProcess member(String system, int host, String name) throws IOException {
        return member(system, host, name, WorkerProcess.JVM_OPTIONS);
    }

    /** The same with {@code jvmOptions} instead of the benchmark's. */
    WorkerProcess member(String system, int host, String name, List<String> jvmOptions) throws IOException {
        return worker(host, system + "-" + name, jvmOptions, MemberWorker.class,
                List.of(system, name, String.valueOf(workerMaxSeconds())));
    }

    WorkerProcess worker(int host, String label, Class<?> mainClass, List<String> args) throws IOException {
        return worker(host, label, WorkerProcess.JVM_OPTIONS, mainClass, args);
    }

    private WorkerProcess worker(int host, String label, List<String> jvmOptions, Class<?> mainClass,
            List<String> args) throws IOException {
        WorkerProcess w = WorkerProcess.start(lab, host, label + "-" + (++started), jvmOptions, mainClass, args);
        workers.add(w);
        return w;
    }

    /** Waits until {@code w} sees {@code n} members (itself included) at or after wall time {@code since}. */
    static Line awaitMembers(WorkerProcess w, int n, long since, Duration timeout) {
        return w.await("members", l -> l.num("n") == n && l.num("t") >= since, timeout);
    }

    /** Asks every member still running to leave, then kills whatever is left. */
    void closeWorkers() {
        for (WorkerProcess w : workers) {
            if (w.alive()) {
                try {
                    w.send("quit");
                } catch (BenchFailure e) {
                    // already gone
                }
            }
        }
        for (WorkerProcess w : workers) {
            if (!w.waitForExit(Duration.ofSeconds(10))) {
                w.close();
            }
        }
        workers.clear();
    }
}
