package lanchat.lab;

import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/** Predicates over the --json events of the scripted mode (the contract the lab tests rely on). */
final class Events {
    private Events() {}

    static Predicate<Event> joined(String name) {
        return e -> e.is("peer_joined") && e.names("name", name);
    }

    static Predicate<Event> left(String name) {
        return e -> e.is("peer_left") && e.names("name", name);
    }

    static Predicate<Event> left(String name, String reason) {
        return left(name).and(e -> reason.equals(e.str("reason")));
    }

    /** A room message ({@code "to":null}) from {@code from}. */
    static Predicate<Event> roomMessage(String from, String text) {
        return e -> e.is("message") && e.names("from", from) && e.str("to") == null && text.equals(e.str("text"));
    }

    /** A direct message from {@code from} to {@code to} (the receiver's own name). */
    static Predicate<Event> directMessage(String from, String to) {
        return e -> e.is("message") && e.names("from", from) && e.names("to", to);
    }

    static Predicate<Event> directMessage(String from, String to, String text) {
        return directMessage(from, to).and(e -> text.equals(e.str("text")));
    }

    static Predicate<Event> anyMessageWithText(String text) {
        return e -> e.is("message") && text.equals(e.str("text"));
    }

    static Predicate<Event> sent() {
        return e -> e.is("sent");
    }

    static Predicate<Event> delivered(long msg) {
        return e -> e.is("delivered") && e.fields().get("msg") != null && e.num("msg") == msg;
    }

    static Predicate<Event> outcome() {
        return e -> e.is("delivered") || e.is("undelivered");
    }

    static Predicate<Event> type(String type) {
        return e -> e.is(type);
    }

    /** Names in a "sent" event's "to" list. */
    static List<String> recipients(Event sent) {
        return sent.list("to").stream().map(Objects::toString).sorted().collect(Collectors.toList());
    }

    /** True if any value of the event (top level) shows {@code name}. */
    static boolean mentions(Event e, String name) {
        return e.fields().values().stream().anyMatch(v -> Event.nameMatches(v, name));
    }
}
