package lanchat.ui.core;

import java.util.ArrayList;
import java.util.List;
import lanchat.node.ChatEvent;

/** The answer to /transfers, one line per offer or transfer. */
public final class TransfersText {
    private TransfersText() {}

    public static List<String> lines(List<ChatEvent.FileTransferLine> transfers) {
        if (transfers.isEmpty()) {
            return List.of("no offers or transfers: /send <name> <path> offers files");
        }
        List<String> out = new ArrayList<>();
        for (ChatEvent.FileTransferLine t : transfers) {
            out.add(String.format("  %s  %s %s %-9s %s  %s of %s", t.id(), t.incoming() ? "from" : "to  ",
                    Sanitizer.visible(t.peer(), Glyphs.UNICODE), t.state(), Sanitizer.visible(t.name(), Glyphs.UNICODE),
                    lanchat.files.ProgressText.size(t.doneBytes()), lanchat.files.ProgressText.size(t.totalBytes())));
        }
        return out;
    }

    /** "accepted 1a2b3c4d from bob automatically (auto-accept is on and bob's key is verified)". */
    public static String accepted(ChatEvent.FileAccepted a) {
        String who = Sanitizer.visible(a.peer().displayName(), Glyphs.UNICODE);
        return "accepted " + a.id() + " from " + who + (a.automatic() ? " automatically (" + a.reason() + ")" : "");
    }

    /** "bob offers holiday (5 files, 3.2 MB): /accept 1a2b3c4d or /reject 1a2b3c4d, within 10 minutes". */
    public static String offered(ChatEvent.FileOffered o, String who) {
        String what = String.join(", ", o.names().subList(0, Math.min(3, o.names().size())))
                + (o.names().size() > 3 ? " and " + (o.names().size() - 3) + " more" : "");
        String size = o.files() + (o.files() == 1 ? " file, " : " files, ") + lanchat.files.ProgressText.size(o.totalBytes());
        if (o.incoming()) {
            return who + " offers " + Sanitizer.visible(what, Glyphs.UNICODE) + " (" + size + "): /accept " + o.id()
                    + " or /reject " + o.id() + ", within 10 minutes";
        }
        return "offered " + Sanitizer.visible(what, Glyphs.UNICODE) + " (" + size + ") to " + who + "; /cancel " + o.id()
                + " withdraws it";
    }
}
