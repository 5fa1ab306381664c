package lanchat.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.codegen.docgen.manpage.ManPageGenerator;

/**
 * Writes the man page source and the shell completion from the options' annotations, so neither can drift
 * from --help. Lives with the tests: picocli-codegen is a test-scope dependency and never enters
 * lanchat.jar. `./mvnw -Pman package` runs it (then Asciidoctor turns the page into troff).
 */
public final class DocsGenerator {
    private DocsGenerator() {}

    /** @param args the output folder, and the version to print in the page's header */
    public static void main(String[] args) throws IOException {
        Path out = Files.createDirectories(Path.of(args[0]));
        String version = args.length > 1 ? args[1] : Version.current();
        Files.writeString(out.resolve("lanchat.adoc"), manPage(version), StandardCharsets.UTF_8);
        Files.writeString(out.resolve("lanchat_completion"), completion(), StandardCharsets.UTF_8);
    }

    /** AsciiDoc with the man page document type. */
    static String manPage(String version) {
        CommandLine cmd = commandLine();
        cmd.getCommandSpec().versionProvider(() -> new String[] {"lanchat " + version});
        // The generator leaves the footer (examples, config file, exit codes) out unless it has a heading.
        cmd.getCommandSpec().usageMessage().footerHeading("Notes");
        StringWriter page = new StringWriter();
        try (PrintWriter writer = new PrintWriter(page)) {
            ManPageGenerator.writeSingleManPage(writer, cmd.getCommandSpec());
        }
        return page.toString();
    }

    /** A bash script that zsh also reads (via bashcompinit); it completes the command {@code lanchat}. */
    static String completion() {
        return AutoComplete.bash("lanchat", commandLine());
    }

    /** Nothing here launches or reads a profile: the launcher and the folders are never used. */
    private static CommandLine commandLine() {
        Main main = new Main(Map.of(), (settings, err) -> 0, new InterfaceChooser(Optional::empty),
                new ProfileDirectory(Map.of(), "", Path.of("/nonexistent")));
        return Main.commandLine(main);
    }
}
