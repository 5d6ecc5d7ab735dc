package org.jvirt.driver.lxc.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.jvirt.api.DomainState;
import org.jvirt.api.spi.DomainRef;

/**
 * {@code <memtune><hard_limit>}: a process of the container that allocates beyond it is killed by
 * the kernel's OOM killer inside the container's memory cgroup, while the container's init (and
 * the host, which runs this test) go on.
 */
class MemoryLimitTest {
    private static final Duration WAIT = Duration.ofSeconds(30);

    @TempDir
    Path tmp;
    private LxcTestBed bed;

    @BeforeEach
    void setUp() throws Exception {
        assumeTrue(LxcTestBed.canRunContainers(), "needs root, lxc-start and busybox-static");
        bed = new LxcTestBed(tmp);
    }

    @AfterEach
    void tearDown() throws Exception {
        if (bed != null) {
            bed.close();
        }
    }

    @Test
    void aProcessBeyondTheHardLimitIsOomKilledAndTheContainerGoesOn() throws Exception {
        Path root = bed.rootfs("root");
        Path out = Files.createDirectories(tmp.resolve("out"));
        // busybox dd allocates its 96 MiB block and fills it from /dev/zero: three times the limit
        String script = "dd if=/dev/zero of=/dev/null bs=96M count=1 2> /out/dderr; echo $? > /out/ddrc; "
                + "echo alive > /out/after; while :; do sleep 1; done";
        String xml = "<domain type='lxc'>\n  <name>" + LxcTestBed.RUN + "oom</name>\n  <memory unit='KiB'>131072</memory>\n"
                + "  <memtune>\n    <hard_limit unit='KiB'>32768</hard_limit>\n"
                + "    <swap_hard_limit unit='KiB'>32768</swap_hard_limit>\n  </memtune>\n"
                + "  <os>\n    <type>exe</type>\n    <init>/bin/sh</init>\n    <initarg>-c</initarg>\n"
                + "    <initarg>" + script.replace(">", "&gt;") + "</initarg>\n  </os>\n  <devices>\n"
                + "    <filesystem type='mount'>\n      <source dir='" + root + "'/>\n      <target dir='/'/>\n"
                + "    </filesystem>\n    <filesystem type='mount'>\n      <source dir='" + out + "'/>\n"
                + "      <target dir='/out'/>\n    </filesystem>\n    <console type='pty'/>\n  </devices>\n</domain>\n";
        DomainRef ref = bed.conn.createXml(xml, 0);
        ContainerProcess proc = bed.process(ref);
        LxcTestBed.await("dd to end", WAIT, () -> Files.exists(out.resolve("after")));

        assertEquals("137", LxcTestBed.read(out.resolve("ddrc")), "dd died of SIGKILL: " + LxcTestBed.read(
                out.resolve("dderr")));
        assertEquals("alive", LxcTestBed.read(out.resolve("after")));
        assertTrue(proc.initAlive(), "the init goes on");
        assertEquals(DomainState.RUNNING, bed.conn.state(ref).state());
        assertTrue(oomKills(proc.initPid()) >= 1, "the kernel counted the OOM kill in the container's group");
        bed.conn.destroy(ref, 0);
    }

    /** The OOM kills of the memory cgroup of {@code pid} (v1 memory.oom_control, v2 memory.events). */
    private static long oomKills(long pid) throws Exception {
        String cgroups = Files.readString(Path.of("/proc/" + pid + "/cgroup"));
        Matcher v1 = Pattern.compile("(?m)^\\d+:[^:]*\\bmemory\\b[^:]*:(.*)$").matcher(cgroups);
        Path file;
        if (v1.find()) {
            file = Path.of("/sys/fs/cgroup/memory" + v1.group(1), "memory.oom_control");
        } else {
            Matcher v2 = Pattern.compile("(?m)^0::(.*)$").matcher(cgroups);
            assertTrue(v2.find(), cgroups);
            file = Path.of("/sys/fs/cgroup" + v2.group(1), "memory.events");
        }
        Matcher m = Pattern.compile("(?m)^oom_kill (\\d+)$").matcher(Files.readString(file));
        assertTrue(m.find(), file + " has no oom_kill count");
        return Long.parseLong(m.group(1));
    }
}
