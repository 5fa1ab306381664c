package lanchat.session.noise;

/**
 * What a completed handshake yields for one side: the CipherState it sends with, the one it receives with,
 * and the handshake hash h (the same on both sides; a session identifier to bind to).
 */
public record TransportKeys(CipherState send, CipherState receive, byte[] handshakeHash) {
    public TransportKeys {
        handshakeHash = handshakeHash.clone();
    }

    @Override
    public byte[] handshakeHash() {
        return handshakeHash.clone();
    }

    @Override
    public String toString() {
        return "TransportKeys[" + send.kind().noiseName + "]";
    }
}
