package org.jvirt.driver.lxc.internal.nativeconf;

import java.util.ArrayList;
import java.util.List;

/**
 * An LXC configuration file read as libvirt's {@code virConfReadString} with
 * {@code VIR_CONF_FLAG_LXC_FORMAT} does: {@code key = value} lines in order (a key may repeat),
 * the value being the rest of the line, and {@code #} comments and blank lines skipped.
 */
final class LxcConfText {
    record Entry(String key, String value) {
    }

    private final List<Entry> entries;

    private LxcConfText(List<Entry> entries) {
        this.entries = entries;
    }

    static LxcConfText read(String text) {
        List<Entry> out = new ArrayList<>();
        for (String raw : text.split("\r?\n")) {
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int eq = line.indexOf('=');
            if (eq < 0) {
                out.add(new Entry(line, ""));
                continue;
            }
            out.add(new Entry(line.substring(0, eq).strip(), line.substring(eq + 1).strip()));
        }
        return new LxcConfText(List.copyOf(out));
    }

    /** The first value of a key (virConfGetValue answers the first entry), or null. */
    String first(String key) {
        return entries.stream().filter(e -> e.key().equals(key)).map(Entry::value).findFirst().orElse(null);
    }

    /** The first value of the LXC 3 key, else of its pre-3.0 legacy name. */
    String first(String key, String legacyKey) {
        String v = first(key);
        return v != null ? v : first(legacyKey);
    }

    boolean has(String key) {
        return first(key) != null;
    }

    List<Entry> entries() {
        return entries;
    }

    /** Splits on spaces and tabs, dropping empty parts (lxcStringSplit). */
    static List<String> split(String value) {
        List<String> parts = new ArrayList<>();
        for (String p : value.replace('\t', ' ').split(" ")) {
            if (!p.isEmpty()) {
                parts.add(p);
            }
        }
        return parts;
    }
}
