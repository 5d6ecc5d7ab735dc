package org.jvirt.driver.esx.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import org.jvirt.api.ErrorCode;
import org.jvirt.api.VirtException;
import org.jvirt.driver.esx.internal.vi.ViErrors;

/**
 * libvirt's client authentication file ({@code auth.conf}, what {@code LIBVIRT_AUTH_FILE} names),
 * the daemon's source of ESX credentials: a key file with
 * <pre>
 * [credentials-lab]
 * username=root
 * password=secret
 *
 * [auth-esx-esx1.example.com]
 * credentials=lab
 * </pre>
 * A host's group {@code auth-esx-HOST} names the credentials, {@code auth-esx-default} serves
 * every other host (libvirt's {@code virAuthConfigLookup}).
 */
final class AuthFile {
    private final Map<String, Map<String, String>> groups;

    private AuthFile(Map<String, Map<String, String>> groups) {
        this.groups = groups;
    }

    static AuthFile read(Path file) throws VirtException {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw ViErrors.of(ErrorCode.AUTH_UNAVAILABLE, "cannot read the credentials file '" + file + "': "
                    + e.getMessage());
        }
        return parse(text, file.toString());
    }

    static AuthFile parse(String text, String name) throws VirtException {
        Map<String, Map<String, String>> groups = new HashMap<>();
        Map<String, String> current = null;
        int lineNo = 0;
        for (String raw : text.split("\n", -1)) {
            lineNo++;
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#") || line.startsWith(";")) {
                continue;
            }
            if (line.startsWith("[") && line.endsWith("]")) {
                current = groups.computeIfAbsent(line.substring(1, line.length() - 1).strip(), g -> new HashMap<>());
                continue;
            }
            int eq = line.indexOf('=');
            if (eq <= 0 || current == null) {
                throw ViErrors.of(ErrorCode.CONF_SYNTAX, name + ":" + lineNo + ": expected [group] or key=value");
            }
            current.put(line.substring(0, eq).strip(), line.substring(eq + 1).strip());
        }
        return new AuthFile(groups);
    }

    /** The {@code username} or {@code password} for {@code host} under {@code service}, or null. */
    String lookup(String service, String host, String key) {
        Map<String, String> auth = groups.get("auth-" + service + "-" + host);
        if (auth == null) {
            auth = groups.get("auth-" + service + "-default");
        }
        if (auth == null || auth.get("credentials") == null) {
            return null;
        }
        Map<String, String> credentials = groups.get("credentials-" + auth.get("credentials"));
        return credentials == null ? null : credentials.get(key);
    }
}
