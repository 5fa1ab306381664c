package lanchat.session.noise;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every published vector, both roles at once: for each message, the side due to send writes it (its bytes
 * must equal the vector's ciphertext) and the other side reads it (its payload must equal the vector's).
 * Handshake messages first, then transport messages through the CipherStates of Split(). Both sides must
 * end with the vector's handshake hash.
 */
class NoiseVectorsTest {
    private static final X25519 DH = new X25519();

    static List<NoiseVectors.Vector> vectors() {
        return NoiseVectors.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void reproducesTheVectorByteForByte(NoiseVectors.Vector v) throws NoiseException {
        NoiseProtocol protocol = NoiseProtocol.parse(v.protocolName());
        HandshakeState initiator = HandshakeState.initiator(protocol, v.initPrologue(), keyPair(v.initStatic()),
                v.initRemoteStatic(), fixed(v.initEphemeral()));
        HandshakeState responder = HandshakeState.responder(protocol, v.respPrologue(), keyPair(v.respStatic()),
                v.respRemoteStatic(), fixed(v.respEphemeral()));
        List<NoiseVectors.Message> messages = v.messages();
        int handshakeMessages = protocol.pattern().messages().size();
        TransportKeys initiatorKeys = null;
        TransportKeys responderKeys = null;
        for (int i = 0; i < messages.size(); i++) {
            NoiseVectors.Message m = messages.get(i);
            boolean fromInitiator = protocol.pattern().oneWay() || i % 2 == 0;
            String where = v.protocolName() + " message " + i;
            if (i < handshakeMessages) {
                HandshakeState writer = fromInitiator ? initiator : responder;
                HandshakeState reader = fromInitiator ? responder : initiator;
                assertArrayEquals(m.ciphertext(), writer.writeMessage(m.payload()), where + " written");
                assertArrayEquals(m.payload(), reader.readMessage(m.ciphertext()), where + " read");
                continue;
            }
            if (initiatorKeys == null) {
                assertTrue(initiator.isComplete() && responder.isComplete(), v.protocolName());
                assertArrayEquals(v.handshakeHash(), initiator.handshakeHash(), "initiator's handshake hash");
                assertArrayEquals(v.handshakeHash(), responder.handshakeHash(), "responder's handshake hash");
                initiatorKeys = initiator.split();
                responderKeys = responder.split();
            }
            TransportKeys writer = fromInitiator ? initiatorKeys : responderKeys;
            TransportKeys reader = fromInitiator ? responderKeys : initiatorKeys;
            assertArrayEquals(m.ciphertext(), writer.send().encryptWithAd(new byte[0], m.payload()), where + " written");
            assertArrayEquals(m.payload(), reader.receive().decryptWithAd(new byte[0], m.ciphertext()), where + " read");
        }
        assertTrue(initiatorKeys != null, v.protocolName() + " has transport messages");
        assertArrayEquals(v.handshakeHash(), initiatorKeys.handshakeHash());
    }

    @Test
    void theVectorsCoverEveryPatternOfTheCatalogWithBothCiphers() {
        Set<String> expected = new TreeSet<>();
        for (String pattern : HandshakePatterns.all().keySet()) {
            for (NoiseCipher cipher : NoiseCipher.values()) {
                expected.add("Noise_" + pattern + "_25519_" + cipher.noiseName + "_SHA256");
            }
        }
        Set<String> present = new TreeSet<>();
        for (NoiseVectors.Vector v : vectors()) {
            present.add(v.protocolName());
        }
        assertEquals(expected, present);
        assertEquals(76, vectors().size());
    }

    /** The copy in the test resources must be the shared file, byte for byte, wherever the shared folder is present. */
    @Test
    void theResourceIsTheSharedFile() throws IOException {
        Path base = Path.of(System.getProperty("basedir", System.getProperty("user.dir")));
        Path shared = base.resolve("../shared/vectors/" + NoiseVectors.RESOURCE).normalize();
        assumeTrue(Files.exists(shared), "no shared folder beside the project: only the resource copy is used");
        assertArrayEquals(Files.readAllBytes(shared), NoiseVectors.resourceBytes(),
                "src/test/resources/lanchat/session/noise/" + NoiseVectors.RESOURCE + " differs from " + shared
                        + ": copy the shared file over it");
    }

    private static DhKeyPair keyPair(byte[] privateKey) {
        return privateKey == null ? null : DH.keyPair(privateKey);
    }

    /** The vector's one ephemeral key for this side; a second request would be a bug in the handshake. */
    private static EphemeralKeys fixed(byte[] privateKey) {
        Deque<byte[]> keys = new ArrayDeque<>();
        if (privateKey != null) {
            keys.add(privateKey);
        }
        return () -> {
            if (keys.isEmpty()) {
                throw new AssertionError("the handshake asked for a second ephemeral key");
            }
            return keys.removeFirst().clone();
        };
    }
}
