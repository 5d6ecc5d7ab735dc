package org.jvirt.testing;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;

/** The pass-list check against {@code conformance/conformance-selftest.pass}: alpha, beta, gamma. */
class ConformanceResultsTest {
    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();

    @Test
    void allListedCasesPassingIsGreenAndAnUnlistedPassIsOnlyReported() {
        ConformanceResults r = results("alpha", "beta", "gamma", "delta");
        r.failed("epsilon", "differs");
        r.notRun("zeta", "no fixture");
        assertDoesNotThrow(r::assertNoRegression);
        String[] lines = printed.toString(StandardCharsets.UTF_8).split("\n");
        assertEquals("conformance-selftest: 4 passed, 1 failed, 1 not run", lines[0]);
        assertEquals("  not run (1), no fixture: zeta", lines[1]);
        assertTrue(lines[2].startsWith("  NEW delta passes"), lines[2]);
    }

    @Test
    void aListedCaseThatFailsIsNamedWithItsReason() {
        ConformanceResults r = results("alpha", "gamma");
        r.failed("beta", "output differs\n  at line 3");
        AssertionFailedError e = assertThrows(AssertionFailedError.class, r::assertNoRegression);
        assertTrue(e.getMessage().contains("beta: failed: output differs | at line 3"), e.getMessage());
    }

    @Test
    void aListedCaseNotRunOrNotReportedIsARegression() {
        ConformanceResults r = results("alpha");
        r.notRun("beta", "capability dump missing");
        AssertionFailedError e = assertThrows(AssertionFailedError.class, r::assertNoRegression);
        assertTrue(e.getMessage().contains("2 listed case(s)"), e.getMessage());
        assertTrue(e.getMessage().contains("beta: not run: capability dump missing"), e.getMessage());
        assertTrue(e.getMessage().contains("gamma: no result"), e.getMessage());
    }

    @Test
    void aPartialRunExpectsOnlyTheSelectedCases() {
        ConformanceResults r = results("beta");
        r.onlySelected(name -> name.equals("beta"));
        assertDoesNotThrow(r::assertNoRegression);
    }

    @Test
    void aCaseReportedTwiceIsABugOfTheRunner() {
        ConformanceResults r = results("alpha");
        assertThrows(IllegalArgumentException.class, () -> r.failed("alpha", "again"));
    }

    @Test
    void anUnsortedOrMissingListFails() {
        ConformanceResults unsorted = new ConformanceResults("conformance-selftest-unsorted", quiet());
        unsorted.passed("alpha");
        AssertionFailedError e = assertThrows(AssertionFailedError.class, unsorted::assertNoRegression);
        assertTrue(e.getMessage().contains("line 2: 'alpha' is out of order"), e.getMessage());
        ConformanceResults none = new ConformanceResults("conformance-selftest-absent", quiet());
        e = assertThrows(AssertionFailedError.class, none::assertNoRegression);
        assertTrue(e.getMessage().contains("found []"), e.getMessage());
    }

    @Test
    void aWholeSuiteListRequiresEveryReportedCaseAndTheirNumber() {
        ConformanceResults all = new ConformanceResults("conformance-selftest-all", quiet());
        all.passed("one");
        all.passed("two");
        all.passed("three");
        assertDoesNotThrow(all::assertNoRegression);
        ConformanceResults failing = new ConformanceResults("conformance-selftest-all", quiet());
        failing.passed("one");
        failing.passed("two");
        failing.failed("three", "differs");
        AssertionFailedError e = assertThrows(AssertionFailedError.class, failing::assertNoRegression);
        assertTrue(e.getMessage().contains("three: failed: differs"), e.getMessage());
        ConformanceResults shrunk = new ConformanceResults("conformance-selftest-all", quiet());
        shrunk.passed("one");
        shrunk.passed("two");
        e = assertThrows(AssertionFailedError.class, shrunk::assertNoRegression);
        assertTrue(e.getMessage().contains("only 2 cases reported, 3 expected"), e.getMessage());
    }

    private PrintStream quiet() {
        return new PrintStream(printed, true, StandardCharsets.UTF_8);
    }

    private ConformanceResults results(String... passed) {
        ConformanceResults r = new ConformanceResults("conformance-selftest", quiet());
        for (String p : passed) {
            r.passed(p);
        }
        return r;
    }
}
