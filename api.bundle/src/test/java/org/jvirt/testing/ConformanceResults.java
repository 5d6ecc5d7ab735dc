package org.jvirt.testing;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * The results of one run of a conformance suite, judged against the committed list of the cases
 * expected to pass: the classpath resource {@code conformance/<suite>.pass} (the module's
 * {@code src/test/resources/conformance/}), one case a line, sorted ({@code LC_ALL=C sort}), with
 * {@code #} comments. A pass-count floor would let a regression hide behind a fix; a list does not.
 *
 * <ul>
 * <li>A listed case that failed, was not run, or was not reported at all fails the test, by name.</li>
 * <li>A suite that passes as a whole is pinned as {@code * all N} instead of a list: every case the
 *     runner reports must pass, and at least N must be reported (so a vanished case fails too). The
 *     list then does not repeat the names of libvirt's data files.</li>
 * <li>A case that passes and is not listed is printed, so that the list can be raised: the run writes
 *     its passing cases to {@code target/conformance/<suite>.pass}, ready to replace the list.</li>
 * <li>A case the harness cannot run is reported as not run with the reason, never left out.</li>
 * <li>One summary line, {@code <suite>: N passed, M failed, K not run}, then the not-run cases by reason;
 *     the unlisted failures one a line with {@code -Djvirt.verbose=true}.</li>
 * </ul>
 * Not thread-safe: a runner reports from one thread.
 */
public final class ConformanceResults {
    /** Prints every failing case with its reason, not only the regressions. */
    public static final String VERBOSE_PROPERTY = "jvirt.verbose";

    private final String suite;
    private final PrintStream out;
    private final SortedSet<String> passed = new TreeSet<>();
    private final SortedMap<String, String> failed = new TreeMap<>();
    private final SortedMap<String, String> notRun = new TreeMap<>();
    private Predicate<String> selected = c -> true;
    private boolean partial;

    /** @param suite names the list ({@code conformance/<suite>.pass}) and starts the summary line */
    public ConformanceResults(String suite) {
        this(suite, System.out);
    }

    /** Reports to {@code out} instead of standard output (the helper's own test). */
    ConformanceResults(String suite, PrintStream out) {
        this.suite = suite;
        this.out = out;
    }

    public void passed(String name) {
        passed.add(newCase(name));
    }

    /** @param reason why, on one line (line breaks are folded) */
    public void failed(String name, String reason) {
        failed.put(newCase(name), oneLine(reason));
    }

    /** @param reason why the harness cannot run it; cases with the same reason are printed together */
    public void notRun(String name, String reason) {
        notRun.put(newCase(name), oneLine(reason));
    }

    /**
     * Marks a partial run (a developer's selection of cases): listed cases outside {@code selection}
     * are not expected, and the run does not write a list of its passing cases.
     */
    public void onlySelected(Predicate<String> selection) {
        selected = selection;
        partial = true;
    }

    public SortedSet<String> passedCases() {
        return Collections.unmodifiableSortedSet(passed);
    }

    /** Prints the summary and fails the test if a listed case did not pass. Call once, at the end. */
    public void assertNoRegression() {
        out.println(suite + ": " + passed.size() + " passed, " + failed.size() + " failed, " + notRun.size()
                + " not run");
        printNotRun();
        if (!partial) {
            writeObserved();
        }
        List<String> lines = readList();
        Integer allOf = everyCase(lines);
        SortedSet<String> listed = new TreeSet<>(allOf == null ? lines : List.of());
        if (allOf != null) {
            listed.addAll(passed);
            listed.addAll(failed.keySet());
            listed.addAll(notRun.keySet());
        }
        List<String> regressions = new ArrayList<>();
        for (String name : listed) {
            if (!selected.test(name) || passed.contains(name)) {
                continue;
            }
            String why = failed.containsKey(name) ? "failed: " + failed.get(name)
                    : notRun.containsKey(name) ? "not run: " + notRun.get(name)
                    : "no result (the runner no longer reports this case)";
            regressions.add(name + ": " + why);
        }
        if (allOf != null && !partial && listed.size() < allOf) {
            regressions.add("only " + listed.size() + " cases reported, " + allOf + " expected (" + resource()
                    + ")");
        }
        SortedSet<String> unlisted = new TreeSet<>(passed);
        unlisted.removeAll(listed);
        regressions.forEach(r -> out.println("  REGRESSED " + r));
        unlisted.forEach(n -> out.println("  NEW " + n + " passes (not yet in " + resource() + ")"));
        if (!unlisted.isEmpty() && !partial) {
            out.println("  raise the list: copy target/conformance/" + suite + ".pass to src/test/resources/"
                    + resource());
        }
        if (Boolean.getBoolean(VERBOSE_PROPERTY)) {
            failed.forEach((n, why) -> {
                if (!listed.contains(n)) {
                    out.println("  FAILED " + n + ": " + why);
                }
            });
        }
        if (!regressions.isEmpty()) {
            fail(suite + ": " + regressions.size() + " listed case(s) no longer pass:\n  "
                    + String.join("\n  ", regressions));
        }
    }

    private String newCase(String name) {
        String n = name.strip();
        if (n.isEmpty() || n.startsWith("#") || passed.contains(n) || failed.containsKey(n) || notRun.containsKey(n)) {
            throw new IllegalArgumentException(suite + ": case name empty, a comment, or reported twice: '" + n + "'");
        }
        return n;
    }

    private static String oneLine(String reason) {
        return reason == null ? "" : reason.strip().replaceAll("\\s*\\R\\s*", " | ");
    }

    private void printNotRun() {
        Map<String, List<String>> byReason = new TreeMap<>();
        notRun.forEach((n, why) -> byReason.computeIfAbsent(why, k -> new ArrayList<>()).add(n));
        byReason.forEach((why, names) -> out.println("  not run (" + names.size() + "), " + why + ": "
                + String.join(" ", names)));
    }

    private String resource() {
        return "conformance/" + suite + ".pass";
    }

    /** The committed list's entries; a missing, unsorted or ambiguous list fails the test. */
    private List<String> readList() {
        List<URL> urls;
        try {
            urls = Collections.list(ConformanceResults.class.getClassLoader().getResources(resource()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (urls.size() != 1) {
            fail(suite + ": expected one list " + resource() + " on the test classpath, found " + urls
                    + (urls.isEmpty() ? "; create it from target/conformance/" + suite + ".pass" : ""));
        }
        List<String> listed = new ArrayList<>();
        String previous = null;
        int lineNo = 0;
        try (InputStream in = urls.get(0).openStream()) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                lineNo++;
                String name = line.strip();
                if (name.isEmpty() || name.startsWith("#")) {
                    continue;
                }
                if (previous != null && previous.compareTo(name) >= 0) {
                    fail(resource() + " line " + lineNo + ": '" + name + "' is out of order or repeated");
                }
                listed.add(name);
                previous = name;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return listed;
    }

    /** N of a list that is {@code * all N}, or null for a list of names. */
    private Integer everyCase(List<String> entries) {
        if (entries.size() == 1 && entries.get(0).matches("\\* all \\d+")) {
            return Integer.valueOf(entries.get(0).substring("* all ".length()));
        }
        if (entries.stream().anyMatch(e -> e.startsWith("*"))) {
            fail(resource() + ": '* all N' must be the list's only entry");
        }
        return null;
    }

    /** The passing cases as a list file, so that raising the list is a copy. */
    private void writeObserved() {
        StringBuilder b = new StringBuilder("# ").append(suite).append(": the cases expected to pass, one a line,"
                + " sorted. A listed case that does not pass\n# fails the build. Written by a run to target/conformance/;"
                + " raise the list by copying it here.\n");
        if (failed.isEmpty() && notRun.isEmpty()) {
            b.append("* all ").append(passed.size()).append('\n');
        } else {
            passed.forEach(n -> b.append(n).append('\n'));
        }
        Path out = Path.of("target", "conformance", suite + ".pass");
        try {
            Files.createDirectories(out.getParent());
            Files.writeString(out, b, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + out.toAbsolutePath(), e);
        }
    }
}
