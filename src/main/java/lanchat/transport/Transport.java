package lanchat.transport;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;

/**
 * The bottom of the stack: datagrams in and out, and nothing about their content. The real one is
 * {@link UdpTransport}; the simulator provides its own. Never blocks.
 */
public interface Transport {
    /** The unicast endpoint peers reach us at. */
    InetSocketAddress localAddress();

    /** Sends one datagram; false if it could not be handed to the network (e.g. the send buffer is full). */
    boolean send(ByteBuffer datagram, InetSocketAddress to);

    /** Sends one datagram to the multicast group. */
    boolean sendToGroup(ByteBuffer datagram);

    /**
     * Reads one waiting datagram, unicast or multicast, into {@code buffer} (cleared first, flipped after);
     * returns its source, or null when nothing waits.
     */
    InetSocketAddress receive(ByteBuffer buffer);

    /**
     * A pass of reads begins: a transport that skips a socket it found empty earlier in the pass asks it
     * again from here (under a flood on one socket, the other is still read every pass).
     */
    default void passBegins() {
    }
}
