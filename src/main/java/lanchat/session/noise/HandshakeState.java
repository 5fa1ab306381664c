package lanchat.session.noise;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.List;

/**
 * The Noise HandshakeState (spec section 5.3) for any pattern of {@link HandshakePatterns}: it runs the
 * pattern's tokens, message by message, for one side. A message that fails to read (too short, bad tag,
 * small-order key) ends the handshake: every later call is an IllegalStateException, as the spec requires
 * that a failed handshake be abandoned. Ephemeral keys come from the injected {@link EphemeralKeys}.
 */
public final class HandshakeState {
    /** The spec's limit on any Noise message. */
    public static final int MAX_MESSAGE_BYTES = 65_535;

    private final HandshakePattern pattern;
    private final boolean initiator;
    private final SymmetricState symmetric;
    private final X25519 dh = new X25519();
    private final EphemeralKeys ephemerals;
    private final DhKeyPair localStatic;
    private DhKeyPair localEphemeral;
    private byte[] remoteStatic;
    private byte[] remoteEphemeral;
    private int nextMessage;
    private boolean failed;
    private boolean split;

    private HandshakeState(NoiseProtocol protocol, boolean initiator, byte[] prologue, DhKeyPair localStatic,
                           byte[] remoteStatic, EphemeralKeys ephemerals) {
        this.pattern = protocol.pattern();
        this.initiator = initiator;
        this.localStatic = localStatic;
        this.remoteStatic = remoteStatic == null ? null : remoteStatic.clone();
        this.ephemerals = ephemerals;
        String side = initiator ? "initiator" : "responder";
        if (pattern.needsLocalStatic(initiator) && localStatic == null) {
            throw new IllegalArgumentException(protocol + " needs the " + side + "'s static key pair");
        }
        if (pattern.needsRemoteStatic(initiator) && remoteStatic == null) {
            throw new IllegalArgumentException(protocol + " needs the " + side + " to know the peer's static key");
        }
        if (remoteStatic != null && remoteStatic.length != X25519.KEY_BYTES) {
            throw new IllegalArgumentException("a static public key has 32 bytes, not " + remoteStatic.length);
        }
        symmetric = new SymmetricState(protocol);
        symmetric.mixHash(prologue);
        mixPreMessage(pattern.initiatorPreMessage(), initiator);
        mixPreMessage(pattern.responderPreMessage(), !initiator);
    }

    /**
     * The initiator's side. {@code localStatic} may be null when the pattern sends no static key for this
     * side; {@code remoteStatic} (the responder's public key) is needed by patterns with a {@code <- s}
     * pre-message such as IK.
     */
    public static HandshakeState initiator(NoiseProtocol protocol, byte[] prologue, DhKeyPair localStatic,
                                           byte[] remoteStatic, EphemeralKeys ephemerals) {
        return new HandshakeState(protocol, true, prologue, localStatic, remoteStatic, ephemerals);
    }

    /** The responder's side; {@code remoteStatic} (the initiator's key) only for {@code -> s} pre-messages. */
    public static HandshakeState responder(NoiseProtocol protocol, byte[] prologue, DhKeyPair localStatic,
                                           byte[] remoteStatic, EphemeralKeys ephemerals) {
        return new HandshakeState(protocol, false, prologue, localStatic, remoteStatic, ephemerals);
    }

    /** Whether the next message is ours to write (false once complete). */
    public boolean isMyTurn() {
        return !isComplete() && pattern.messages().get(nextMessage).fromInitiator() == initiator;
    }

    public boolean isComplete() {
        return nextMessage == pattern.messages().size();
    }

