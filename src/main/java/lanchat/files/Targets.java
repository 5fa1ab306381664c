package lanchat.files;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Where each file of an accepted offer goes, as {@link Path#toString()} gives it, kept in parts: the folder once
 * for all the files in it, and the name only where it is not the one the entry already holds (a clash renamed
 * the file). The String is made again when it is asked for (when the file opens, a note is saved, a claim
 * compares targets). The full path of each of 10,000 files took about 100 bytes a file for as long as the offer
 * ran; now a file takes an int and a reference. Written by the one thread that places the offer, then only read
 * (by other threads too, once handed over through a lock or a queue).
 */
public final class Targets {
    private final EntryColumns files;
    /** Each folder a file goes into, with the separator after it. */
    private final List<String> folders = new ArrayList<>();
    private final Map<String, Integer> folderIndex = new HashMap<>();
    /** File i's folder in {@link #folders}. */
    private final int[] folderOf;
    /** File i's name where it is not its entry's; null where it is. */
    private final String[] renamed;

    /** No targets yet for {@code files} (FILE entries). */
    public Targets(EntryColumns files) {
        this.files = files;
        this.folderOf = new int[files.size()];
        this.renamed = new String[files.size()];
    }

    public int size() {
        return folderOf.length;
    }

    /** File {@code i}'s target; {@code i} must have been {@link #set}. */
    public String get(int i) {
        String name = renamed[i];
        return folders.get(folderOf[i]) + (name != null ? name : files.nameOf(i));
    }

    public Path path(int i) {
        return Path.of(get(i));
    }

    /** File {@code i} goes to {@code target} (a file in a folder). */
    public void set(int i, Path target) {
        String folder = target.getParent().toString();
        String prefix = folder.endsWith(File.separator) ? folder : folder + File.separator;
        folderOf[i] = folderIndex.computeIfAbsent(prefix, f -> {
            folders.add(f);
            return folders.size() - 1;
        });
        String name = target.getFileName().toString();
        renamed[i] = name.equals(files.nameOf(i)) ? null : name;
    }
}
