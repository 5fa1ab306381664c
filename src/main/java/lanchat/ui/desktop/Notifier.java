package lanchat.ui.desktop;

import java.awt.AWTException;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.SystemTray;
import java.awt.Taskbar;
import java.awt.TrayIcon;
import java.awt.image.BufferedImage;
import javax.swing.JFrame;
import javax.swing.Timer;

/**
 * Tells the user about a message that arrived while the window was not focused: a system-tray notification
 * where the desktop has a tray, otherwise the window title flashes (and the taskbar asks for attention where
 * it can) until the window is focused again.
 */
final class Notifier {
    private final JFrame frame;
    private final java.util.function.Supplier<String> normalTitle;
    private final Timer flash;
    private TrayIcon tray;
    private String flashText;
    private boolean flashOn;

    Notifier(JFrame frame, java.util.function.Supplier<String> normalTitle) {
        this.frame = frame;
        this.normalTitle = normalTitle;
        this.flash = new Timer(900, e -> toggle());
    }

    void notify(String sender, String text) {
        String shortText = text.length() > 120 ? text.substring(0, 120) + "…" : text;
        if (trayAvailable()) {
            tray.displayMessage("lanchat: " + sender, shortText, TrayIcon.MessageType.INFO);
            return;
        }
        flashText = "✉ " + sender + ": " + shortText.replace('\n', ' ');
        if (!flash.isRunning()) {
            flash.start();
            toggle();
        }
        if (Taskbar.isTaskbarSupported() && Taskbar.getTaskbar().isSupported(Taskbar.Feature.USER_ATTENTION_WINDOW)) {
            Taskbar.getTaskbar().requestWindowUserAttention(frame);
        }
    }

    /** The window is focused again. */
    void stop() {
        if (flash.isRunning()) {
            flash.stop();
        }
        flashOn = false;
        frame.setTitle(normalTitle.get());
    }

    boolean flashing() {
        return flash.isRunning();
    }

    void dispose() {
        flash.stop();
        if (tray != null) {
            SystemTray.getSystemTray().remove(tray);
        }
    }

    private void toggle() {
        flashOn = !flashOn;
        frame.setTitle(flashOn ? flashText : normalTitle.get());
    }

    private boolean trayAvailable() {
        if (tray != null) {
            return true;
        }
        if (!SystemTray.isSupported()) {
            return false;
        }
        try {
            tray = new TrayIcon(icon(), "lanchat");
            tray.setImageAutoSize(true);
            tray.addActionListener(e -> frame.toFront());
            SystemTray.getSystemTray().add(tray);
            return true;
        } catch (AWTException | UnsupportedOperationException e) {
            tray = null;
            return false;
        }
    }

    /** The app icon, drawn rather than shipped: a speech bubble in the accent colour. */
    static BufferedImage icon() {
        BufferedImage image = new BufferedImage(64, 64, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(java.awt.RenderingHints.KEY_ANTIALIASING, java.awt.RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(new Color(0x2B7DE0));
        g.fillRoundRect(4, 6, 56, 40, 22, 22);
        g.fillPolygon(new int[] {16, 30, 14}, new int[] {40, 44, 58}, 3);
        g.setColor(Color.WHITE);
        for (int i = 0; i < 3; i++) {
            g.fillOval(17 + i * 12, 22, 8, 8);
        }
        g.dispose();
        return image;
    }
}