    /** WriteMessage(payload): the next handshake message, which this side must be due to send. */
    public byte[] writeMessage(byte[] payload) {
        requireUsable();
        if (!isMyTurn()) {
            throw new IllegalStateException("not this side's turn to write a handshake message");
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(96 + payload.length);
        try {
            for (Token token : pattern.messages().get(nextMessage).tokens()) {
                switch (token) {
                    case E -> {
                        byte[] k = ephemerals.nextPrivateKey();
                        localEphemeral = dh.keyPair(k);
                        Arrays.fill(k, (byte) 0);
                        out.writeBytes(localEphemeral.publicKeyRef());
                        symmetric.mixHash(localEphemeral.publicKeyRef());
                    }
                    case S -> out.writeBytes(symmetric.encryptAndHash(localStatic.publicKeyRef()));
                    default -> mixDh(token);
                }
            }
        } catch (NoiseException e) {
            failed = true;
            throw new IllegalStateException("handshake aborted: " + e.getMessage(), e);
        }
        out.writeBytes(symmetric.encryptAndHash(payload));
        if (out.size() > MAX_MESSAGE_BYTES) {
            failed = true;
            throw new IllegalArgumentException("handshake message over 65,535 bytes: send a shorter payload");
        }
        nextMessage++;
        return out.toByteArray();
    }

    /** ReadMessage(message): checks the peer's next message and returns its payload. */
    public byte[] readMessage(byte[] message) throws NoiseException {
        requireUsable();
        if (isComplete() || isMyTurn()) {
            throw new IllegalStateException("not this side's turn to read a handshake message");
        }
        failed = true; // until the whole message has been read
        if (message.length > MAX_MESSAGE_BYTES) {
            throw new NoiseException("handshake message over 65,535 bytes");
        }
        int pos = 0;
        for (Token token : pattern.messages().get(nextMessage).tokens()) {
            switch (token) {
                case E -> {
                    remoteEphemeral = slice(message, pos, X25519.KEY_BYTES);
                    pos += X25519.KEY_BYTES;
                    symmetric.mixHash(remoteEphemeral);
                }
                case S -> {
                    int length = X25519.KEY_BYTES + (symmetric.hasKey() ? CipherState.TAG_BYTES : 0);
                    remoteStatic = symmetric.decryptAndHash(slice(message, pos, length));
                    pos += length;
                }
                default -> mixDh(token);
            }
        }
        byte[] payload = symmetric.decryptAndHash(Arrays.copyOfRange(message, pos, message.length));
        failed = false;
        nextMessage++;
        return payload;
    }

    /** Split() once the last message is written or read: this side's send and receive CipherStates. */
    public TransportKeys split() {
        requireUsable();
        if (!isComplete()) {
            throw new IllegalStateException("the handshake is not complete");
        }
        if (split) {
            throw new IllegalStateException("split() was already called: its keys are the only ones");
        }
        split = true;
        byte[] h = symmetric.handshakeHash();
        CipherState[] pair = symmetric.split();
        if (localEphemeral != null) {
            localEphemeral.destroy();
        }
        return initiator ? new TransportKeys(pair[0], pair[1], h) : new TransportKeys(pair[1], pair[0], h);
    }

    /** h so far; after the last message, the session's handshake hash. */
    public byte[] handshakeHash() {
        return symmetric.handshakeHash();
    }

    /** The peer's static public key, once known (given beforehand or received), else null. */
    public byte[] remoteStatic() {
        return remoteStatic == null ? null : remoteStatic.clone();
    }

    @Override
    public String toString() {
        return "HandshakeState[" + pattern.name() + (initiator ? ", initiator" : ", responder") + ", message "
                + nextMessage + "/" + pattern.messages().size() + (failed ? ", failed" : "") + "]";
    }

    private void mixPreMessage(List<Token> tokens, boolean ours) {
        if (tokens.contains(Token.S)) { // the only pre-message token PatternNotation allows
            symmetric.mixHash(ours ? localStatic.publicKeyRef() : remoteStatic);
        }
    }

    /** ee, es, se, ss: es means the initiator's ephemeral with the responder's static, whoever computes it. */
    private void mixDh(Token token) throws NoiseException {
        boolean localEphemeralKey;
        boolean remoteEphemeralKey;
        switch (token) {
            case EE -> { localEphemeralKey = true; remoteEphemeralKey = true; }
            case ES -> { localEphemeralKey = initiator; remoteEphemeralKey = !initiator; }
            case SE -> { localEphemeralKey = !initiator; remoteEphemeralKey = initiator; }
            case SS -> { localEphemeralKey = false; remoteEphemeralKey = false; }
            default -> throw new IllegalArgumentException("not a DH token: " + token);
        }
        DhKeyPair mine = localEphemeralKey ? localEphemeral : localStatic;
        byte[] theirs = remoteEphemeralKey ? remoteEphemeral : remoteStatic;
        byte[] shared = dh.agree(mine.privateKeyRef(), theirs);
        symmetric.mixKey(shared);
        Arrays.fill(shared, (byte) 0);
    }

    private void requireUsable() {
        if (failed) {
            throw new IllegalStateException("this handshake failed; start a new one");
        }
    }

    private static byte[] slice(byte[] message, int from, int length) throws NoiseException {
        if (message.length - from < length) {
            throw new NoiseException("handshake message too short");
        }
        return Arrays.copyOfRange(message, from, from + length);
    }
}
