package lanchat.history;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;

/** Conversation rows by key, remembered so that storing a message costs no lookup. */
final class Conversations {

    private final PreparedStatement select;
    private final PreparedStatement insert;
    private final Map<ConversationKey, Long> ids = new HashMap<>();

    Conversations(Connection connection) throws SQLException {
        select = connection.prepareStatement("SELECT id FROM conversations WHERE kind = ? AND peer_key = ?");
        insert = connection.prepareStatement("INSERT INTO conversations (kind, peer_key) VALUES (?, ?) RETURNING id");
    }

    /** The row id of a conversation; null when it has none and {@code create} is false. */
    Long idOf(ConversationKey key, boolean create) throws SQLException {
        Long known = ids.get(key);
        if (known != null) {
            return known;
        }
        String kind = key.isRoom() ? "room" : "direct";
        Long id = query(select, kind, key.peerKey());
        if (id == null && create) {
            id = query(insert, kind, key.peerKey());
        }
        if (id != null) {
            ids.put(key, id);
        }
        return id;
    }

    /** After a rollback: an id created in it is gone. */
    void forget() {
        ids.clear();
    }

    private static Long query(PreparedStatement statement, String kind, String peerKey) throws SQLException {
        statement.setString(1, kind);
        statement.setString(2, peerKey);
        try (ResultSet rows = statement.executeQuery()) {
            return rows.next() ? rows.getLong(1) : null;
        }
    }
}
