package lanchat.ui.desktop.model;

/** What changed in the {@link ChatModel}; called on the thread that changed it (the event dispatch thread). */
public interface ModelListener {

    /** Conversations were added, reordered, renamed, or their unread counts or presence changed. */
    default void conversationsChanged() {}

    /** Items {@code from}..{@code to} (inclusive) were appended to {@code conversation}. */
    default void itemsAppended(Conversation conversation, int from, int to) {}

    /**
     * Items {@code from}..{@code to} (inclusive) were inserted into {@code conversation} before the others
     * (its history, once); the items after them moved down by that many.
     */
    default void itemsInserted(Conversation conversation, int from, int to) {}

    /** The item at {@code index} changed (a delivery mark). */
    default void itemChanged(Conversation conversation, int index) {}

    /** Someone else's message arrived while the window was not focused: time for a notification. */
    default void notifyIncoming(Conversation conversation, Message message) {}

    /** A transfer's row changed ({@code changed}), or rows came or went ({@code changed} null). */
    default void transfersChanged(Transfer changed) {}

    /** A peer offered files while the window was not focused: time for a notification. */
    default void notifyOffer(Transfer offer) {}

    /** Our own name changed, or became known. */
    default void selfChanged() {}
}
