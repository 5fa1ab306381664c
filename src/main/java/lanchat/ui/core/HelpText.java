package lanchat.ui.core;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The answer to /help (every command, one line each) and to /help COMMAND (one command in full). */
public final class HelpText {
    private static final Map<String, List<String>> LONG = Map.ofEntries(
            Map.entry("/msg", List.of(
                    "/msg <name> <text>: send a direct message to one peer only.",
                    "  <name> is a name, a display name such as bob#3f2a (when two peers share a name),",
                    "  or the 16-hex-digit peer id that /peers and the JSON events show.",
                    "  Tab completes the name. You see ✓ when it was delivered, ✗ and the reason when not.")),
            Map.entry("/me", List.of(
                    "/me <action>: say what you do, shown to everyone as \"* alice waves\".",
                    "  It travels as a room message whose text starts with \"/me \".")),
            Map.entry("/peers", List.of(
                    "/peers: list the peers in sight: name, address, when last heard, round-trip time.",
                    "  When nobody is there it says which interface, group and port to compare.")),
            Map.entry("/nick", List.of(
                    "/nick <name>: change your name (1-32 letters, digits, '-', '_', '.'); everyone is told.",
                    "  If another peer already has that name you are asked first: type the same /nick",
                    "  again to take it anyway (both are then shown with a #xxxx suffix), or choose another.")),
            Map.entry("/away", List.of(
                    "/away [text]: tell everyone you are away, with an optional short text (at most 80 bytes).",
                    "  Direct messages get one automatic reply per peer (\"alice is away: text\") until /back.",
                    "  After --auto-away minutes without typing you are set away by yourself; typing ends that.")),
            Map.entry("/busy", List.of(
                    "/busy [text]: tell everyone you are busy, e.g. /busy in a meeting until 3.",
                    "  Like /away: one automatic reply per peer to direct messages, until /back.")),
            Map.entry("/back", List.of(
                    "/back: you are online again; the automatic replies stop.")),
            Map.entry("/wait", List.of(
                    "/wait <name> [seconds]: hold the next commands until that peer is in sight (default 30 s).",
                    "  For scripts: \"/wait bob\" before the first message makes sure bob receives it.",
                    "  The name may be a display name or a peer id; the answer says whether it came.")),
            Map.entry("/whois", List.of(
                    "/whois <name>: the fingerprint of that peer's key and the safety number you share with it.",
                    "  Read the safety number aloud together (in person or on the phone): when both see the",
                    "  same 60 digits, nobody is in between. Then type /verify <name>.")),
            Map.entry("/verify", List.of(
                    "/verify <name>: after comparing the safety number of /whois, remember that key as",
                    "  verified: the peer is marked ✔ from now on, and another key for that name is flagged.")),
            Map.entry("/doctor", List.of(
                    "/doctor: check in about two seconds why nobody (or somebody) does not appear: interfaces,",
                    "  multicast heard back, ports, other lanchats answering, firewall, VPN and Wi-Fi hints.",
                    "  The chat goes on meanwhile; the same checks run with ./run.sh doctor.")),
            Map.entry("/help", List.of(
                    "/help [command]: list the commands, or explain one, e.g. /help msg.")),
            Map.entry("/quit", List.of(
                    "/quit: leave the chat. Messages still in flight get up to 5 s, then the others are told.",
                    "  Ctrl-D on an empty line does the same, and so does Ctrl-C twice on an empty line",
                    "  (Ctrl-C on a line you are typing clears it).")));

    /** The history's commands (apart, since Map.of takes at most ten entries). */
    private static final Map<String, List<String>> HISTORY = Map.of(
            "/history", List.of(
                    "/history [name] [text]: earlier lines, answered as they are read from disk.",
                    "  /history pages back through the room (again: further back); /history bob through",
                    "  your direct messages with bob; /history bob lunch searches them for \"lunch\";",
                    "  /history lunch searches everywhere (every word must occur; the last may be a prefix)."),
            "/queue", List.of(
                    "/queue: the direct messages waiting for a known peer that is offline, numbered.",
                    "  /msg to a known name that is not online puts the message there: it goes when that",
                    "  peer is next in sight and you see \"delivered (queued at HH:MM)\". After 7 days",
                    "  (--queue-days) it fails. /queue cancel N takes the Nth listed message back."));

    /** The file commands. */
    private static final Map<String, List<String>> FILES = Map.of(
            "/send", List.of(
                    "/send <name> <path>...: offer files and folders (folders keep their tree) to one peer.",
                    "  They are hashed first (SHA-256), then the peer sees names, sizes and the total and answers",
                    "  /accept or /reject within 10 minutes. A progress line shows while they go."),
            "/accept", List.of(
                    "/accept [id]: take an offer into the downloads folder (--downloads DIR; default your",
                    "  Downloads folder, lanchat). Nothing is overwritten: a clash becomes \"name (1).ext\".",
                    "  Files arrive under a temporary name and get theirs once their SHA-256 matches.",
                    "  A transfer that broke off continues where it was when the same files are offered again;",
                    "  one cut off with its peer continues by itself when the peer is back within 10 minutes.",
                    "  With --auto-accept, offers from peers you marked verified (/verify) need no /accept."),
            "/reject", List.of("/reject [id]: decline an offer; the sender is told."),
            "/cancel", List.of("/cancel <id>: withdraw your offer, or stop a transfer in either direction."),
            "/transfers", List.of("/transfers: every offer and transfer under way, with its id and progress."));

    private HelpText() {}

    public static List<String> lines() {
        return List.of(
                "Commands:",
                "  <text>              send the text to everyone in the room (Alt+Enter starts a new line)",
                "  /msg <name> <text>  send a direct message to one peer (Tab completes names anywhere)",
                "  /me <action>        say what you do: \"* alice waves\"",
                "  /peers              list the peers in sight: name, address, last heard, round-trip time",
                "  /whois <name>       the key fingerprint and safety number of a peer (compare it aloud)",
                "  /verify <name>      mark a peer's key verified after comparing the safety number",
                "  /nick <name>        change your name (1-32 letters, digits, '-', '_', '.')",
                "  /away [text]        tell everyone you are away (one automatic reply per peer)",
                "  /busy [text]        tell everyone you are busy",
                "  /back               online again",
                "  /doctor             check why somebody does not appear (about 2 s)",
                "  /wait <name> [s]    for scripts: wait until that peer is in sight (default 30 s)",
                "  /history [name] [t] page back through the room or a peer's messages, or search for t",
                "  /queue [cancel N]   the messages waiting for offline peers; cancel the Nth",
                "  /send <name> <path>... offer files and folders to one peer (quote paths with spaces)",
                "  /accept [id]        accept an offer (the id is needed when several wait); /reject [id]",
                "  /cancel <id>        withdraw an offer or stop a transfer, either way",
                "  /transfers          the offers and transfers under way",
                "  /help [command]     show this help, or the details of one command",
                "  /quit               leave the chat, after pending messages are delivered (also Ctrl-D)",
                "  //text              send a text that begins with '/'");
    }

    /** The long help of one command ("msg" or "/msg"), or null if there is no such command. */
    public static List<String> about(String command) {
        String word = command.strip().toLowerCase(Locale.ROOT);
        String key = word.startsWith("/") ? word : "/" + word;
        if (FILES.containsKey(key)) {
            return FILES.get(key);
        }
        return LONG.containsKey(key) ? LONG.get(key) : HISTORY.get(key);
    }
}
