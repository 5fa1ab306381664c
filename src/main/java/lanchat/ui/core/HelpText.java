package lanchat.ui.core;

import java.util.List;

/** The answer to /help: every command, one line each. */
public final class HelpText {
    private HelpText() {}

    public static List<String> lines() {
        return List.of(
                "Commands:",
                "  <text>              send the text to everyone in the room",
                "  /msg <name> <text>  send a direct message to one peer (Tab completes the name)",
                "  /peers              list the peers in sight: name, address, last heard, round-trip time",
                "  /nick <name>        change your name (1-32 letters, digits, '-', '_', '.')",
                "  /help               show this help",
                "  /quit               leave the chat, after pending messages are delivered (also Ctrl-D)",
                "  //text              send a text that begins with '/'");
    }
}
