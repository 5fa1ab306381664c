package lanchat.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.Locale;
import java.util.Map;

/**
 * The name used when --name is not given: "user-host" (e.g. {@code alice-laptop}), cut to the name rule
 * (1-32 of A-Z a-z 0-9 - _ .). The host name is read locally, never looked up on the network.
 */
final class DefaultName {
    private static final int MAX = 32;

    private DefaultName() {}

    static String of(Map<String, String> env) {
        return from(System.getProperty("user.name", ""), hostName(env));
    }

    static String from(String user, String host) {
        String u = clean(user);
        String h = clean(shortHost(host));
        String name = u.isEmpty() ? h : h.isEmpty() ? u : u + "-" + h;
        if (name.length() > MAX) {
            name = name.substring(0, MAX);
        }
        name = trimDashes(name);
        return name.isEmpty() ? "peer" : name;
    }

    /** Drops accents (Jürgen: Jurgen), keeps allowed characters, turns every run of others into one '-'. */
    static String clean(String s) {
        if (s == null) {
            return "";
        }
        String bare = Normalizer.normalize(s, Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
        StringBuilder out = new StringBuilder();
        boolean dash = false;
        for (char c : bare.toCharArray()) {
            boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || c == '_' || c == '.' || c == '-';
            if (ok) {
                out.append(c);
                dash = false;
            } else if (!dash) {
                out.append('-');
                dash = true;
            }
        }
        return trimDashes(out.toString());
    }

    private static String trimDashes(String s) {
        int start = 0;
        int end = s.length();
        while (start < end && (s.charAt(start) == '-' || s.charAt(start) == '.')) {
            start++;
        }
        while (end > start && (s.charAt(end - 1) == '-' || s.charAt(end - 1) == '.')) {
            end--;
        }
        return s.substring(start, end);
    }

    private static String shortHost(String host) {
        if (host == null) {
            return "";
        }
        int dot = host.indexOf('.');
        return (dot > 0 ? host.substring(0, dot) : host).toLowerCase(Locale.ROOT);
    }

    private static String hostName(Map<String, String> env) {
        for (String var : new String[] {"HOSTNAME", "COMPUTERNAME"}) {
            String value = env.get(var);
            if (value != null && !value.isBlank()) {
                return value.strip();
            }
        }
        for (String file : new String[] {"/proc/sys/kernel/hostname", "/etc/hostname"}) {
            try {
                String value = Files.readString(Path.of(file)).strip();
                if (!value.isEmpty()) {
                    return value;
                }
            } catch (IOException | RuntimeException e) {
                // try the next source
            }
        }
        return "";
    }
}
