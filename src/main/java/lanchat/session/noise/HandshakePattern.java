package lanchat.session.noise;

import java.util.List;

/**
 * A handshake pattern as data (spec section 7): the keys each side knows of the other beforehand (the
 * pre-messages, here only {@code s}) and the message patterns in order. Built from the spec's notation by
 * {@link PatternNotation}; the catalog is {@link HandshakePatterns}.
 *
 * @param name the pattern's name, e.g. {@code IK} or {@code X1X1}
 * @param initiatorPreMessage tokens of the {@code ->} pre-message (the initiator's keys the responder knows)
 * @param responderPreMessage tokens of the {@code <-} pre-message (the responder's keys the initiator knows)
 * @param messages the handshake messages; the first is always the initiator's
 */
public record HandshakePattern(String name, List<Token> initiatorPreMessage, List<Token> responderPreMessage,
                               List<Message> messages) {

    /** One message pattern: who sends it and its tokens in order. */
    public record Message(boolean fromInitiator, List<Token> tokens) {
        public Message {
            tokens = List.copyOf(tokens);
        }
    }

    public HandshakePattern {
        initiatorPreMessage = List.copyOf(initiatorPreMessage);
        responderPreMessage = List.copyOf(responderPreMessage);
        messages = List.copyOf(messages);
    }

    /** One-way patterns (N, K, X) have a single message, and transport messages flow only from the initiator. */
    public boolean oneWay() {
        return messages.size() == 1;
    }

    /** Whether the given side's static key pair is used: it is sent in a message or known beforehand. */
    public boolean needsLocalStatic(boolean initiator) {
        List<Token> pre = initiator ? initiatorPreMessage : responderPreMessage;
        if (pre.contains(Token.S)) {
            return true;
        }
        for (Message m : messages) {
            if (m.fromInitiator() == initiator && m.tokens().contains(Token.S)) {
                return true;
            }
        }
        return false;
    }

    /** Whether the given side must know the other's static public key before the handshake. */
    public boolean needsRemoteStatic(boolean initiator) {
        return (initiator ? responderPreMessage : initiatorPreMessage).contains(Token.S);
    }
}
