package lanchat.session;

import java.security.SecureRandom;
import lanchat.session.noise.EphemeralKeys;
import lanchat.session.noise.HandshakeState;
import lanchat.session.noise.NoiseException;
import lanchat.session.noise.TransportKeys;

/**
 * One throwaway handshake and one sealed datagram on a background thread at start, so that the first real
 * handshake does not pay for class loading, the JDK's first X25519 and AES-GCM, and SecureRandom's
 * seeding (measured: a cold first join took ~280 ms against ~90 ms before sessions).
 */
public final class CryptoWarmUp {
    private CryptoWarmUp() {}

    public static void startInBackground() {
        Thread t = new Thread(CryptoWarmUp::run, "lanchat-crypto-warm-up");
        t.setDaemon(true);
        t.setPriority(Thread.MIN_PRIORITY);
        t.start();
    }

    static void run() {
        SecureRandom random = new SecureRandom();
        EphemeralKeys keys = EphemeralKeys.from(random);
        Identity a = Identity.generate(new java.util.SplittableRandom(random.nextLong()));
        Identity b = Identity.generate(new java.util.SplittableRandom(random.nextLong()));
        HandshakeState i = HandshakeState.initiator(NoiseSessions.PROTOCOL, NoiseSessions.PROLOGUE, a.keys(), null, keys);
        HandshakeState r = HandshakeState.responder(NoiseSessions.PROTOCOL, NoiseSessions.PROLOGUE, b.keys(), null, keys);
        try {
            r.readMessage(i.writeMessage(new byte[0]));
            i.readMessage(r.writeMessage(new byte[8]));
            r.readMessage(i.writeMessage(new byte[8]));
            TransportKeys k = i.split();
            EnvelopeSealer sealer = new EnvelopeSealer(k.send(), RekeyPolicy.DEFAULT, System.nanoTime());
            sealer.seal(new byte[24], new byte[100], System.nanoTime());
        } catch (NoiseException | RuntimeException e) {
            // only a warm-up: the real handshakes report their own failures
        }
    }
}
