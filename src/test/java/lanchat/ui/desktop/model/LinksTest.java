package lanchat.ui.desktop.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class LinksTest {
    @Test
    void findsLinksAndLeavesSentencePunctuationOut() {
        String text = "see https://example.org/a?b=1, or (www.lanchat.test/x). ftp://no";
        List<Links.Span> spans = Links.find(text);
        assertEquals(2, spans.size());
        assertEquals("https://example.org/a?b=1", text.substring(spans.get(0).start(), spans.get(0).end()));
        assertEquals("https://example.org/a?b=1", spans.get(0).uri());
        assertEquals("www.lanchat.test/x", text.substring(spans.get(1).start(), spans.get(1).end()));
        assertEquals("http://www.lanchat.test/x", spans.get(1).uri());
    }

    @Test
    void plainTextHasNone() {
        assertTrue(Links.find("no links here: http:// alone, www. alone").isEmpty());
    }
}
