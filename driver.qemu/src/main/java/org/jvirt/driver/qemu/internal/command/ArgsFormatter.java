package org.jvirt.driver.qemu.internal.command;

import java.util.List;
import java.util.Map;

/**
 * Formats a command line as libvirt's tests (and {@code virsh domxml-to-native}) print it:
 * environment first, every {@code -option} on a new line with its value, lines joined with
 * {@code " \\\n"}, shell quoting of tokens with special characters.
 */
public final class ArgsFormatter {
    private static final String SPECIAL = "!\"#$&'()*;<>?[\\]^`{|}~";

    private ArgsFormatter() {
    }

    public static String format(QemuCommandLine cmd) {
        StringBuilder sb = new StringBuilder();
        for (Map.Entry<String, String> e : cmd.env().entrySet()) {
            sb.append(e.getKey()).append('=').append(quote(e.getValue())).append(" \\\n");
        }
        List<String> argv = cmd.argv();
        for (int i = 0; i < argv.size(); i++) {
            String a = argv.get(i);
            if (i > 0) {
                sb.append(a.startsWith("-") ? " \\\n" : " ");
            }
            sb.append(quote(a));
        }
        sb.append('\n');
        return sb.toString();
    }

    /** Single-quotes a token containing whitespace or shell metacharacters. */
    public static String quote(String token) {
        if (token.isEmpty()) {
            return "''";
        }
        boolean needs = false;
        for (char c : token.toCharArray()) {
            if (Character.isWhitespace(c) || SPECIAL.indexOf(c) >= 0) {
                needs = true;
                break;
            }
        }
        if (!needs) {
            return token;
        }
        return "'" + token.replace("'", "'\\''") + "'";
    }
}
