package lanchat.ui.desktop.model;

import java.time.LocalDate;
import java.time.LocalTime;

/** One row of a conversation: a day separator, a quiet line (join, leave, rename, notices) or a message. */
public sealed interface ChatItem permits ChatItem.DaySeparator, ChatItem.QuietLine, Message {

    /** "Today", "Yesterday" or the date, above the first item of each day. */
    record DaySeparator(LocalDate day) implements ChatItem {}

    /** A line without a bubble; {@code error} lines are a command's failure, shown in red. */
    record QuietLine(LocalTime time, String text, boolean error) implements ChatItem {}
}
