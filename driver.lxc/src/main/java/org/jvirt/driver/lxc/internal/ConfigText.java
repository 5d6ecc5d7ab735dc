package org.jvirt.driver.lxc.internal;

import org.jvirt.api.VirtException;

/**
 * A liblxc configuration file being written: {@code key = value} lines. A value is one line, so
 * a line break in one (from an init variable, say) is refused rather than letting it add keys.
 */
final class ConfigText {
    private final StringBuilder text = new StringBuilder();

    void comment(String line) {
        text.append("# ").append(line.replace('\n', ' ')).append('\n');
    }

    void set(String key, String value) throws VirtException {
        if (value.indexOf('\n') >= 0 || value.indexOf('\r') >= 0) {
            throw LxcErrors.unsupported("a line break in the value of " + key + " is not supported by the LXC driver");
        }
        text.append(key).append(" = ").append(value).append('\n');
    }

    /** An fstab field ({@code lxc.mount.entry}): blanks and backslashes as octal escapes, as getmntent reads them. */
    static String fstab(String field) {
        StringBuilder b = new StringBuilder(field.length());
        for (char ch : field.toCharArray()) {
            switch (ch) {
                case ' ' -> b.append("\\040");
                case '\t' -> b.append("\\011");
                case '\\' -> b.append("\\134");
                default -> b.append(ch);
            }
        }
        return b.toString();
    }

    @Override
    public String toString() {
        return text.toString();
    }
}
