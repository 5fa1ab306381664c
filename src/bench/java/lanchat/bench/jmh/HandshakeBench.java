package lanchat.bench.jmh;

import java.security.SecureRandom;
import java.util.concurrent.TimeUnit;
import lanchat.session.noise.DhKeyPair;
import lanchat.session.noise.EphemeralKeys;
import lanchat.session.noise.HandshakeState;
import lanchat.session.noise.NoiseException;
import lanchat.session.noise.NoiseProtocol;
import lanchat.session.noise.TransportKeys;
import lanchat.session.noise.X25519;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * What a new session costs on this JDK: one X25519 agreement, and one whole IK handshake with both sides
 * (key generation, four agreements per side, hashing, the JDK objects a handshake creates), to Split().
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class HandshakeBench {
    private final X25519 dh = new X25519();
    private final EphemeralKeys random = EphemeralKeys.from(new SecureRandom());
    private final NoiseProtocol ik = NoiseProtocol.parse("Noise_IK_25519_AESGCM_SHA256");
    private DhKeyPair alice;
    private DhKeyPair bob;
    private byte[] alicePrivate;
    private byte[] bobPublic;

    @Setup(Level.Trial)
    public void setUp() {
        alice = dh.keyPair(random.nextPrivateKey());
        bob = dh.keyPair(random.nextPrivateKey());
        alicePrivate = alice.privateKey();
        bobPublic = bob.publicKey();
    }

    @Benchmark
    public byte[] x25519Agreement() throws NoiseException {
        return dh.agree(alicePrivate, bobPublic);
    }

    /** Both sides of IK from scratch to Split(), with fresh ephemerals from SecureRandom. */
    @Benchmark
    public TransportKeys ikHandshakeBothSides() throws NoiseException {
        byte[] prologue = new byte[0];
        HandshakeState initiator = HandshakeState.initiator(ik, prologue, alice, bobPublic, random);
        HandshakeState responder = HandshakeState.responder(ik, prologue, bob, null, random);
        responder.readMessage(initiator.writeMessage(new byte[0]));
        initiator.readMessage(responder.writeMessage(new byte[0]));
        responder.split();
        return initiator.split();
    }
}
