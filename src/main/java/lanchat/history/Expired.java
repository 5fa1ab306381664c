package lanchat.history;

/** A message that left the outbox undelivered because it waited too long; {@code reason} is the one stored. */
public record Expired(Waiting waiting, String reason) {
}
