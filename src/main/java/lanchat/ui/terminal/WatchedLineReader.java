package lanchat.ui.terminal;

import java.util.HashMap;
import lanchat.ui.core.UnreadMarker;
import org.jline.keymap.KeyMap;
import org.jline.reader.Binding;
import org.jline.reader.impl.LineReaderImpl;
import org.jline.terminal.Terminal;

/**
 * JLine's line reader, telling the unread marker when a key is pressed and when the terminal gains or loses
 * focus (xterm-like terminals report it once asked to; JLine's own focus widgets do nothing and beep).
 */
final class WatchedLineReader extends LineReaderImpl {
    private final UnreadMarker marker;

    WatchedLineReader(Terminal terminal, UnreadMarker marker) {
        super(terminal, "lanchat", new HashMap<>());
        this.marker = marker;
    }

    @Override
    public Binding readBinding(KeyMap<Binding> keys, KeyMap<Binding> local) {
        Binding binding = super.readBinding(keys, local);
        marker.activity();
        return binding;
    }

    @Override
    public boolean focusIn() {
        marker.focus(true);
        return true;
    }

    @Override
    public boolean focusOut() {
        marker.focus(false);
        return true;
    }
}
