package lanchat.ui.desktop.model;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Finds the web links in a message, to show them clickable. Only http, https and www. addresses count. */
public final class Links {
    private static final Pattern LINK = Pattern.compile("(?i)\\b(?:https?://|www\\.)[^\\s<>\"]+");
    /** Punctuation that ends a sentence more often than it ends an address. */
    private static final String TRAILING = ".,;:!?)]}'";

    /** One link: text[start, end) is shown as a link to {@code uri}. */
    public record Span(int start, int end, String uri) {}

    private Links() {}

    public static List<Span> find(String text) {
        List<Span> spans = new ArrayList<>();
        Matcher m = LINK.matcher(text);
        while (m.find()) {
            int end = m.end();
            while (end > m.start() && TRAILING.indexOf(text.charAt(end - 1)) >= 0) {
                end--;
            }
            String found = text.substring(m.start(), end);
            if (found.length() > 4 && !found.endsWith("//")) {
                spans.add(new Span(m.start(), end, found.regionMatches(true, 0, "www.", 0, 4)
                        ? "http://" + found : found));
            }
        }
        return spans;
    }
}
