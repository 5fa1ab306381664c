package lanchat.session;

import java.net.InetSocketAddress;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.function.Supplier;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The responder's side of WireGuard's cookie mechanism (protocol.md 6.6), without state per sender. Under
 * load a first handshake message is worked on only when it carries a MAC keyed with a cookie that only
 * someone who receives datagrams at its source address can know: cookie = HMAC-SHA256(secret, address ‖
 * port) cut to 16 bytes. The secret is random and renewed every two minutes; a cookie made under the
 * previous secret still counts, so one lives two to four minutes.
 */
final class Cookies {
    static final int BYTES = 16;
    static final long SECRET_LIFETIME_NANOS = 120_000_000_000L;

    private final Supplier<byte[]> secrets;
    private Mac current;
    private Mac previous;
    private long renewAt = Long.MIN_VALUE;

    /** {@code secrets} gives 32 unpredictable bytes a call (the ephemeral-key source: SecureRandom in production). */
    Cookies(Supplier<byte[]> secrets) {
        this.secrets = secrets;
    }

    /** The cookie for datagrams from {@code source}, under the current secret. */
    byte[] cookieFor(InetSocketAddress source, long now) {
        renew(now);
        return cookie(current, source);
    }

    /**
     * Whether {@code mac} (16 bytes) is MAC2 of {@code message[0, length)} under the cookie of {@code source},
     * for the current or the previous secret. Compared in constant time.
     */
    boolean verifies(byte[] message, int length, byte[] mac, InetSocketAddress source, long now) {
        renew(now);
        boolean ok = MessageDigest.isEqual(mac2(cookie(current, source), message, length), mac);
        if (previous != null) {
            ok |= MessageDigest.isEqual(mac2(cookie(previous, source), message, length), mac);
        }
        return ok;
    }

    /** MAC2 of a first handshake message: HMAC-SHA256(cookie, the message before the MAC) cut to 16 bytes. */
    static byte[] mac2(byte[] cookie, byte[] message, int length) {
        Mac mac = hmac(cookie);
        mac.update(message, 0, length);
        return cut(mac.doFinal());
    }

    private void renew(long now) {
        if (current == null || now - renewAt >= SECRET_LIFETIME_NANOS) {
            previous = current != null && now - renewAt < 2 * SECRET_LIFETIME_NANOS ? current : null;
            current = hmac(secrets.get());
            renewAt = now;
        }
    }

    private static byte[] cookie(Mac keyed, InetSocketAddress source) {
        keyed.update(source.getAddress().getAddress());
        keyed.update((byte) (source.getPort() >> 8));
        keyed.update((byte) source.getPort());
        return cut(keyed.doFinal());
    }

    private static Mac hmac(byte[] key) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    private static byte[] cut(byte[] full) {
        return java.util.Arrays.copyOf(full, BYTES);
    }
}
