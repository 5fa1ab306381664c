package lanchat.doctor;

import java.net.InetAddress;
import java.net.NetworkInterface;
import java.time.Duration;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.LongSupplier;
import java.util.random.RandomGenerator;

/**
 * The real exchange: opens sockets like a lanchat peer on the interface, announces itself with HELLO, listens
 * for about 1.5 s and says GOODBYE, so the others see "NAME joined" and at once "NAME left (quit)".
 */
public final class NetworkProbe implements Prober {
    /** Every peer heartbeats every 0.4-0.6 s, so 1.5 s hears each one at least twice. */
    public static final Duration LISTEN = Duration.ofMillis(1500);

    private final NetworkInterface nif;
    private final InetAddress group;
    private final int port;
    private final String name;
    private final long selfPeerId;
    private final Duration listen;
    private final LongSupplier nanoTime;
    private final LongSupplier wallMillis;
    private final RandomGenerator random;

    /**
     * @param name       the name announced in the HELLO, e.g. {@code alice.doctor}
     * @param selfPeerId the peer id of a chat running in this process, whose answers are not "another
     *                   lanchat" (0 when there is none)
     */
    public NetworkProbe(NetworkInterface nif, InetAddress group, int port, String name, long selfPeerId,
            Duration listen, LongSupplier nanoTime, LongSupplier wallMillis, RandomGenerator random) {
        this.nif = nif;
        this.group = group;
        this.port = port;
        this.name = name;
        this.selfPeerId = selfPeerId;
        this.listen = listen;
        this.nanoTime = nanoTime;
        this.wallMillis = wallMillis;
        this.random = random;
    }

    /** With the system clocks, fresh randomness and the standard 1.5 s window. */
    public static NetworkProbe of(NetworkInterface nif, InetAddress group, int port, String name, long selfPeerId) {
        return new NetworkProbe(nif, group, port, name, selfPeerId, LISTEN, System::nanoTime,
                System::currentTimeMillis, new SplittableRandom());
    }

    @Override
    public Exchange exchange() {
        try (ProbeSockets sockets = ProbeSockets.open(nif, group, port)) {
            if (!sockets.open()) {
                return new Exchange(sockets.unicastError, sockets.groupBindError, sockets.joinError,
                        sockets.unicastPort(), SelfTest.NOT_RUN, null, -1, List.of(), 0, false, 0);
            }
            Conversation conversation = new Conversation(sockets, group, port, name, peerId(), incarnation(),
                    selfPeerId, listen.toNanos(), nanoTime, random);
            return conversation.run();
        }
    }

    private long peerId() {
        long id;
        do {
            id = random.nextLong();
        } while (id == 0 || id == selfPeerId);
        return id;
    }

    private long incarnation() {
        return Math.max(1, wallMillis.getAsLong());
    }
}
