package lanchat.session.noise;

/**
 * A Noise protocol name taken apart (spec section 8): {@code Noise_<pattern>_25519_<cipher>_SHA256}. Only
 * DH 25519 and hash SHA256 are implemented, with the ciphers AESGCM and ChaChaPoly, and no modifiers (no
 * psk, no fallback).
 */
public record NoiseProtocol(String name, HandshakePattern pattern, NoiseCipher cipher) {

    public static NoiseProtocol parse(String name) {
        String[] parts = name.split("_", -1);
        if (parts.length != 5 || !parts[0].equals("Noise")) {
            throw new IllegalArgumentException("not a Noise protocol name: " + name
                    + " (expected e.g. Noise_IK_25519_ChaChaPoly_SHA256)");
        }
        if (!parts[2].equals("25519")) {
            throw new IllegalArgumentException("unsupported DH " + parts[2] + " in " + name + " (use 25519)");
        }
        if (!parts[4].equals("SHA256")) {
            throw new IllegalArgumentException("unsupported hash " + parts[4] + " in " + name + " (use SHA256)");
        }
        return new NoiseProtocol(name, HandshakePatterns.named(parts[1]), NoiseCipher.named(parts[3]));
    }

    @Override
    public String toString() {
        return name;
    }
}
