package lanchat.history;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Reads rows of {@link #COLUMNS} into records. */
final class Rows {

    /** What every message query selects, in this order; {@code m} is messages, {@code c} conversations. */
    static final String COLUMNS = "m.id, m.msg_id, c.kind, c.peer_key, m.sender, m.sent_at, m.stored_at,"
            + " m.direction, m.text, m.status, m.recipients, m.delivered, m.failure, m.delivered_at,"
            + " m.automatic";
    static final String FROM = " FROM messages m JOIN conversations c ON c.id = m.conversation";

    private Rows() {
    }

    static StoredMessage message(ResultSet row) throws SQLException {
        ConversationKey conversation = "room".equals(row.getString(3))
                ? ConversationKey.room() : ConversationKey.direct(row.getString(4));
        Outcome outcome = new Outcome(Status.ofColumn(row.getString(10)), row.getInt(12), row.getInt(11),
                row.getString(13), instantOrNull(row, 14));
        return new StoredMessage(row.getLong(1), row.getString(2), conversation, row.getString(5),
                Instant.ofEpochMilli(row.getLong(6)), Instant.ofEpochMilli(row.getLong(7)),
                "in".equals(row.getString(8)) ? Direction.IN : Direction.OUT, row.getString(9), outcome,
                row.getInt(15) != 0);
    }

    static List<StoredMessage> messages(ResultSet rows, boolean reverse) throws SQLException {
        List<StoredMessage> list = new ArrayList<>();
        while (rows.next()) {
            list.add(message(rows));
        }
        if (reverse) {
            Collections.reverse(list);
        }
        return Collections.unmodifiableList(list);
    }

    /** The outcome columns of an UPDATE ... RETURNING status, delivered, recipients, failure, delivered_at. */
    static Outcome outcome(ResultSet row) throws SQLException {
        return new Outcome(Status.ofColumn(row.getString(1)), row.getInt(2), row.getInt(3), row.getString(4),
                instantOrNull(row, 5));
    }

    static Outcome initialOutcome(NewMessage message, Instant now, boolean queued) {
        if (message.direction() == Direction.IN) {
            return new Outcome(Status.RECEIVED, 0, 0, null, now);
        }
        if (queued) {
            return new Outcome(Status.QUEUED, 0, message.recipients(), null, null);
        }
        // Sent to nobody (alone in the room): nothing to wait for.
        return message.recipients() == 0 ? new Outcome(Status.DELIVERED, 0, 0, null, null)
                : new Outcome(Status.PENDING, 0, message.recipients(), null, null);
    }

    /** The record {@link NullStore} answers with: nothing was stored, so there is no sequence number. */
    static StoredMessage unsaved(NewMessage message, Instant now) {
        return new StoredMessage(0, message.messageId(), message.conversation(), message.senderKey(),
                message.sentAt(), now, message.direction(), message.text(), initialOutcome(message, now, false),
                message.automatic());
    }

    private static Instant instantOrNull(ResultSet row, int column) throws SQLException {
        long millis = row.getLong(column);
        return row.wasNull() ? null : Instant.ofEpochMilli(millis);
    }
}
