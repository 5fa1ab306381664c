package lanchat.transport;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;

/** How the engine sends datagrams. Received datagrams are pushed into the engine by its event loop. */
public interface Transport {
    /** The unicast endpoint peers reach us at. */
    InetSocketAddress localAddress();

    /** Sends one datagram; false if it could not be handed to the network (e.g. the send buffer is full). */
    boolean send(ByteBuffer datagram, InetSocketAddress to);

    /** Sends one datagram to the multicast group. */
    boolean sendToGroup(ByteBuffer datagram);
}
