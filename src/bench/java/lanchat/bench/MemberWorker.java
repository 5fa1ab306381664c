package lanchat.bench;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.concurrent.locks.LockSupport;

/**
 * One group member of a benchmarked system on a lab host, driven by the coordinator through stdin and
 * reporting on stdout (see {@link Line}). Exits by itself after MAX_SECONDS whatever happens.
 *
 * <pre>
 *   MemberWorker SYSTEM NAME MAX_SECONDS        SYSTEM: jgroups-stock | jgroups-tuned | lanchat
 * commands:
 *   expect COUNT seq|lat         report "received-all" (seq) or "latency" (lat) once COUNT have arrived
 *   blast TO COUNT SIZE          send COUNT messages of SIZE bytes to TO as fast as the system takes them
 *   pace TO COUNT INTERVAL_US SIZE   one message per interval, carrying its send time
 *   room SIZE                    one message to every other member, carrying its send time; report
 *                                "room-done" with the datagrams sent once every recipient's outcome is in
 *   counters                     report "counters" with the system's own counters (key=value)
 *   jvm                          report "jvm": collectors' and compilers' time, CPU per kind of thread so far
 *   settle                       report "settled" once work after arrivals is done (lanchat's history
 *                                store) and the JIT compilers have been idle for 300 ms
 *   quit                         leave cleanly and exit
 * </pre>
 */
public final class MemberWorker {
    private MemberWorker() {}

    public static void main(String[] args) {
        String system = args[0];
        String name = args[1];
        long maxSeconds = Long.parseLong(args[2]);
        Thread watchdog = new Thread(() -> {
            LockSupport.parkNanos(maxSeconds * 1_000_000_000L);
            Line.emit("error", "message", "time-limit-" + maxSeconds + "s");
            Runtime.getRuntime().halt(3);
        }, "watchdog");
        watchdog.setDaemon(true);
        watchdog.start();
        try {
            GroupMember member = create(system);
            Receipts receipts = new Receipts();
            String bind = labAddress();
            Line.emit("connect-start", "t", Micros.now());
            member.join(name, bind, new GroupMember.Listener() {
                @Override
                public void members(int count) {
                    Line.emit("members", "n", count, "t", Micros.now());
                }

                @Override
                public void received(byte[] payload) {
                    receipts.received(payload);
                }
            });
            Line.emit("ready", "t", Micros.now(), "bind", bind);
            commands(member, receipts);
            System.exit(0);
        } catch (Exception e) {
            Line.emit("error", "message", String.valueOf(e).replace(' ', '_'));
            e.printStackTrace();
            System.exit(2);
        }
    }

    static GroupMember create(String system) {
        switch (system) {
            case "jgroups-stock":
                return new JGroupsMember(false);
            case "jgroups-tuned":
                return new JGroupsMember(true);
            case "lanchat":
                return new LanchatMember(false);
            case "lanchat-history":
                return new LanchatMember(true);
            default:
                throw new IllegalArgumentException("unknown system " + system);
        }
    }

    /** The IPv4 address of the lab interface: the only one a worker may use. */
    static String labAddress() throws Exception {
        NetworkInterface nif = NetworkInterface.getByName(Netlab.INTERFACE);
        if (nif == null) {
            throw new IllegalStateException("no " + Netlab.INTERFACE + ": workers run only inside lab hosts");
        }
        for (InetAddress a : Collections.list(nif.getInetAddresses())) {
            if (a instanceof Inet4Address) {
                return a.getHostAddress();
            }
        }
        throw new IllegalStateException(Netlab.INTERFACE + " has no IPv4 address");
    }

    private static void commands(GroupMember member, Receipts receipts) throws Exception {
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        String text;
        while ((text = in.readLine()) != null) {
            String[] c = text.trim().split(" +");
            switch (c[0]) {
                case "expect":
                    receipts.expect(Integer.parseInt(c[1]), c[2].equals("lat"));
                    Line.emit("expecting", "count", c[1]);
                    break;
                case "blast":
                    blast(member, c[1], Integer.parseInt(c[2]), Integer.parseInt(c[3]));
                    break;
                case "pace":
                    pace(member, c[1], Integer.parseInt(c[2]), Long.parseLong(c[3]), Integer.parseInt(c[4]));
                    break;
                case "room":
                    room(member, Integer.parseInt(c[1]));
                    break;
                case "counters":
                    counters(member);
                    break;
                case "jvm":
                    JvmTimes.emit();
                    break;
                case "settle":
                    member.settle();
                    long jitMs = JitQuiet.await();
                    Line.emit("settled", "t", Micros.now(), "jit_wait_ms", jitMs);
                    break;
                case "quit":
                    leave(member);
                    return;
                default:
                    Line.emit("error", "message", "unknown-command-" + c[0]);
            }
        }
        leave(member);
    }

    private static void counters(GroupMember member) {
        java.util.List<Object> pairs = new java.util.ArrayList<>();
        for (java.util.Map.Entry<String, Long> e : new java.util.TreeMap<>(member.counters()).entrySet()) {
            pairs.add(e.getKey());
            pairs.add(e.getValue());
        }
        Line.emit("counters", pairs.toArray());
    }

    private static void leave(GroupMember member) throws Exception {
        Line.emit("leave-start", "t", Micros.now());
        member.leave();
        Line.emit("left", "t", Micros.now());
    }

    private static void room(GroupMember member, int size) throws Exception {
        long start = Micros.now();
        Line.emit("room-start", "t", start);
        java.util.Map<String, Long> sent = member.sendToAllAndCount(Receipts.payload('L', 0, start, size));
        Line.emit("room-done", "t", Micros.now(), "data_out", sent.get("data_out"), "datagrams_out",
                sent.get("datagrams_out"));
    }

    private static void blast(GroupMember member, String to, int count, int size) throws Exception {
        Line.emit("send-start", "t", Micros.now());
        for (int i = 0; i < count; i++) {
            member.send(to, Receipts.payload('S', i, 0, size));
        }
        Line.emit("send-done", "t", Micros.now());
    }

    private static void pace(GroupMember member, String to, int count, long intervalUs, int size) throws Exception {
        Line.emit("send-start", "t", Micros.now());
        long next = System.nanoTime();
        for (int i = 0; i < count; i++) {
            LockSupport.parkNanos(next - System.nanoTime());
            next += intervalUs * 1_000;
            member.send(to, Receipts.payload('L', i, Micros.now(), size));
        }
        Line.emit("send-done", "t", Micros.now());
    }
}
