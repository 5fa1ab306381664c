package lanchat.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** Peer ids come from keys; fingerprints and suffixes are base32 that people can read aloud. */
class IdentityTest {

    @Test
    void theBase32OfKnownBytesMatchesRfc4648() {
        assertEquals("my", Fingerprints.base32(new byte[] {'f'}));
        assertEquals("mzxw6ytboi", Fingerprints.base32("foobar".getBytes(java.nio.charset.StandardCharsets.US_ASCII)));
    }

    @Test
    void theSameKeyGivesTheSameIdAndAnotherKeyAnother() {
        Identity a = Identity.generate(new SplittableRandom(1));
        Identity again = Identity.fromPrivateKey(privateOf(1));
        Identity b = Identity.generate(new SplittableRandom(2));
        assertEquals(a.peerId(), again.peerId());
        assertEquals(a.peerId(), Identity.peerIdOf(a.publicKey()));
        assertNotEquals(a.peerId(), b.peerId());
        assertFalse(a.toString().contains(Long.toHexString(a.peerId()).substring(0, 2) + "private"));
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3})
    void suffixesAreTenBase32CharactersAndDoNotCollideAmongAThousandPeers(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 1_000; i++) {
            String suffix = Fingerprints.suffixOf(random.nextLong());
            assertEquals(Fingerprints.SUFFIX_CHARS, suffix.length());
            assertTrue(suffix.matches("[a-z2-7]+"), suffix);
            assertTrue(seen.add(suffix), "collision: " + suffix);
        }
    }

    @Test
    void fingerprintsAreSha256InGroupsOfFour() {
        String f = Identity.generate(new SplittableRandom(4)).fingerprint();
        assertTrue(f.matches("([a-z2-7]{4} ){12}[a-z2-7]{4}"), f); // 52 characters: 256 bits
    }

    private static byte[] privateOf(long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        byte[] k = new byte[32];
        for (int i = 0; i < k.length; i++) {
            k[i] = (byte) r.nextInt(256);
        }
        return k;
    }
}
