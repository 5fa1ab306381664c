package lanchat.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Assertions on what {@link FrameCodec#decode} makes of a datagram. */
final class DecodeAssertions {
    private DecodeAssertions() {}

    /** The datagram is dropped for exactly {@code reason}, with a detail and without a frame. */
    static DecodeResult assertDropped(DropReason reason, byte[] datagram) {
        DecodeResult r = FrameCodec.decode(datagram);
        assertEquals(reason, r.dropped(), () -> "for " + describe(datagram) + ": " + r);
        assertNull(r.frame());
        assertFalse(r.ok());
        assertNotNull(r.detail());
        assertFalse(r.detail().startsWith("decoder error"), r.detail()); // a caught exception, not a rule
        return r;
    }

    static DecodeResult assertDropped(DropReason reason, WireBytes datagram) {
        return assertDropped(reason, datagram.build());
    }

    /** The datagram decodes, and encodes back to the same bytes. */
    static Frame assertAccepted(byte[] datagram) {
        DecodeResult r = FrameCodec.decode(datagram);
        assertNull(r.dropped(), () -> "for " + describe(datagram) + ": " + r);
        assertTrue(r.ok());
        assertEquals(GoldenHex.hex(datagram), GoldenHex.hex(FrameCodec.encode(r.frame())));
        return r.frame();
    }

    static Frame assertAccepted(WireBytes datagram) {
        return assertAccepted(datagram.build());
    }

    private static String describe(byte[] datagram) {
        return datagram.length <= 200 ? GoldenHex.hex(datagram) : datagram.length + " bytes";
    }
}
