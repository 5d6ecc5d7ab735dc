package org.jvirt.rpc.internal.client;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * libvirt's client authentication file (auth.conf, virAuthConfig): credentials for a server are
 * in {@code [credentials-NAME]} ({@code authname} or {@code username}, {@code password}), chosen by
 * {@code [auth-libvirt-HOST]} or else {@code [auth-libvirt-default]} with {@code credentials=NAME}.
 */
final class AuthFile {
    /** What the file gives for one server; either part may be null. */
    record Credentials(String username, char[] password) {
    }

    private final Map<String, Map<String, String>> sections;

    private AuthFile(Map<String, Map<String, String>> sections) {
        this.sections = sections;
    }

    /**
     * libvirt's search (virAuthGetConfigFilePathURI): the URI's {@code authfile} parameter, then
     * $LIBVIRT_AUTH_FILE, then $XDG_CONFIG_HOME/libvirt/auth.conf (~/.config when unset), then
     * /etc/libvirt/auth.conf; the first that exists. Empty when none does.
     */
    static Optional<Path> locate(String uriParam, Map<String, String> env) {
        if (uriParam != null) {
            return Optional.of(Path.of(uriParam));
        }
        String explicit = env.get("LIBVIRT_AUTH_FILE");
        if (explicit != null) {
            return Optional.of(Path.of(explicit));
        }
        String xdg = env.get("XDG_CONFIG_HOME");
        String home = env.get("HOME");
        Path user = xdg != null ? Path.of(xdg, "libvirt", "auth.conf")
                : home != null ? Path.of(home, ".config", "libvirt", "auth.conf") : null;
        if (user != null && Files.isReadable(user)) {
            return Optional.of(user);
        }
        Path system = Path.of("/etc/libvirt/auth.conf");
        return Files.isReadable(system) ? Optional.of(system) : Optional.empty();
    }

    static AuthFile read(Path file) throws IOException {
        Map<String, Map<String, String>> sections = new HashMap<>();
        Map<String, String> current = null;
        for (String raw : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#") || line.startsWith(";")) {
                continue;
            }
            if (line.startsWith("[") && line.endsWith("]")) {
                current = sections.computeIfAbsent(line.substring(1, line.length() - 1).strip(), k -> new HashMap<>());
            } else if (current != null && line.contains("=")) {
                int eq = line.indexOf('=');
                current.put(line.substring(0, eq).strip(), line.substring(eq + 1).strip());
            }
        }
        return new AuthFile(sections);
    }

    /** The credentials for libvirt on {@code host}. */
    Credentials lookup(String host) {
        Map<String, String> auth = sections.get("auth-libvirt-" + host);
        if (auth == null) {
            auth = sections.get("auth-libvirt-default");
        }
        if (auth == null || auth.get("credentials") == null) {
            return new Credentials(null, null);
        }
        Map<String, String> cred = sections.getOrDefault("credentials-" + auth.get("credentials"), Map.of());
        String user = cred.getOrDefault("authname", cred.get("username"));
        String password = cred.get("password");
        return new Credentials(user, password == null ? null : password.toCharArray());
    }
}
