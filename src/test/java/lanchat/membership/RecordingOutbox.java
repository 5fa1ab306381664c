package lanchat.membership;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import lanchat.wire.Announcement;
import lanchat.wire.Frame;
import lanchat.wire.FrameType;

/** Remembers every frame discovery sends, with the time the test says it is. */
final class RecordingOutbox implements Outbox {
    /** One frame sent: {@code to} is null for the group. */
    record Sent(long at, InetSocketAddress to, Frame frame) {
        boolean toGroup() {
            return to == null;
        }

        FrameType type() {
            return frame.type();
        }

        String name() {
            return ((Announcement) frame).name();
        }
    }

    final List<Sent> sent = new ArrayList<>();
    long now;

    @Override
    public void toGroup(Frame frame) {
        sent.add(new Sent(now, null, frame));
    }

    @Override
    public void to(InetSocketAddress address, Frame frame) {
        sent.add(new Sent(now, address, frame));
    }

    List<Sent> toGroup(FrameType type) {
        return sent.stream().filter(s -> s.toGroup() && s.type() == type).toList();
    }

    List<Sent> unicast(FrameType type) {
        return sent.stream().filter(s -> !s.toGroup() && s.type() == type).toList();
    }
}
