package lanchat.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The man page and the completion come from the same annotations as --help, every option included. */
class DocsGeneratorTest {
    private static final String[] OPTIONS = {"--name", "--interface", "--group", "--port", "--[no-]color", "--json",
        "--verbose", "--profile", "--help", "--version"};

    @Test
    void manPageHasEveryOptionAndTheVersion() {
        String page = DocsGenerator.manPage("9.8.7");
        assertTrue(page.contains(":doctype: manpage"), page);
        assertTrue(page.contains("= lanchat(1)"), page);
        assertTrue(page.contains("lanchat 9.8.7"), page);
        for (String option : OPTIONS) {
            assertTrue(page.contains(option), option);
        }
        for (String note : new String[] {"./run.sh --name alice", "config.properties", "Exit codes"}) {
            assertTrue(page.contains(note), "the footer is in the page: " + note);
        }
    }

    @Test
    void completionKnowsEveryOption() {
        String script = DocsGenerator.completion();
        assertTrue(script.contains("complete -F _complete_lanchat"), script);
        for (String option : OPTIONS) {
            // picocli completes the negatable option by the name it is declared with
            String name = option.equals("--[no-]color") ? "'--no-color'" : "'" + option + "'";
            assertTrue(script.contains(name), option);
        }
    }

    @Test
    void mainWritesBothFiles(@TempDir Path out) throws Exception {
        DocsGenerator.main(new String[] {out.toString(), "1.0"});
        assertTrue(Files.readString(out.resolve("lanchat.adoc")).contains("lanchat 1.0"));
        assertTrue(Files.readString(out.resolve("lanchat_completion")).contains("--profile"));
    }
}
