package lanchat.session;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class CookiesTest {
    private static final long LIFE = Cookies.SECRET_LIFETIME_NANOS;
    private final SplittableRandom random = new SplittableRandom(7);
    private final Cookies cookies = new Cookies(() -> {
        byte[] b = new byte[32];
        random.nextBytes(b);
        return b;
    });
    private final byte[] message = "an HS1 of 72 bytes, or any bytes the MAC covers".getBytes();

    private static InetSocketAddress at(String ip, int port) throws Exception {
        return new InetSocketAddress(InetAddress.getByName(ip), port);
    }

    private byte[] mac(InetSocketAddress from, long now) {
        return Cookies.mac2(cookies.cookieFor(from, now), message, message.length);
    }

    @Test
    void aMacUnderTheCookieOfItsOwnAddressVerifies() throws Exception {
        InetSocketAddress a = at("127.0.0.5", 4000);
        assertTrue(cookies.verifies(message, message.length, mac(a, 0), a, 10));
    }

    @Test
    void aCookieIsForOneAddressAndPort() throws Exception {
        InetSocketAddress a = at("127.0.0.5", 4000);
        byte[] m = mac(a, 0);
        assertFalse(cookies.verifies(message, message.length, m, at("127.0.0.6", 4000), 0));
        assertFalse(cookies.verifies(message, message.length, m, at("127.0.0.5", 4001), 0));
    }

    @Test
    void aMacCoversTheMessage() throws Exception {
        InetSocketAddress a = at("127.0.0.5", 4000);
        byte[] m = mac(a, 0);
        message[3] ^= 1;
        assertFalse(cookies.verifies(message, message.length, m, a, 0));
    }

    @Test
    void aCookieLivesThroughOneRenewalOfTheSecretAndNotTwo() throws Exception {
        InetSocketAddress a = at("127.0.0.5", 4000);
        byte[] m = mac(a, 0);
        assertTrue(cookies.verifies(message, message.length, m, a, LIFE + 1), "under the previous secret");
        assertFalse(cookies.verifies(message, message.length, m, a, 2 * LIFE + 2), "two renewals later");
    }

    @Test
    void theCookieStaysTheSameUntilTheSecretIsRenewed() throws Exception {
        InetSocketAddress a = at("127.0.0.5", 4000);
        assertArrayEquals(cookies.cookieFor(a, 0), cookies.cookieFor(a, LIFE - 1));
    }
}
