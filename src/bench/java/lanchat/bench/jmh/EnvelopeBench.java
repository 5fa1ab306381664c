package lanchat.bench.jmh;

import java.security.SecureRandom;
import java.util.concurrent.TimeUnit;
import lanchat.session.Envelope;
import lanchat.session.EnvelopeOpener;
import lanchat.session.EnvelopeSealer;
import lanchat.session.RekeyPolicy;
import lanchat.session.noise.CipherState;
import lanchat.session.noise.NoiseCipher;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The session envelope's cost per datagram on this JDK: one seal and one open in place, AES-GCM against
 * ChaCha20-Poly1305, with a chat-sized and a full-sized payload. The handshake's costs are
 * {@link HandshakeBench}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class EnvelopeBench {
    /** A header of the size the engine's frames have before their body. */
    static final int HEADER_BYTES = 20;

    @Param({"AESGCM", "CHACHAPOLY"})
    public NoiseCipher cipher;

    @Param({"100", "1200"})
    public int payloadBytes;

    private EnvelopeSealer sealer;
    private EnvelopeOpener opener;
    private byte[] buffer;
    private byte[] plaintext;

    @Setup(Level.Trial)
    public void setUp() {
        byte[] key = new byte[CipherState.KEY_BYTES];
        new SecureRandom().nextBytes(key);
        sealer = new EnvelopeSealer(keyed(cipher, key), RekeyPolicy.DEFAULT, 0);
        opener = new EnvelopeOpener(keyed(cipher, key));
        buffer = new byte[Envelope.sealedLength(HEADER_BYTES, payloadBytes)];
        plaintext = new byte[payloadBytes];
        new SecureRandom().nextBytes(plaintext);
    }

    /** One datagram sealed in place and opened in place (replay window included). */
    @Benchmark
    public int sealAndOpen() {
        System.arraycopy(plaintext, 0, buffer, Envelope.payloadOffset(HEADER_BYTES), payloadBytes);
        int length = sealer.seal(buffer, 0, HEADER_BYTES, payloadBytes, 0);
        int opened = opener.open(buffer, 0, length, HEADER_BYTES);
        if (opened != payloadBytes) {
            throw new IllegalStateException("rejected: " + opener.lastRejection());
        }
        return opened;
    }

    private static CipherState keyed(NoiseCipher kind, byte[] key) {
        CipherState c = new CipherState(kind);
        c.initializeKey(key);
        return c;
    }
}
