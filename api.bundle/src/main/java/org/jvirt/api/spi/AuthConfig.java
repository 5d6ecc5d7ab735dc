package org.jvirt.api.spi;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.VirtException;

/**
 * libvirt's client authentication file ({@code auth.conf}, what {@code LIBVIRT_AUTH_FILE} names),
 * where drivers that log in to a remote host (ESX, Hyper-V) find credentials when no callback
 * gives them (jvirtd, the shell): a key file with
 * <pre>
 * [credentials-lab]
 * username=root
 * password=secret
 *
 * [auth-esx-esx1.example.com]
 * credentials=lab
 * </pre>
 * A host's group {@code auth-SERVICE-HOST} names the credentials, {@code auth-SERVICE-default}
 * serves every other host (libvirt's {@code virAuthConfigLookup}); the service is the driver's
 * ({@code esx}, {@code hyperv}, as libvirt's {@code virAuthGetUsername} callers name it).
 *
 * @since spi 1.9
 */
public final class AuthConfig {
    private final Map<String, Map<String, String>> groups;

    private AuthConfig(Map<String, Map<String, String>> groups) {
        this.groups = groups;
    }

    /** Reads {@code file}; a file that cannot be read is {@code AUTH_UNAVAILABLE} in {@code domain}. */
    public static AuthConfig read(Path file, ErrorDomain domain) throws VirtException {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new VirtException(ErrorCode.AUTH_UNAVAILABLE, domain, "cannot read the credentials file '" + file
                    + "': " + e.getMessage());
        }
        return parse(text, file.toString(), domain);
    }

    /** Parses the text of a file called {@code name}; a line that is neither is {@code CONF_SYNTAX}. */
    public static AuthConfig parse(String text, String name, ErrorDomain domain) throws VirtException {
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
                throw new VirtException(ErrorCode.CONF_SYNTAX, domain, name + ":" + lineNo
                        + ": expected [group] or key=value");
            }
            current.put(line.substring(0, eq).strip(), line.substring(eq + 1).strip());
        }
        return new AuthConfig(groups);
    }

    /** The {@code username} or {@code password} for {@code host} under {@code service}, or null. */
    public String lookup(String service, String host, String key) {
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
