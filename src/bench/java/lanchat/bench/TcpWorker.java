package lanchat.bench;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;

/**
 * A plain Java TCP transfer for W6's baseline: {@code TcpWorker recv BIND PORT BYTES} or
 * {@code TcpWorker send BIND TARGET PORT BYTES}. The receiver reports bytes and MB/s from the first byte
 * to the last.
 */
public final class TcpWorker {
    public static void main(String[] args) throws Exception {
        if (args[0].equals("recv")) {
            long bytes = Long.parseLong(args[3]);
            try (ServerSocket server = new ServerSocket()) {
                server.bind(new InetSocketAddress(args[1], Integer.parseInt(args[2])));
                Line.emit("ready");
                try (Socket s = server.accept(); InputStream in = s.getInputStream()) {
                    byte[] buf = new byte[1 << 16];
                    long got = 0;
                    long start = 0;
                    while (got < bytes) {
                        int n = in.read(buf);
                        if (n < 0) {
                            break;
                        }
                        if (got == 0) {
                            start = System.nanoTime();
                        }
                        got += n;
                    }
                    double seconds = (System.nanoTime() - start) / 1e9;
                    Line.emit("result", "bytes", got, "mb_per_s", got / seconds / 1e6, "seconds", seconds);
                }
            }
        } else {
            long bytes = Long.parseLong(args[4]);
            try (Socket s = new Socket()) {
                s.bind(new InetSocketAddress(args[1], 0));
                s.connect(new InetSocketAddress(args[2], Integer.parseInt(args[3])), 10_000);
                OutputStream out = s.getOutputStream();
                byte[] buf = new byte[1 << 16];
                long sent = 0;
                while (sent < bytes) {
                    int n = (int) Math.min(buf.length, bytes - sent);
                    out.write(buf, 0, n);
                    sent += n;
                }
                out.flush();
                s.shutdownOutput();
                s.getInputStream().read(); // until the receiver closes
                Line.emit("result", "bytes", sent);
            }
        }
        System.exit(0);
    }
}
