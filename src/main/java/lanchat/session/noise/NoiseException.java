package lanchat.session.noise;

/**
 * A handshake message that must be rejected: too short, too long, a failed authentication tag, or a public
 * key that makes the Diffie-Hellman result all zeros. Raised for bytes that came from the network, so it is
 * routine under attack: it records no stack trace (cheap to create by the thousand) and its message never
 * contains key material.
 */
public final class NoiseException extends Exception {
    public NoiseException(String message) {
        super(message, null, false, false);
    }
}
