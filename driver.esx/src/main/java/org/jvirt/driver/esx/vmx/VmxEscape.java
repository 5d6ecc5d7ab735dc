package org.jvirt.driver.esx.vmx;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * VMware's hex escapes (virVMXEscapeHex / virVMXUnescapeHex): {@code |22} for a quote in any value
 * (the pipe form), {@code %2f} for a slash in a display name (the percent form).
 */
public final class VmxEscape {
    static final char PIPE = '|';
    static final char PERCENT = '%';
    private static final String CONTROL = controlCharacters();

    private VmxEscape() {
    }

    /**
     * virVMXEscapeHexPipe: the escape character and {@code "}; and, unlike libvirt, line ends and
     * other control characters, as VMware writes them ({@code |0A}): libvirt writes a description's
     * newline raw, which ends the quoted value and makes a file no VMX reader (its own included) reads.
     */
    static String pipe(String s) {
        return escape(s, PIPE, "\"" + CONTROL);
    }

    /** virVMXEscapeHexPercent: the escape character, {@code /} and {@code \}. */
    public static String percent(String s) {
        return escape(s, PERCENT, "/\\");
    }

    private static String controlCharacters() {
        StringBuilder b = new StringBuilder();
        for (char c = 1; c < 0x20; c++) {
            b.append(c);
        }
        return b.append((char) 0x7f).toString();
    }

    private static String escape(String s, char escape, String special) {
        StringBuilder b = new StringBuilder();
        for (char c : s.toCharArray()) {
            if (c == escape || special.indexOf(c) >= 0) {
                b.append(escape).append(String.format("%02x", (int) c));
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }

    /** virVMXUnescapeHex: each escape and two hex digits becomes that byte; null when malformed. */
    static String unescape(String s, char escape) {
        byte[] in = s.getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < in.length; i++) {
            if (in[i] == escape) {
                if (i + 2 >= in.length) {
                    return null;
                }
                int hi = Character.digit(in[i + 1], 16);
                int lo = Character.digit(in[i + 2], 16);
                if (hi < 0 || lo < 0) {
                    return null;
                }
                out.write(hi * 16 + lo);
                i += 2;
            } else {
                out.write(in[i]);
            }
        }
        return out.toString(StandardCharsets.UTF_8);
    }
}
