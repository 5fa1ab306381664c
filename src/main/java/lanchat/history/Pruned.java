package lanchat.history;

/** What one retention pass removed, and the file's used size (bytes in pages that hold data) around it. */
public record Pruned(long messages, long usedBytesBefore, long usedBytesAfter) {
}
