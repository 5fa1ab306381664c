package lanchat.ui.terminal;

import java.util.ArrayList;
import java.util.List;
import org.jline.utils.AttributedString;

/** Keeps printed lines for tests. */
final class CollectingSink implements LineSink {
    final List<AttributedString> lines = new ArrayList<>();
    /** The first line of each happening that rang the bell. */
    final List<String> rang = new ArrayList<>();

    @Override
    public void print(AttributedString line) {
        lines.add(line);
    }

    @Override
    public void print(List<AttributedString> group, boolean bell) {
        if (bell) {
            rang.add(group.get(0).toString());
        }
        lines.addAll(group);
    }

    List<String> text() {
        List<String> out = new ArrayList<>();
        for (AttributedString line : lines) {
            out.add(line.toString());
        }
        return out;
    }

    String last() {
        return lines.get(lines.size() - 1).toString();
    }
}
