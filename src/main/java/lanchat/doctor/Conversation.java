package lanchat.doctor;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;
import java.util.random.RandomGenerator;
import lanchat.wire.Announcement;
import lanchat.wire.DecodeResult;
import lanchat.wire.DropReason;
import lanchat.wire.Frame;
import lanchat.wire.FrameCodec;
import lanchat.wire.Goodbye;
import lanchat.wire.PeerRef;
import lanchat.wire.Wire;

/**
 * One listening window on open sockets: a datagram to ourselves (does unicast get in?), HELLOs to the group
 * at 0, 250 and 600 ms like a starting peer (does our multicast come back, who answers?), everything that
 * arrives until the deadline, then GOODBYE to the group and to everyone heard.
 */
final class Conversation {
    private static final long[] HELLO_AT_MILLIS = {0, 250, 600};
    private static final int HOLD_MILLIS = 2000;
    /** Datagrams read per socket before the deadline is looked at again: a flood cannot stretch the window. */
    private static final int READS_PER_TURN = 256;

    private final ProbeSockets sockets;
    private final InetSocketAddress groupAddress;
    private final PeerRef me;
    private final long selfPeerId;
    private final long listenNanos;
    private final LongSupplier nanoTime;
    private final byte[] hello;
    private final byte[] nonce = new byte[16];
    private final ByteBuffer buffer = ByteBuffer.allocate(Wire.MAX_RECEIVE_DATAGRAM);
    private final Map<PeerRef, PeerSeen> seen = new LinkedHashMap<>();
    private final Map<InetAddress, Boolean> localAddresses = new HashMap<>();

    private SelfTest selfUnicast = SelfTest.LOST;
    private String sendError;
    private long firstHelloNanos = -1;
    private long echoMillis = -1;
    private int otherDatagrams;
    private boolean otherVersion;

    Conversation(ProbeSockets sockets, InetAddress group, int port, String name, long peerId, long incarnation,
            long selfPeerId, long listenNanos, LongSupplier nanoTime, RandomGenerator random) {
        this.sockets = sockets;
        this.groupAddress = new InetSocketAddress(group, port);
        this.me = new PeerRef(peerId, incarnation);
        this.selfPeerId = selfPeerId;
        this.listenNanos = listenNanos;
        this.nanoTime = nanoTime;
        this.hello = FrameCodec.encode(Announcement.hello(me, sockets.unicastPort(), HOLD_MILLIS, name));
        random.nextBytes(nonce);
    }

    Exchange run() {
        try (Selector selector = Selector.open()) {
            sockets.unicast.register(selector, SelectionKey.OP_READ);
            sockets.group.register(selector, SelectionKey.OP_READ);
            long start = nanoTime.getAsLong();
            long deadline = start + listenNanos;
            sendToSelf();
            int hellos = 0;
            while (true) {
                long now = nanoTime.getAsLong();
                if (hellos < HELLO_AT_MILLIS.length && now - start >= HELLO_AT_MILLIS[hellos] * 1_000_000) {
                    sendHello(now);
                    hellos++;
                    continue;
                }
                if (now - deadline >= 0) {
                    break;
                }
                long wake = hellos < HELLO_AT_MILLIS.length
                        ? Math.min(deadline, start + HELLO_AT_MILLIS[hellos] * 1_000_000) : deadline;
                selector.select(Math.max(1, (wake - now + 999_999) / 1_000_000));
                selector.selectedKeys().clear();
                drain(sockets.unicast, true);
                drain(sockets.group, false);
            }
        } catch (IOException e) {
            sendError = sendError != null ? sendError : ProbeSockets.reason(e);
        }
        return new Exchange(null, null, null, sockets.unicastPort(), selfUnicast, sendError, echoMillis,
                new ArrayList<>(seen.values()), otherDatagrams, otherVersion, listenNanos / 1_000_000);
    }

    private void sendToSelf() {
        try {
            sockets.unicast.send(ByteBuffer.wrap(nonce), sockets.unicast.getLocalAddress());
        } catch (IOException e) {
            selfUnicast = SelfTest.LOST; // refused on the way out: it cannot arrive either
        }
    }

    private void sendHello(long now) {
        try {
            sockets.unicast.send(ByteBuffer.wrap(hello), groupAddress);
            if (firstHelloNanos < 0) {
                firstHelloNanos = now;
            }
        } catch (IOException e) {
            if (sendError == null) {
                sendError = ProbeSockets.reason(e);
            }
        }
    }

    private void drain(DatagramChannel channel, boolean unicast) throws IOException {
        for (int i = 0; i < READS_PER_TURN; i++) {
            buffer.clear();
            InetSocketAddress from = (InetSocketAddress) channel.receive(buffer);
            if (from == null) {
                return;
            }
            buffer.flip();
            if (unicast && answeredByHandshake(buffer, from)) {
                continue;
            }
            handle(buffer, from.getAddress(), unicast);
        }
    }

    /**
     * A peer answers our HELLO by starting a handshake with us (protocol.md 6): its HS1 arriving by unicast
     * shows that it heard us and that unicast reaches this machine.
     */
    private boolean answeredByHandshake(ByteBuffer datagram, InetSocketAddress from) {
        lanchat.wire.PeerRef peer = lanchat.session.NoiseSessions.handshakeStarter(datagram, me);
        if (peer == null || peer.id() == selfPeerId) {
            return peer != null;
        }
        PeerSeen before = seen.get(peer);
        PeerSeen now = before != null ? before.merge(true, false, before.name())
                : new PeerSeen("?", from.getAddress().getHostAddress(), from.getPort(), peer.id(),
                        isLocal(from.getAddress()), true, false);
        seen.put(peer, now);
        return true;
    }

    private void handle(ByteBuffer datagram, InetAddress from, boolean unicast) {
        if (unicast && datagram.remaining() == nonce.length) {
            byte[] bytes = new byte[nonce.length];
            datagram.duplicate().get(bytes);
            if (Arrays.equals(bytes, nonce)) {
                selfUnicast = SelfTest.ARRIVED;
                return;
            }
        }
        DecodeResult result = FrameCodec.decode(datagram);
        if (!result.ok()) {
            if (!unicast) {
                otherDatagrams++;
                otherVersion |= result.dropped() == DropReason.NEWER_VERSION
                        || result.dropped() == DropReason.OLDER_VERSION;
            }
            return;
        }
        Frame frame = result.frame();
        if (frame.sender().equals(me)) {
            if (!unicast && echoMillis < 0 && firstHelloNanos >= 0) {
                echoMillis = (nanoTime.getAsLong() - firstHelloNanos) / 1_000_000;
            }
            return;
        }
        if (frame.sender().id() == selfPeerId || !(frame instanceof Announcement a)) {
            return; // the chat this doctor runs in is not "another lanchat"; goodbyes and data say nothing here
        }
        PeerSeen before = seen.get(a.sender());
        PeerSeen now = before != null ? before.merge(unicast, !unicast, a.name())
                : new PeerSeen(a.name(), from.getHostAddress(), a.port(), a.sender().id(), isLocal(from), unicast,
                        !unicast);
        seen.put(a.sender(), now);
    }

    private boolean isLocal(InetAddress address) {
        return localAddresses.computeIfAbsent(address, a -> {
            try {
                return a.isLoopbackAddress() || NetworkInterface.getByInetAddress(a) != null;
            } catch (SocketException e) {
                return false;
            }
        });
    }

}
