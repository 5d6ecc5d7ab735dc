package org.jvirt.driver.xen.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.jvirt.api.ErrorCode;
import org.jvirt.api.VirtException;

/**
 * How often the host's {@code xl info} runs ({@link XenHost}): the physinfo is reused for its time
 * to live, Xen's version and capabilities for good, a failure is not kept. A stand-in xl counts its
 * calls and prints what the test puts in its {@code info} file; the clock is the test's.
 */
class XenHostTest {
    private static final String INFO = "host                   : fake\nmachine                : x86_64\n"
            + "nr_cpus                : %d\ncores_per_socket       : 2\nthreads_per_core       : 1\n"
            + "cpu_mhz                : 2400.000\ntotal_memory           : 8192\nxen_major              : 4\n"
            + "xen_minor              : 17\nxen_extra              : .7\nxen_caps               : xen-3.0-x86_64 hvm-3.0-x86_64\n";

    @TempDir
    Path dir;
    private Path xl;
    private final AtomicLong now = new AtomicLong();

    @BeforeEach
    void standIn() throws Exception {
        xl = dir.resolve("xl");
        Files.writeString(xl, "#!/bin/sh\nd=$(dirname \"$0\")\necho \"$*\" >> \"$d/calls\"\n"
                + "if [ -e \"$d/fail\" ]; then echo 'libxl: error: libxl.c:654:libxl_get_physinfo: getting physinfo:"
                + " Permission denied' >&2; exit 1; fi\ncat \"$d/info\"\n");
        Files.setPosixFilePermissions(xl, PosixFilePermissions.fromString("rwx------"));
        cpus(4);
    }

    @Test
    void physinfoIsReusedForItsTimeToLiveVersionAndCapabilitiesForGood() throws Exception {
        XenHost host = new XenHost(new Xl(xl.toString(), Duration.ofSeconds(30)), Duration.ofSeconds(5), now::get);
        assertEquals(4, host.nodeInfo().cpus());
        assertEquals(4, host.hostCpus());
        assertTrue(host.capabilities().contains("<machine>xenfv</machine>"));
        assertEquals(4_017_007L, host.version());
        assertEquals(1, calls(), "one xl info for all four");

        advance(4900);
        cpus(8);
        assertEquals(4, host.nodeInfo().cpus(), "younger than 5 s: reused");
        assertEquals(1, calls());
        advance(200);
        assertEquals(8, host.nodeInfo().cpus(), "older: asked again, a CPU change is seen");
        assertEquals(2, calls());

        Files.writeString(dir.resolve("fail"), "");
        advance(6000);
        VirtException e = assertThrows(VirtException.class, host::nodeInfo);
        assertEquals(ErrorCode.INTERNAL_ERROR, e.code());
        assertTrue(e.getMessage().startsWith("internal error: libxl_get_physinfo failed: libxl: libxl_get_physinfo:"),
                e.getMessage());
        assertEquals(3, calls());
        assertTrue(host.capabilities().contains("<machine>xenpv</machine>"), "capabilities are kept");
        assertEquals(4_017_007L, host.version());
        assertEquals(3, calls());
        assertThrows(VirtException.class, host::hostCpus, "the failure is not kept, xl is asked again");
        assertEquals(4, calls());
        Files.delete(dir.resolve("fail"));
        assertEquals(8, host.hostCpus());
        assertEquals(5, calls());
    }

    @Test
    void aTimeToLiveOfZeroAsksLibxlEveryTime() throws Exception {
        XenHost host = new XenHost(new Xl(xl.toString(), Duration.ofSeconds(30)), Duration.ZERO, now::get);
        host.nodeInfo();
        host.nodeInfo();
        assertEquals(2, calls());
    }

    private void cpus(int n) throws Exception {
        Files.writeString(dir.resolve("info"), String.format(INFO, n));
    }

    private void advance(long millis) {
        now.addAndGet(TimeUnit.MILLISECONDS.toNanos(millis));
    }

    private long calls() throws Exception {
        return Files.readAllLines(dir.resolve("calls")).size();
    }
}
