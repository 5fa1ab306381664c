package lanchat.bench;

import java.net.InetAddress;
import org.jgroups.Address;
import org.jgroups.BytesMessage;
import org.jgroups.JChannel;
import org.jgroups.Message;
import org.jgroups.Receiver;
import org.jgroups.View;
import org.jgroups.protocols.FD_ALL3;
import org.jgroups.protocols.MERGE3;
import org.jgroups.protocols.TP;

/**
 * JGroups 5 over its stock UDP stack (udp.xml from the jar), or the same stack "tuned fairly": a bigger
 * bundler queue, and failure detection and merging on the time scale lanchat uses (2 s hold time), since
 * the stock stack is configured for a data centre's patience (40 s).
 */
final class JGroupsMember implements GroupMember {
    static final String CLUSTER = "lanchat-bench";
    static final String GROUP = "239.77.1.1";
    static final int GROUP_PORT = 45588;

    private final boolean tuned;
    private JChannel channel;

    JGroupsMember(boolean tuned) {
        this.tuned = tuned;
    }

    @Override
    public void join(String name, String bindAddress, Listener listener) throws Exception {
        // Read when udp.xml is parsed: the transport binds to the lab host's address only, and the group
        // is an administratively scoped address of our own.
        System.setProperty("jgroups.bind_addr", bindAddress);
        System.setProperty("jgroups.udp.mcast_addr", GROUP);
        System.setProperty("jgroups.udp.mcast_port", String.valueOf(GROUP_PORT));
        if (tuned) {
            System.setProperty("jgroups.bundler.capacity", "65536");
        }
        channel = new JChannel("udp.xml");
        if (tuned) {
            FD_ALL3 fd = channel.getProtocolStack().findProtocol(FD_ALL3.class);
            fd.setTimeout(2_000).setInterval(500);
            MERGE3 merge = channel.getProtocolStack().findProtocol(MERGE3.class);
            merge.setMinInterval(1_000).setMaxInterval(3_000);
        }
        channel.setName(name);
        channel.setDiscardOwnMessages(true);
        channel.receiver(new Receiver() {
            @Override
            public void receive(Message msg) {
                listener.received(msg.getArray() == null ? new byte[0] : copy(msg));
            }

            @Override
            public void viewAccepted(View view) {
                listener.members(view.size());
            }
        });
        channel.connect(CLUSTER);
        TP transport = channel.getProtocolStack().getTransport();
        InetAddress bound = transport.getBindAddress();
        if (bound == null || !bound.getHostAddress().equals(bindAddress)) {
            channel.close();
            throw new IllegalStateException("JGroups bound to " + bound + ", not the lab address " + bindAddress);
        }
    }

    private static byte[] copy(Message msg) {
        byte[] out = new byte[msg.getLength()];
        System.arraycopy(msg.getArray(), msg.getOffset(), out, 0, out.length);
        return out;
    }

    @Override
    public void send(String to, byte[] payload) throws Exception {
        channel.send(new BytesMessage(member(to), payload));
    }

    private Address member(String name) {
        for (Address a : channel.getView().getMembers()) {
            if (name.equals(a.toString())) {
                return a;
            }
        }
        throw new IllegalArgumentException("no member " + name + " in " + channel.getView());
    }

    @Override
    public void leave() {
        channel.close();
    }
}
