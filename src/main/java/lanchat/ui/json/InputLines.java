package lanchat.ui.json;

import java.io.IOException;
import java.io.Reader;

/**
 * Reads scripted input line by line. Lines end at '\n' (a '\r' just before it is dropped, for Windows);
 * unlike BufferedReader.readLine, a lone '\r' does not end a line: it stays in the text, as a peer could
 * send it, so scripts can send exactly what they mean.
 */
final class InputLines {
    private final Reader in;
    private final char[] buffer = new char[8192];
    private int position;
    private int limit;

    InputLines(Reader in) {
        this.in = in;
    }

    /** The next line without its terminator, or null at the end of input. */
    String next() throws IOException {
        StringBuilder line = null;
        while (true) {
            if (position == limit) {
                limit = in.read(buffer);
                position = 0;
                if (limit <= 0) {
                    limit = 0;
                    return line == null ? null : stripCr(line);
                }
            }
            if (line == null) {
                line = new StringBuilder();
            }
            int start = position;
            while (position < limit && buffer[position] != '\n') {
                position++;
            }
            line.append(buffer, start, position - start);
            if (position < limit) {
                position++; // the '\n'
                return stripCr(line);
            }
        }
    }

    private static String stripCr(StringBuilder line) {
        int n = line.length();
        return n > 0 && line.charAt(n - 1) == '\r' ? line.substring(0, n - 1) : line.toString();
    }
}
