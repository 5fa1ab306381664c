package lanchat.message;

/**
 * What one reassembled stream message carries (protocol.md 4.7): a kind byte, then that kind's fields.
 * {@link BodyCodec} turns bodies into bytes and back. Each kind is a record of its own file in this package;
 * kinds that other features add (presence 0x02, files 0x10-0x1F) join the permits list and
 * {@link BodyCodec#decode}'s switch, one line each.
 */
public sealed interface Body permits Text, PresenceBody, FileOffer, FileAnswer, FileCancel {

    /** The kind byte that starts the encoded body. */
    int kind();

    /** Appends the fields that follow the kind byte. */
    void writeFields(BodyWriter out);
}
