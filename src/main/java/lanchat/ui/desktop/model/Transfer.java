package lanchat.ui.desktop.model;

import java.util.List;
import lanchat.files.ProgressText;
import lanchat.node.ChatEvent;
import lanchat.ui.core.Glyphs;
import lanchat.ui.core.Sanitizer;

/**
 * One file offer and its transfer as the window shows it: who offers what, how far it is, and how it ended.
 * Every text it returns is already made safe for display. Changed only by {@link Transfers}, on the event
 * dispatch thread.
 */
public final class Transfer {
    /** Where an offer is: waiting for an answer, moving bytes, or finished one way or the other. */
    public enum State { OFFERED, RUNNING, DONE, FAILED }

    private final String id;
    private final boolean incoming;
    private final String peer;
    private final String what;
    private final int files;
    private final long totalBytes;
    private State state = State.OFFERED;
    private long doneBytes;
    private int percent;
    private long bytesPerSecond;
    private long secondsLeft = -1;
    private String outcome = "";
    private java.time.LocalTime expires;

    Transfer(String id, boolean incoming, String peer, List<String> names, int files, long totalBytes) {
        this.id = id;
        this.incoming = incoming;
        this.peer = safe(peer);
        this.what = summary(names);
        this.files = files;
        this.totalBytes = totalBytes;
    }

    /** The short id /accept, /reject and /cancel take; empty for an offer refused before it had one. */
    public String id() {
        return id;
    }

    public boolean incoming() {
        return incoming;
    }

    /** The peer's display name. */
    public String peer() {
        return peer;
    }

    public State state() {
        return state;
    }

    public int percent() {
        return percent;
    }

    /** "bob offers holiday, notes.txt (5 files, 3.2 MB)", then "from bob: …"; ours "to bob: holiday (…)". */
    public String headline() {
        String size = files + (files == 1 ? " file, " : " files, ") + ProgressText.size(totalBytes);
        String who = !incoming ? "to " + peer + ": " : state == State.OFFERED ? peer + " offers " : "from " + peer + ": ";
        return who + what + " (" + size + ")";
    }

    /** The second line: what happens now, the progress figures, or the outcome. */
    public String status() {
        return switch (state) {
            case OFFERED -> (incoming ? "waiting for your answer" : "offered; waiting for " + peer + " to accept")
                    + (expires == null ? "" : " (until " + UNTIL.format(expires) + ")");
            case RUNNING -> percent + "%  ·  " + ProgressText.size(doneBytes) + " of " + ProgressText.size(totalBytes)
                    + "  ·  " + ProgressText.rate(bytesPerSecond)
                    + (secondsLeft >= 0 ? "  ·  " + ProgressText.duration(secondsLeft) + " left" : "");
            case DONE, FAILED -> outcome;
        };
    }

    /** An offer to us that has not been answered: Accept and Reject apply. */
    public boolean answerable() {
        return incoming && state == State.OFFERED && !id.isEmpty();
    }

    /** Not finished yet: Cancel applies (to our own offer, or to a transfer either way). */
    public boolean cancellable() {
        return !id.isEmpty() && (state == State.RUNNING || state == State.OFFERED && !incoming);
    }

    public boolean finished() {
        return state == State.DONE || state == State.FAILED;
    }

    private static final java.time.format.DateTimeFormatter UNTIL = java.time.format.DateTimeFormatter.ofPattern("HH:mm");

    /** An unanswered offer goes at this time (the node says expired then). */
    void expires(java.time.LocalTime at) {
        this.expires = at;
    }

    void progress(ChatEvent.FileProgress p) {
        if (finished()) {
            return; // a late progress event must not revive a finished row
        }
        state = State.RUNNING;
        doneBytes = p.doneBytes();
        percent = Math.max(0, Math.min(100, p.percent()));
        bytesPerSecond = p.bytesPerSecond();
        secondsLeft = p.secondsLeft();
    }

    void done(ChatEvent.FileDone d) {
        if (finished()) {
            return; // the first end is the one that happened
        }
        state = State.DONE;
        doneBytes = totalBytes;
        percent = 100;
        outcome = d.incoming() ? "✓ received, SHA-256 checked: " + safe(d.where()) : "✓ sent, " + peer + " has it";
    }

    void failed(String reason) {
        if (finished()) {
            return;
        }
        state = State.FAILED;
        outcome = "✗ " + safe(reason);
    }

    private static String summary(List<String> names) {
        String shown = String.join(", ", names.subList(0, Math.min(3, names.size())))
                + (names.size() > 3 ? " and " + (names.size() - 3) + " more" : "");
        return safe(shown.isEmpty() ? "files" : shown);
    }

    private static String safe(String s) {
        return Sanitizer.visible(s == null ? "" : s, Glyphs.UNICODE);
    }
}
