package lanchat.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.LogManager;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class LogSetupTest {

    @AfterEach
    void restore() throws Exception {
        LogManager.getLogManager().readConfiguration();
    }

    @Test
    void verboseShowsLanchatDetailsButNotLibraryDebugOutput() {
        List<String> lines = new ArrayList<>();
        LogSetup.install(true, lines::add);
        System.getLogger("lanchat").log(System.Logger.Level.DEBUG, "receive: {0}", "x");
        System.getLogger("org.jline").log(System.Logger.Level.DEBUG, "noise");
        System.getLogger("org.jline").log(System.Logger.Level.WARNING, "a real problem");
        assertEquals(2, lines.size(), lines::toString);
        assertTrue(lines.get(0).contains("lanchat: receive: x"), lines.get(0));
        assertTrue(lines.get(1).contains("a real problem"), lines.get(1));
    }

    @Test
    void quietByDefault() {
        List<String> lines = new ArrayList<>();
        LogSetup.install(false, lines::add);
        System.getLogger("lanchat").log(System.Logger.Level.DEBUG, "detail");
        System.getLogger("lanchat").log(System.Logger.Level.ERROR, "event loop error", new IllegalStateException("boom"));
        assertEquals(1, lines.size(), lines::toString);
        assertTrue(lines.get(0).contains("boom"), lines.get(0));
    }
}
