package lanchat.ui.desktop;

import com.formdev.flatlaf.FlatDarkLaf;
import com.formdev.flatlaf.FlatLaf;
import com.formdev.flatlaf.FlatLightLaf;
import java.awt.Font;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.swing.UIManager;

/**
 * FlatLaf light or dark, following the system where it can tell (GNOME's colour scheme or GTK theme, the
 * macOS appearance, the Windows app mode), and the text size, which the user can change at any time.
 * LANCHAT_THEME=dark or light overrides the guess.
 */
final class Themes {
    static final float MIN_SIZE = 9f;
    static final float MAX_SIZE = 32f;
    private static final long ASK_TIMEOUT_MS = 400;

    private boolean dark;
    private float size;

    Themes(boolean dark) {
        this.dark = dark;
    }

    /** The system's preference; false (light) when it cannot be told. */
    static boolean systemPrefersDark(Map<String, String> env) {
        String forced = env.getOrDefault("LANCHAT_THEME", "").toLowerCase(Locale.ROOT);
        if (forced.equals("dark") || forced.equals("light")) {
            return forced.equals("dark");
        }
        String gtk = env.getOrDefault("GTK_THEME", "").toLowerCase(Locale.ROOT);
        if (gtk.contains("dark")) {
            return true;
        }
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        if (os.contains("mac")) {
            return ask(List.of("defaults", "read", "-g", "AppleInterfaceStyle")).contains("dark");
        }
        if (os.contains("win")) {
            return ask(List.of("reg", "query", "HKCU\\Software\\Microsoft\\Windows\\CurrentVersion\\Themes\\Personalize",
                    "/v", "AppsUseLightTheme")).contains("0x0");
        }
        return ask(List.of("gsettings", "get", "org.gnome.desktop.interface", "color-scheme")).contains("dark");
    }

    /** The command's output in lower case, or "" when it is missing, fails or takes too long. */
    private static String ask(List<String> command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            p.getOutputStream().close();
            if (!p.waitFor(ASK_TIMEOUT_MS, TimeUnit.MILLISECONDS)) {
                p.destroyForcibly();
                return "";
            }
            try (InputStream in = p.getInputStream()) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8).toLowerCase(Locale.ROOT);
            }
        } catch (IOException e) {
            return "";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }

    /** Installs the look and feel; call on the event dispatch thread before building the window. */
    void install() {
        FlatLaf.setUseNativeWindowDecorations(false);
        UIManager.put("Component.arc", 10);
        UIManager.put("TextComponent.arc", 12);
        UIManager.put("ScrollBar.thumbArc", 999);
        UIManager.put("ScrollBar.width", 10);
        if (dark) {
            FlatDarkLaf.setup();
        } else {
            FlatLightLaf.setup();
        }
        Font base = UIManager.getFont("defaultFont");
        size = base != null ? base.getSize2D() : 13f;
    }

    boolean dark() {
        return dark;
    }

    float size() {
        return size;
    }

    void toggleDark() {
        dark = !dark;
        try {
            UIManager.setLookAndFeel(dark ? new FlatDarkLaf() : new FlatLightLaf());
        } catch (javax.swing.UnsupportedLookAndFeelException e) {
            dark = !dark; // FlatLaf runs on every Java 17 desktop; keep what was there if it ever does not
            return;
        }
        applySize();
    }

    /** Changes the text size by {@code steps} points (0 = back to the default), within reason. */
    void resize(float steps, float defaultSize) {
        size = steps == 0 ? defaultSize : Math.max(MIN_SIZE, Math.min(MAX_SIZE, size + steps));
        applySize();
    }

    private void applySize() {
        Font base = UIManager.getFont("defaultFont");
        if (base != null) {
            UIManager.put("defaultFont", base.deriveFont(size));
        }
        FlatLaf.updateUI();
    }
}
