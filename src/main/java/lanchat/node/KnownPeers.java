package lanchat.node;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The keys first seen for each name, per profile (SSH's known_hosts): a line per name,
 * {@code NAME HEX-KEY seen|verified}. Read once, written when it changes (a rename into place). A node
 * without a file keeps the same rules in memory.
 */
public final class KnownPeers {
    private record Entry(String key, boolean verified) {}

    private final Path file;
    private final Map<String, Entry> byName = new LinkedHashMap<>();

    private KnownPeers(Path file) {
        this.file = file;
    }

    public static KnownPeers inMemory() {
        return new KnownPeers(null);
    }

    /** The store in {@code file}; lines that do not parse are skipped (the file is ours, a damaged line costs one TOFU). */
    public static KnownPeers load(Path file) throws IOException {
        KnownPeers k = new KnownPeers(file);
        if (Files.exists(file)) {
            for (String line : Files.readAllLines(file, StandardCharsets.US_ASCII)) {
                String[] f = line.trim().split(" +");
                if (f.length == 3 && f[1].matches("[0-9a-f]{64}")) {
                    k.byName.put(f[0], new Entry(f[1], f[2].equals("verified")));
                }
            }
        }
        return k;
    }

    /** A peer called {@code name} presented {@code key}: how much that says. Remembers a first key. */
    synchronized Trust observe(String name, byte[] key) {
        String hex = HexFormat.of().formatHex(key);
        Entry known = byName.get(name);
        if (known == null) {
            byName.put(name, new Entry(hex, false));
            save();
            return Trust.NEW;
        }
        if (!known.key().equals(hex)) {
            return Trust.IMPOSTOR; // never merged with the known one, never overwritten by it
        }
        return known.verified() ? Trust.VERIFIED : Trust.KNOWN;
    }

    /** The user compared the safety number: {@code name}'s key is the one remembered, and verified. */
    synchronized void verify(String name, byte[] key) {
        byName.put(name, new Entry(HexFormat.of().formatHex(key), true));
        save();
    }

    /**
     * The hex key remembered for {@code name}, or null: who a message to an offline {@code name} is for
     * (the outbox). Any thread; the engine's loop writes.
     */
    public synchronized String keyOf(String name) {
        Entry e = byName.get(name);
        return e == null ? null : e.key();
    }

    /** The name remembered with {@code key} (the first, if several), or null. */
    public synchronized String nameOf(String key) {
        for (Map.Entry<String, Entry> e : byName.entrySet()) {
            if (e.getValue().key().equals(key)) {
                return e.getKey();
            }
        }
        return null;
    }

    private void save() {
        if (file == null) {
            return;
        }
        List<String> lines = new ArrayList<>();
        for (Map.Entry<String, Entry> e : byName.entrySet()) {
            lines.add(e.getKey() + " " + e.getValue().key() + " " + (e.getValue().verified() ? "verified" : "seen"));
        }
        try {
            Path tmp = file.resolveSibling(file.getFileName() + ".new");
            Files.write(tmp, lines, StandardCharsets.US_ASCII);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            // The chat goes on; the next start asks trust on first use again for what was not written.
            System.getLogger("lanchat.engine").log(System.Logger.Level.WARNING, "cannot write " + file + ": " + e);
        }
    }
}
