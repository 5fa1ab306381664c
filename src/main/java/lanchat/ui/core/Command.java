package lanchat.ui.core;

import java.time.Duration;

/** One line of user input, understood. */
public sealed interface Command {

    /** Plain text for the room (it may span several lines). */
    record Say(String text) implements Command {}

    /** {@code /me waves}: sent as the room text {@code "/me waves"}, shown as an action. */
    record Me(String action) implements Command {}

    /** {@code /msg <name> <text>}: a direct message; the name may also be a 16-hex-digit peer id. */
    record Msg(String name, String text) implements Command {}

    /** {@code /nick <name>}. */
    record Nick(String name) implements Command {}

    /** {@code /peers}. */
    record Peers() implements Command {}

    /** {@code /help}, or {@code /help COMMAND} when {@code topic} is not null. */
    record Help(String topic) implements Command {
        public Help() {
            this(null);
        }
    }

    /** {@code /wait NAME [SECONDS]}: hold the following commands until that peer is in sight. */
    record Wait(String name, Duration limit) implements Command {}

    /** {@code /whois NAME}: the fingerprint and safety number of that peer's key. */
    record Whois(String name) implements Command {}

    /** {@code /verify NAME}: the safety numbers matched; remember that peer's key as verified. */
    record Verify(String name) implements Command {}

    /** {@code /doctor}: check in about two seconds why somebody does not appear. */
    record Doctor() implements Command {}

    /** {@code /away [TEXT]}, {@code /busy [TEXT]}, {@code /back}: the presence others see. */
    record SetPresence(lanchat.presence.Presence presence) implements Command {}
    /** {@code /history [NAME] [TEXT]}: page back or search; {@code words} as typed (may be empty). */
    record History(String words) implements Command {}

    /** {@code /queue}: list what waits in the outbox. */
    record Queue() implements Command {}

    /** {@code /queue cancel N}: take the Nth message of the last /queue list out of the outbox. */
    record CancelQueued(int number) implements Command {}

    /** {@code /quit}, or the end of input. */
    /** Offer files and folders to one peer. */
    record SendFiles(String name, java.util.List<String> paths) implements Command {}

    /** Answer an offer; {@code id} null for the only one waiting. */
    record AcceptFiles(String id) implements Command {}

    record RejectFiles(String id) implements Command {}

    /** Stop an offer or a transfer, either direction. */
    record CancelFiles(String id) implements Command {}

    /** List the offers and transfers under way. */
    record Transfers() implements Command {}

    record Quit() implements Command {}

    /** A blank line: nothing to do. */
    record Nothing() implements Command {}

    /** A line that is not a valid command; {@code problem} tells the user what to type instead. */
    record Invalid(String problem) implements Command {}
}
