package org.jvirt.driver.lxc.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.jvirt.api.DomainState;
import org.jvirt.api.ErrorCode;
import org.jvirt.api.ProcessSignal;
import org.jvirt.api.VirtException;
import org.jvirt.api.spi.DomainRef;

/**
 * {@code send-process-signal} as libvirt's {@code lxcDomainSendProcessSignal}: the signal reaches
 * the container's init (pid 1) under libvirt's number (a real-time one too), any other pid and
 * numbers out of range get libvirt's errors, KILL ends the container.
 */
class ProcessSignalTest {
    private static final Duration WAIT = Duration.ofSeconds(15);

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
    void theInitGetsTheSignalAndOtherPidsAreRefused() throws Exception {
        Path root = bed.rootfs("root");
        Path out = Files.createDirectories(tmp.resolve("out"));
        // RT2 is the kernel's signal 34 (glibc keeps 32 and 33 for itself)
        String script = "trap 'echo usr1 >> /out/usr1' USR1; trap 'echo rt2 >> /out/rt2' 34; "
                + "echo ready > /out/ready; while :; do sleep 0.2; done";
        String xml = "<domain type='lxc'>\n  <name>" + LxcTestBed.RUN + "sig1</name>\n  <memory unit='KiB'>65536</memory>\n"
                + "  <os>\n    <type>exe</type>\n    <init>/bin/sh</init>\n    <initarg>-c</initarg>\n"
                + "    <initarg>" + script.replace(">", "&gt;") + "</initarg>\n  </os>\n  <devices>\n"
                + "    <filesystem type='mount'>\n      <source dir='" + root + "'/>\n      <target dir='/'/>\n"
                + "    </filesystem>\n    <filesystem type='mount'>\n      <source dir='" + out + "'/>\n"
                + "      <target dir='/out'/>\n    </filesystem>\n    <console type='pty'/>\n  </devices>\n</domain>\n";
        DomainRef ref = bed.conn.createXml(xml, 0);
        ContainerProcess proc = bed.process(ref);
        LxcTestBed.await("the init's traps", WAIT, () -> Files.exists(out.resolve("ready")));

        bed.conn.sendProcessSignal(ref, 1, ProcessSignal.USR1.number(), 0);
        LxcTestBed.await("the USR1 trap", WAIT, () -> Files.exists(out.resolve("usr1")));
        bed.conn.sendProcessSignal(ref, 1, ProcessSignal.RT2.number(), 0);
        LxcTestBed.await("the RT2 trap", WAIT, () -> Files.exists(out.resolve("rt2")));
        bed.conn.sendProcessSignal(ref, 1, ProcessSignal.NOP.number(), 0);
        assertEquals("usr1", LxcTestBed.read(out.resolve("usr1")), "one USR1, nothing for NOP");

        VirtException e = assertThrows(VirtException.class, () -> bed.conn.sendProcessSignal(ref, 2, 15, 0));
        assertEquals(ErrorCode.ARGUMENT_UNSUPPORTED, e.code());
        assertEquals("argument unsupported: Only the init process may be killed", e.getMessage());
        e = assertThrows(VirtException.class, () -> bed.conn.sendProcessSignal(ref, 1, 65, 0));
        assertEquals(ErrorCode.INVALID_ARG, e.code());
        assertEquals("invalid argument: signum value 65 is out of range", e.getMessage());
        e = assertThrows(VirtException.class, () -> bed.conn.sendProcessSignal(ref, 1, -1, 0));
        assertEquals("invalid argument: signum value -1 is out of range", e.getMessage());
        e = assertThrows(VirtException.class, () -> bed.conn.sendProcessSignal(ref, 1, 15, 1));
        assertEquals("invalid argument: unsupported flags (0x1) in function lxcDomainSendProcessSignal",
                e.getMessage());
        assertTrue(proc.initAlive(), "the refused calls signalled nothing");
        assertEquals(DomainState.RUNNING, bed.conn.state(ref).state());

        bed.conn.sendProcessSignal(ref, 1, ProcessSignal.KILL.number(), 0);
        LxcTestBed.await("the container to end", WAIT, () -> !proc.initAlive());
        LxcTestBed.await("the transient domain to be gone", WAIT, () -> {
            try {
                return bed.conn.listAllDomains(0).isEmpty();
            } catch (VirtException x) {
                return false;
            }
        });
        e = assertThrows(VirtException.class, () -> bed.conn.sendProcessSignal(ref, 1, 15, 0));
        assertEquals(ErrorCode.NO_DOMAIN, e.code());
    }
}
