package lanchat.ui.desktop;

import java.awt.event.KeyEvent;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import javax.swing.SwingUtilities;
import lanchat.node.ChatNode;
import lanchat.node.NodeConfig;
import lanchat.ui.core.NodeBackend;
import lanchat.ui.desktop.model.ChatItem;
import lanchat.ui.desktop.model.Conversation;
import lanchat.ui.desktop.model.Message;
import lanchat.ui.desktop.model.ModelListener;
import lanchat.ui.json.Json;

/**
 * The real window of one lab host, driven like a person would: each line on standard input is typed into
 * the composer and sent with Enter; every message the window shows is reported as a JSON line
 * ({@code {"event":"shown","conversation":…,"sender":…,"own":…,"text":…}}), as are {@code ready} (the window
 * is up) and {@code online} (how many peers the sidebar shows). Runs on the X display in DISPLAY, which the
 * test starts inside the same namespace. Exits when standard input ends.
 *
 * <pre>
 *   DesktopLabPeer NAME IFACE GROUP PORT
 * </pre>
 */
public final class DesktopLabPeer {
    private DesktopLabPeer() {}

    public static void main(String[] args) throws Exception {
        System.setProperty("java.net.preferIPv4Stack", "true");
        DesktopFrontend frontend = DesktopFrontend.open(false);
        NodeConfig config = NodeConfig.defaults(args[0]).withInterface(NetworkInterface.getByName(args[1]))
                .withGroup(InetAddress.getByName(args[2]), Integer.parseInt(args[3]))
                .withIdentity(lanchat.session.Identity.generate(new java.security.SecureRandom()), 0);
        ChatNode node = ChatNode.start(config, frontend.listener());
        Thread ui = new Thread(() -> frontend.run(new NodeBackend(node)), "lab-frontend");
        ui.start();
        ChatWindow window = frontend.shown().get(30, TimeUnit.SECONDS);
        SwingUtilities.invokeAndWait(() -> {
            frontend.model().addListener(new ModelListener() {
            @Override
            public void conversationsChanged() {
                emit(Json.object().put("event", "online").put("n", frontend.model().online().size()));
            }

            @Override
            public void itemsAppended(Conversation c, int from, int to) {
                for (int i = from; i <= to; i++) {
                    ChatItem item = c.items().get(i);
                    if (item instanceof Message m) {
                        emit(Json.object().put("event", "shown").put("conversation", c.title())
                                .put("sender", m.sender()).put("own", m.own()).put("text", m.text()));
                    }
                }
            }
            });
            // Peers may have joined before the window was up: say how many it shows now.
            emit(Json.object().put("event", "online").put("n", frontend.model().online().size()));
        });
        emit(Json.object().put("event", "ready").put("id", node.self().idHex()));
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        String line;
        while ((line = in.readLine()) != null) {
            String typed = line;
            SwingUtilities.invokeAndWait(() -> {
                window.composer().setText(typed);
                window.composer().dispatchEvent(new KeyEvent(window.composer(), KeyEvent.KEY_PRESSED,
                        System.currentTimeMillis(), 0, KeyEvent.VK_ENTER, KeyEvent.CHAR_UNDEFINED));
            });
        }
        frontend.quit();
        ui.join(10_000);
        frontend.close();
        System.exit(0);
    }

    private static synchronized void emit(Json.Obj obj) {
        System.out.println(obj.toString());
        System.out.flush();
    }
}
