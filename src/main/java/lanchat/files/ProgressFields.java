package lanchat.files;

import java.util.OptionalLong;

/**
 * The fields of a JSON progress event for one transfer (docs/json-events.md).
 *
 * @param secondsLeft empty while unknown
 */
public record ProgressFields(String name, long doneBytes, long totalBytes, int percent, long bytesPerSecond,
        OptionalLong secondsLeft) {}
