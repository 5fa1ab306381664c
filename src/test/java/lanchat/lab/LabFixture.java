package lanchat.lab;

import java.nio.file.Path;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The lab of one test class, as a JUnit extension: built before the class's first test, torn down after its
 * last, and the whole class skipped when this machine cannot build it (see {@link Lab#upOrSkip}). Use:
 * {@code @RegisterExtension static final LabFixture LAB = LabFixture.withLanchat(2);}
 */
final class LabFixture implements BeforeAllCallback, AfterAllCallback {
    private final int hosts;
    private final boolean needsJar;
    private Lab lab;
    private Path jar;

    private LabFixture(int hosts, boolean needsJar) {
        this.hosts = hosts;
        this.needsJar = needsJar;
    }

    /** A lab of {@code hosts} hosts for tests of the lanchat.jar under test (skipped without that jar). */
    static LabFixture withLanchat(int hosts) {
        return new LabFixture(hosts, true);
    }

    /** A lab of {@code hosts} hosts for tests of the lab itself. */
    static LabFixture withoutLanchat(int hosts) {
        return new LabFixture(hosts, false);
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        if (needsJar) {
            jar = Lab.jarOrSkip();
        }
        lab = Lab.upOrSkip(hosts);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (lab != null) {
            lab.close();
        }
    }

    Lab lab() {
        return lab;
    }

    /** A fresh set of lanchat processes for one test; close it (try-with-resources) to kill them all. */
    Peers peers() {
        if (jar == null) {
            throw new IllegalStateException("this lab was set up without lanchat: use LabFixture.withLanchat");
        }
        return new Peers(lab, jar);
    }
}
