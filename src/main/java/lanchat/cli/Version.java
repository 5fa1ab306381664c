package lanchat.cli;

import picocli.CommandLine;

/** The version from the jar's manifest (Implementation-Version), "dev" when run from classes. */
final class Version implements CommandLine.IVersionProvider {
    static String current() {
        String version = Main.class.getPackage() == null ? null : Main.class.getPackage().getImplementationVersion();
        return version == null ? "dev" : version;
    }

    @Override
    public String[] getVersion() {
        return new String[] {"lanchat " + current()};
    }
}
