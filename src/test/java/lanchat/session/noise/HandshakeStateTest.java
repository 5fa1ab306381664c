package lanchat.session.noise;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Handshakes with fresh keys: what the vectors do not show (failures, turns, missing keys). */
class HandshakeStateTest {
    private static final NoiseProtocol IK = NoiseProtocol.parse("Noise_IK_25519_ChaChaPoly_SHA256");
    private static final NoiseProtocol XX = NoiseProtocol.parse("Noise_XX_25519_AESGCM_SHA256");
    private static final byte[] PROLOGUE = "lanchat test".getBytes(StandardCharsets.US_ASCII);

    private final SplittableRandom random = new SplittableRandom(20_251_201L);
    private final EphemeralKeys ephemerals = () -> bytes(32);
    private final X25519 dh = new X25519();
    private final DhKeyPair alice = dh.keyPair(bytes(32));
    private final DhKeyPair bob = dh.keyPair(bytes(32));

    @Test
    void ikCompletesInOneRoundTripAndBothSidesAgree() throws NoiseException {
        HandshakeState initiator = HandshakeState.initiator(IK, PROLOGUE, alice, bob.publicKey(), ephemerals);
        HandshakeState responder = HandshakeState.responder(IK, PROLOGUE, bob, null, ephemerals);
        assertTrue(initiator.isMyTurn());
        assertFalse(responder.isMyTurn());
        byte[] first = initiator.writeMessage(ascii("hello"));
        assertEquals(32 + 48 + 5 + 16, first.length, "e, encrypted s, encrypted payload");
        assertArrayEquals(ascii("hello"), responder.readMessage(first));
        assertArrayEquals(alice.publicKey(), responder.remoteStatic(), "the responder learns who called");
        assertArrayEquals(ascii("welcome"), initiator.readMessage(responder.writeMessage(ascii("welcome"))));
        assertTrue(initiator.isComplete() && responder.isComplete());
        assertArrayEquals(initiator.handshakeHash(), responder.handshakeHash());

        TransportKeys a = initiator.split();
        TransportKeys b = responder.split();
        assertThrows(IllegalStateException.class, initiator::split, "Split() once: ck is wiped after it");
        assertArrayEquals(ascii("to bob"), b.receive().decryptWithAd(new byte[0],
                a.send().encryptWithAd(new byte[0], ascii("to bob"))));
        assertArrayEquals(ascii("to alice"), a.receive().decryptWithAd(new byte[0],
                b.send().encryptWithAd(new byte[0], ascii("to alice"))));
    }

    @Test
    void xxLearnsBothStaticKeysWithoutKnowingEitherBeforehand() throws NoiseException {
        HandshakeState initiator = HandshakeState.initiator(XX, PROLOGUE, alice, null, ephemerals);
        HandshakeState responder = HandshakeState.responder(XX, PROLOGUE, bob, null, ephemerals);
        assertNull(initiator.remoteStatic());
        responder.readMessage(initiator.writeMessage(new byte[0]));
        initiator.readMessage(responder.writeMessage(new byte[0]));
        responder.readMessage(initiator.writeMessage(new byte[0]));
        assertArrayEquals(bob.publicKey(), initiator.remoteStatic());
        assertArrayEquals(alice.publicKey(), responder.remoteStatic());
        assertArrayEquals(initiator.handshakeHash(), responder.handshakeHash());
    }

    /** Every single flipped bit position of IK's first message (e, s, payload, tags) makes the read fail. */
    @Test
    void everyTamperedByteOfTheFirstMessageIsRejected() {
        byte[] first = HandshakeState.initiator(IK, PROLOGUE, alice, bob.publicKey(), ephemerals)
                .writeMessage(ascii("hi"));
        for (int i = 0; i < first.length; i++) {
            byte[] tampered = first.clone();
            tampered[i] ^= (byte) (1 << random.nextInt(8));
            if (i == 31 && (tampered[i] ^ first[i]) == (byte) 0x80) {
                tampered[i] ^= 0x81; // the top bit of e's u is ignored by X25519, so flip a bit that counts
            }
            HandshakeState responder = HandshakeState.responder(IK, PROLOGUE, bob, null, ephemerals);
            assertThrows(NoiseException.class, () -> responder.readMessage(tampered), "byte " + i);
            assertThrows(IllegalStateException.class, () -> responder.writeMessage(new byte[0]),
                    "a failed handshake stays failed");
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 31, 32, 79, 95})
    void aTruncatedMessageIsRejected(int length) {
        byte[] first = HandshakeState.initiator(IK, PROLOGUE, alice, bob.publicKey(), ephemerals)
                .writeMessage(new byte[0]);
        HandshakeState responder = HandshakeState.responder(IK, PROLOGUE, bob, null, ephemerals);
        byte[] cut = java.util.Arrays.copyOf(first, length);
        assertThrows(NoiseException.class, () -> responder.readMessage(cut));
    }

    @Test
    void anInitiatorWithTheWrongResponderKeyIsRefused() {
        DhKeyPair mallory = dh.keyPair(bytes(32));
        byte[] first = HandshakeState.initiator(IK, PROLOGUE, alice, mallory.publicKey(), ephemerals)
                .writeMessage(new byte[0]);
        assertThrows(NoiseException.class,
                () -> HandshakeState.responder(IK, PROLOGUE, bob, null, ephemerals).readMessage(first));
    }

    @Test
    void aDifferentPrologueIsRefused() {
        byte[] first = HandshakeState.initiator(IK, ascii("v2"), alice, bob.publicKey(), ephemerals)
                .writeMessage(new byte[0]);
        assertThrows(NoiseException.class,
                () -> HandshakeState.responder(IK, ascii("v3"), bob, null, ephemerals).readMessage(first));
    }

    @Test
    void turnsAreEnforced() throws NoiseException {
        HandshakeState initiator = HandshakeState.initiator(IK, PROLOGUE, alice, bob.publicKey(), ephemerals);
        HandshakeState responder = HandshakeState.responder(IK, PROLOGUE, bob, null, ephemerals);
        assertThrows(IllegalStateException.class, () -> responder.writeMessage(new byte[0]));
        assertThrows(IllegalStateException.class, () -> initiator.readMessage(new byte[96]));
        assertThrows(IllegalStateException.class, initiator::split);
        responder.readMessage(initiator.writeMessage(new byte[0]));
        initiator.readMessage(responder.writeMessage(new byte[0]));
        assertThrows(IllegalStateException.class, () -> initiator.writeMessage(new byte[0]));
        assertThrows(IllegalStateException.class, () -> responder.readMessage(new byte[96]));
    }

    @Test
    void missingKeysAreErrorsThatSayWhichKey() {
        assertEquals("Noise_IK_25519_ChaChaPoly_SHA256 needs the initiator to know the peer's static key",
                assertThrows(IllegalArgumentException.class,
                        () -> HandshakeState.initiator(IK, PROLOGUE, alice, null, ephemerals)).getMessage());
        assertEquals("Noise_IK_25519_ChaChaPoly_SHA256 needs the responder's static key pair",
                assertThrows(IllegalArgumentException.class,
                        () -> HandshakeState.responder(IK, PROLOGUE, null, null, ephemerals)).getMessage());
    }

    @Test
    void aPayloadThatMakesTheMessageTooLongIsRefused() {
        HandshakeState initiator = HandshakeState.initiator(XX, PROLOGUE, alice, null, ephemerals);
        assertThrows(IllegalArgumentException.class, () -> initiator.writeMessage(new byte[65_535 - 31]));
    }

    private byte[] bytes(int n) {
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) {
            b[i] = (byte) random.nextInt(256);
        }
        return b;
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
