package lanchat.doctor;

import java.util.Objects;
import java.util.function.Supplier;
import lanchat.node.NodeConfig;

/**
 * The doctor: surveys the interfaces, runs one exchange on the network and judges every check. A run blocks
 * for about 1.5 s (all waits are bounded), so a chat UI calls {@link #run()} off its UI thread. Each run is
 * independent; one Doctor can be run again and again.
 */
public final class Doctor {
    private final Supplier<InterfaceSurvey> survey;
    private final Prober prober;
    private final String group;
    private final int port;

    public Doctor(Supplier<InterfaceSurvey> survey, Prober prober, String group, int port) {
        this.survey = Objects.requireNonNull(survey);
        this.prober = Objects.requireNonNull(prober);
        this.group = Objects.requireNonNull(group);
        this.port = port;
    }

    public Report run() {
        InterfaceSurvey interfaces = survey.get();
        Exchange exchange = prober.exchange();
        // On the defaults, "use the same --group and --port" would only be noise.
        boolean defaults = group.equals(NodeConfig.DEFAULT_GROUP) && port == NodeConfig.DEFAULT_PORT;
        return Diagnosis.of(new Facts(interfaces, group, port, defaults, exchange));
    }
}
