package lanchat.lab;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** The lanchat processes of one test: started on lab hosts, all killed on close (try-with-resources). */
final class Peers implements AutoCloseable {
    /** JVM start on a busy two-core machine, then binding and the first HELLO. */
    static final Duration START = Duration.ofSeconds(40);
    /** Everyone sees everyone: HELLOs at 0, 200 and 600 ms, heartbeats every 500 ms. */
    static final Duration DISCOVERY = Duration.ofSeconds(30);
    static final Duration SHORT = Duration.ofSeconds(20);

    private final Lab lab;
    private final Path jar;
    private final List<LabPeer> started = new ArrayList<>();

    Peers(Lab lab, Path jar) {
        this.lab = lab;
        this.jar = jar;
    }

    LabPeer start(int host, String name, String... extraArgs) throws IOException {
        LabPeer p = LabPeer.start(lab, jar, host, name, extraArgs);
        started.add(p);
        return p;
    }

    /** Starts names[i] on host i+1 and waits until each is ready. */
    List<LabPeer> startOnePerHost(String... names) throws IOException {
        List<LabPeer> out = new ArrayList<>();
        for (int i = 0; i < names.length; i++) {
            out.add(start(i + 1, names[i]));
        }
        for (LabPeer p : out) {
            p.ready(START);
        }
        return out;
    }

    /** Starts names[i] on host i+1 and waits until each is ready and has seen every other one join. */
    List<LabPeer> startMesh(String... names) throws IOException {
        List<LabPeer> all = startOnePerHost(names);
        awaitMesh(all, DISCOVERY);
        return all;
    }

    /** Waits until every peer has seen every other one join. */
    static void awaitMesh(List<LabPeer> peers, Duration timeout) {
        for (LabPeer p : peers) {
            for (LabPeer other : peers) {
                if (other != p) {
                    p.await(other.name() + " joined", Events.joined(other.name()), timeout);
                }
            }
        }
    }

    @Override
    public void close() {
        for (LabPeer p : started) {
            p.close();
        }
    }
}
