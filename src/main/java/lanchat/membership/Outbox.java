package lanchat.membership;

import java.net.InetSocketAddress;
import lanchat.wire.Frame;

/** Where protocol code puts frames to send. */
public interface Outbox {
    void toGroup(Frame frame);

    void to(InetSocketAddress address, Frame frame);
}
