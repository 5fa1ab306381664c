package lanchat.wire;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Reads the golden vectors under src/test/resources/lanchat/wire/golden: hex byte pairs separated by
 * white space; '#' starts a comment that runs to the end of the line.
 */
final class GoldenHex {
    static final String DIR = "/lanchat/wire/golden/";

    private GoldenHex() {}

    static byte[] load(String fileName) {
        try (InputStream in = GoldenHex.class.getResourceAsStream(DIR + fileName)) {
            if (in == null) {
                throw new IllegalArgumentException("no golden file " + DIR + fileName);
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] parse(String text) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (String line : text.split("\n", -1)) {
            int hash = line.indexOf('#');
            String data = (hash >= 0 ? line.substring(0, hash) : line).trim();
            if (data.isEmpty()) {
                continue;
            }
            for (String pair : data.split("\\s+")) {
                if (!pair.matches("[0-9a-fA-F]{2}")) {
                    throw new IllegalArgumentException("not a hex byte: '" + pair + "' in line: " + line);
                }
                out.write(Integer.parseInt(pair, 16));
            }
        }
        return out.toByteArray();
    }

    static String hex(byte[] bytes) {
        StringBuilder sb = new StringBuilder();
        for (byte b : bytes) {
            sb.append(String.format("%02x ", b & 0xFF));
        }
        return sb.toString().trim();
    }
}
