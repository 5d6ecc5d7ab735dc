package org.jvirt.rpc.internal.differential;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * The differences from libvirtd the project knows and has explained: the resource
 * {@code conformance/<suite>.differ}, one case a line as {@code case = libvirtd: X | jvirtd: Y},
 * each group under {@code #} lines saying why. A run must show exactly these differences (for the
 * cases it ran): a new difference fails, and so does a pinned one that changed or went away, so
 * that the list always says what jvirtd does differently now.
 */
final class PinnedDifferences {
    private final String suite;
    private final Map<String, String> observed = new TreeMap<>();

    PinnedDifferences(String suite) {
        this.suite = suite;
    }

    void differ(String name, String libvirtd, String jvirtd) {
        observed.put(name, "libvirtd: " + libvirtd + " | jvirtd: " + jvirtd);
    }

    /** Fails unless the observed differences among the cases in {@code ran} are the pinned ones. */
    void assertPinned(Predicate<String> ran, boolean writeObserved) {
        Map<String, String> pinned = read();
        List<String> problems = new ArrayList<>();
        observed.forEach((name, what) -> {
            String expected = pinned.get(name);
            if (expected == null) {
                problems.add("NEW DIFFERENCE " + name + " = " + what);
            } else if (!expected.equals(what)) {
                problems.add("CHANGED " + name + " = " + what + " (pinned: " + expected + ")");
            }
        });
        pinned.forEach((name, what) -> {
            if (ran.test(name) && !observed.containsKey(name)) {
                problems.add("GONE " + name + " now agrees (pinned: " + what + "); remove it from the list");
            }
        });
        if (writeObserved) {
            StringBuilder b = new StringBuilder();
            observed.forEach((name, what) -> b.append(name).append(" = ").append(what).append('\n'));
            Path out = Path.of("target", "conformance", suite + ".differ");
            try {
                Files.createDirectories(out.getParent());
                Files.writeString(out, b, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        if (!problems.isEmpty()) {
            fail(suite + ": the differences from libvirtd are not the pinned ones (conformance/" + suite
                    + ".differ):\n  " + String.join("\n  ", problems));
        }
    }

    private Map<String, String> read() {
        Map<String, String> pinned = new TreeMap<>();
        String resource = "conformance/" + suite + ".differ";
        try (InputStream in = PinnedDifferences.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                return pinned;
            }
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                String l = line.strip();
                if (l.isEmpty() || l.startsWith("#")) {
                    continue;
                }
                int eq = l.indexOf(" = ");
                if (eq < 0) {
                    fail(resource + ": line without ' = ': " + l);
                }
                pinned.put(l.substring(0, eq), l.substring(eq + 3));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return pinned;
    }
}
