package lanchat.session.noise;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import lanchat.testkit.JsonTestParser;

/** The published test vectors (src/test/resources/lanchat/session/noise), read with the strict JSON reader. */
final class NoiseVectors {
    static final String RESOURCE = "noise-25519-sha256.json";

    /** One vector: keys as bytes (null where the vector has none), and its messages in order. */
    record Vector(String protocolName, byte[] initPrologue, byte[] initStatic, byte[] initEphemeral,
                  byte[] initRemoteStatic, byte[] respPrologue, byte[] respStatic, byte[] respEphemeral,
                  byte[] respRemoteStatic, byte[] handshakeHash, List<Message> messages) {
        @Override
        public String toString() {
            return protocolName;
        }
    }

    record Message(byte[] payload, byte[] ciphertext) {}

    private NoiseVectors() {}

    static byte[] resourceBytes() {
        try (InputStream in = NoiseVectors.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + RESOURCE);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @SuppressWarnings("unchecked")
    static List<Vector> all() {
        Map<String, Object> root = (Map<String, Object>) JsonTestParser.parse(
                new String(resourceBytes(), StandardCharsets.UTF_8));
        List<Vector> vectors = new ArrayList<>();
        for (Object o : (List<Object>) root.get("vectors")) {
            Map<String, Object> v = (Map<String, Object>) o;
            List<Message> messages = new ArrayList<>();
            for (Object m : (List<Object>) v.get("messages")) {
                Map<String, Object> message = (Map<String, Object>) m;
                messages.add(new Message(hex(message, "payload"), hex(message, "ciphertext")));
            }
            vectors.add(new Vector((String) v.get("protocol_name"), hex(v, "init_prologue"), hex(v, "init_static"),
                    hex(v, "init_ephemeral"), hex(v, "init_remote_static"), hex(v, "resp_prologue"),
                    hex(v, "resp_static"), hex(v, "resp_ephemeral"), hex(v, "resp_remote_static"),
                    hex(v, "handshake_hash"), messages));
        }
        return vectors;
    }

    private static byte[] hex(Map<String, Object> object, String member) {
        Object value = object.get(member);
        return value == null ? null : HexFormat.of().parseHex((String) value);
    }
}
