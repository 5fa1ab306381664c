package lanchat.session.noise;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The pattern notation reader and the catalog built with it. */
class PatternNotationTest {
    @Test
    void ikReadsAsTheSpecWritesIt() {
        HandshakePattern ik = HandshakePatterns.named("IK");
        assertEquals(List.of(), ik.initiatorPreMessage());
        assertEquals(List.of(Token.S), ik.responderPreMessage());
        assertEquals(List.of(new HandshakePattern.Message(true, List.of(Token.E, Token.ES, Token.S, Token.SS)),
                new HandshakePattern.Message(false, List.of(Token.E, Token.EE, Token.SE))), ik.messages());
        assertTrue(ik.needsRemoteStatic(true));
        assertFalse(ik.needsRemoteStatic(false));
        assertTrue(ik.needsLocalStatic(true) && ik.needsLocalStatic(false));
        assertFalse(ik.oneWay());
        assertTrue(HandshakePatterns.named("N").oneWay());
    }

    @Test
    void theCatalogHasTheSpecsThirtyEightPatternsWithoutPsk() {
        assertEquals(38, HandshakePatterns.all().size());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "<- e|-> e, es|a pre-message may only be 's'",
            "<- s;-> s|-> e|pre-messages are at most '->' then '<-'",
            "-> s;-> s|-> e|pre-messages are at most '->' then '<-'",
            "<- s|<- e|messages start with '->' and alternate",
            "<- s|-> e, xx|unknown token 'xx' (tokens are e, s, ee, es, se, ss)",
            "<- s|=> e|a line starts with '->' or '<-'"})
    void badNotationIsAnErrorThatNamesTheLine(String pre, String message, String what) {
        String text = pre.replace(";", "\n") + "\n...\n" + message;
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> PatternNotation.parse("T", text));
        assertTrue(e.getMessage().startsWith("pattern T, line '"), e.getMessage());
        assertTrue(e.getMessage().endsWith(what), e.getMessage());
    }

    @Test
    void unknownNamesAreErrorsThatListTheKnownOnes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> NoiseProtocol.parse("Noise_ZZ_25519_AESGCM_SHA256"));
        assertTrue(e.getMessage().startsWith("unknown handshake pattern ZZ (known: N, K, X, NN,"), e.getMessage());
        assertEquals("unsupported Noise cipher AES (use AESGCM or ChaChaPoly)", assertThrows(
                IllegalArgumentException.class, () -> NoiseProtocol.parse("Noise_XX_25519_AES_SHA256")).getMessage());
        assertEquals("unsupported hash BLAKE2s in Noise_XX_25519_AESGCM_BLAKE2s (use SHA256)", assertThrows(
                IllegalArgumentException.class, () -> NoiseProtocol.parse("Noise_XX_25519_AESGCM_BLAKE2s"))
                .getMessage());
        assertThrows(IllegalArgumentException.class, () -> NoiseProtocol.parse("Noise_XXpsk3_25519_AESGCM_SHA256"));
        assertThrows(IllegalArgumentException.class, () -> NoiseProtocol.parse("Noise_XX_448_AESGCM_SHA256"));
        assertThrows(IllegalArgumentException.class, () -> NoiseProtocol.parse("XX"));
    }
}
