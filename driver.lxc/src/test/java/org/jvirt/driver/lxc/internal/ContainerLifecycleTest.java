package org.jvirt.driver.lxc.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.jvirt.api.DomainEvent;
import org.jvirt.api.DomainEventType;
import org.jvirt.api.DomainInfo;
import org.jvirt.api.DomainState;
import org.jvirt.api.StateReason;
import org.jvirt.api.spi.DomainRef;

/**
 * Real containers from libvirt's LXC domain XML: the init is PID 1 with its arguments, variables
 * and folder, the hostname is the domain's name, a read-only mount refuses writes, the memory limit
 * is in the container's cgroup; destroy and shutdown leave no process, mount, cgroup or veth; a
 * new driver instance takes a running container over (same pid). Needs root and Debian's lxc.
 */
class ContainerLifecycleTest {
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

    /** A container whose init (busybox sh) records what it sees in a host folder, then waits for SIGTERM. */
    static String xml(String name, Path root, Path out, Path ro, String extra) {
        String script = "echo $$ > /out/pid; hostname > /out/hostname; pwd > /out/pwd; echo \"$GREETING\" > /out/env; "
                + "echo \"$0 $1\" > /out/args; ip -o addr > /out/addr; "
                + "if { echo x > /ro/written; } 2> /out/roerr; then echo yes > /out/rowrite; else echo no > /out/rowrite; fi; "
                + "trap 'echo bye > /out/bye; exit 0' TERM; echo ready > /out/ready; while :; do sleep 1; done";
        return "<domain type='lxc'>\n  <name>" + name + "</name>\n  <uuid>" + UUID.randomUUID() + "</uuid>\n"
                + "  <memory unit='KiB'>131072</memory>\n  <currentMemory unit='KiB'>131072</currentMemory>\n"
                + "  <memtune>\n    <hard_limit unit='KiB'>65536</hard_limit>\n  </memtune>\n"
                + "  <vcpu placement='static'>1</vcpu>\n"
                + "  <os>\n    <type arch='x86_64'>exe</type>\n    <init>/bin/sh</init>\n"
                + "    <initarg>-c</initarg>\n    <initarg>" + script.replace("&", "&amp;").replace("<", "&lt;")
                .replace(">", "&gt;") + "</initarg>\n    <initarg>argzero</initarg>\n    <initarg>argone</initarg>\n"
                + "    <initenv name='GREETING'>hello lxc</initenv>\n    <initdir>/tmp</initdir>\n  </os>\n"
                + extra
                + "  <on_poweroff>destroy</on_poweroff>\n  <on_reboot>restart</on_reboot>\n  <on_crash>destroy</on_crash>\n"
                + "  <devices>\n"
                + "    <filesystem type='mount' accessmode='passthrough'>\n      <source dir='" + root + "'/>\n"
                + "      <target dir='/'/>\n    </filesystem>\n"
                + "    <filesystem type='mount' accessmode='passthrough'>\n      <source dir='" + out + "'/>\n"
                + "      <target dir='/out'/>\n    </filesystem>\n"
                + "    <filesystem type='mount' accessmode='passthrough'>\n      <source dir='" + ro + "'/>\n"
                + "      <target dir='/ro'/>\n      <readonly/>\n    </filesystem>\n"
                + "    <console type='pty'>\n      <target type='lxc' port='0'/>\n    </console>\n"
                + "  </devices>\n</domain>\n";
    }

    @Test
    void runsTheConfiguredInitAndDestroyLeavesNothing() throws Exception {
        Path root = bed.rootfs("root");
        Path out = Files.createDirectories(tmp.resolve("out"));
        Path ro = Files.createDirectories(tmp.resolve("ro"));
        DomainRef ref = bed.conn.defineXml(xml(LxcTestBed.RUN + "t1", root, out, ro, ""), 0);
        assertEquals(DomainEventType.DEFINED, bed.events.poll(5, TimeUnit.SECONDS).type());
        long t0 = System.nanoTime();
        bed.conn.create(ref, 0);
        System.out.printf("container start: %.1f ms%n", (System.nanoTime() - t0) / 1e6);
        ContainerProcess proc = bed.process(ref);
        assertNotNull(proc);
        DomainEvent started = bed.events.poll(5, TimeUnit.SECONDS);
        assertEquals(DomainEventType.STARTED, started.type());
        assertEquals(DomainEventType.STARTED_BOOTED, started.detail());
        LxcTestBed.await("the init to write /out/ready", WAIT, () -> Files.exists(out.resolve("ready")));

        assertEquals("1", LxcTestBed.read(out.resolve("pid")), "the init is PID 1 of its namespace");
        assertEquals(LxcTestBed.RUN + "t1", LxcTestBed.read(out.resolve("hostname")));
        assertEquals("/tmp", LxcTestBed.read(out.resolve("pwd")));
        assertEquals("hello lxc", LxcTestBed.read(out.resolve("env")));
        assertEquals("argzero argone", LxcTestBed.read(out.resolve("args")));
        assertEquals("no", LxcTestBed.read(out.resolve("rowrite")));
        assertTrue(LxcTestBed.read(out.resolve("roerr")).contains("Read-only file system"),
                LxcTestBed.read(out.resolve("roerr")));
        assertFalse(Files.exists(ro.resolve("written")));
        // no interface and no <privnet/>: the host's network, as libvirt's containers share it
        assertTrue(LxcTestBed.read(out.resolve("addr")).contains("lo"));

        CgroupStats stats = new CgroupStats(CgroupLayout.detect());
        assertEquals(65536L * 1024, stats.memoryLimitBytes(proc.initPid()).orElseThrow(), "memtune hard_limit");
        DomainInfo info = bed.conn.info(ref);
        assertEquals(DomainState.RUNNING, info.state());
        assertEquals(131072, info.maxMemKiB());
        assertTrue(info.memoryKiB() > 0 && info.memoryKiB() < 65536, "memory from the cgroup: " + info.memoryKiB());
        assertEquals(StateReason.RUNNING_BOOTED, bed.conn.state(ref).namedReason());
        String live = bed.conn.xmlDesc(ref, 0);
        assertTrue(live.contains("<domain type='lxc' id='"), live);
        assertTrue(live.matches("(?s).*<console type='pty' tty='/dev/pts/\\d+'>.*"), live);
        String cgroup = CgroupStats.groupOf(proc.initPid(), "memory").orElseThrow();

        t0 = System.nanoTime();
        bed.conn.destroy(ref, 0);
        System.out.printf("container destroy: %.1f ms%n", (System.nanoTime() - t0) / 1e6);
        assertEquals(StateReason.SHUTOFF_DESTROYED, bed.conn.state(ref).namedReason());
        DomainEvent stopped = bed.events.poll(5, TimeUnit.SECONDS);
        assertEquals(DomainEventType.STOPPED, stopped.type());
        assertEquals(DomainEventType.STOPPED_DESTROYED, stopped.detail());
        assertFalse(ProcStat.isAlive(proc.initPid()), "init gone");
        assertFalse(ProcStat.isAlive(proc.monitorPid()), "monitor gone");
        assertFalse(Files.exists(CgroupLayout.detect().dir("memory", cgroup)), "cgroup " + cgroup + " removed");
        assertFalse(Files.readString(Path.of("/proc/mounts")).contains(root.toString()), "no mount of the root left");
        assertFalse(Files.exists(tmp.resolve("run").resolve(LxcTestBed.RUN + "t1")), "the container's run folder removed");
        assertTrue(bed.store.read(LxcHost.STORE, org.jvirt.api.spi.RecordKind.STATUS, ref.uuid().toString()).isEmpty());
        assertTrue(bed.conn.xmlDesc(ref, 0).contains("<domain type='lxc'>"), "inactive XML again");
    }

    @Test
    void shutdownSignalsInitAndTheContainerStopsAsShutdown() throws Exception {
        Path root = bed.rootfs("root");
        Path out = Files.createDirectories(tmp.resolve("out"));
        Path ro = Files.createDirectories(tmp.resolve("ro"));
        DomainRef ref = bed.conn.createXml(xml(LxcTestBed.RUN + "t2", root, out, ro, ""), 0);
        ContainerProcess proc = bed.process(ref);
        LxcTestBed.await("the init to be ready", WAIT, () -> Files.exists(out.resolve("ready")));
        bed.events.clear();
        bed.conn.shutdown(ref, 0);
        DomainEvent stopped = bed.events.poll(WAIT.toSeconds(), TimeUnit.SECONDS);
        assertNotNull(stopped, "a stopped event");
        assertEquals(DomainEventType.STOPPED, stopped.type());
        assertEquals(DomainEventType.STOPPED_SHUTDOWN, stopped.detail());
        assertEquals("bye", LxcTestBed.read(out.resolve("bye")), "the init's TERM trap ran");
        assertFalse(ProcStat.isAlive(proc.monitorPid()));
        // a transient domain is gone once it stopped
        assertTrue(bed.conn.listAllDomains(0).stream().noneMatch(d -> d.uuid().equals(ref.uuid())));
    }

    @Test
    void aNewDriverInstanceReattachesTheRunningContainer() throws Exception {
        Path root = bed.rootfs("root");
        Path out = Files.createDirectories(tmp.resolve("out"));
        Path ro = Files.createDirectories(tmp.resolve("ro"));
        DomainRef ref = bed.conn.defineXml(xml(LxcTestBed.RUN + "t3", root, out, ro, ""), 0);
        bed.conn.create(ref, 0);
        ContainerProcess before = bed.process(ref);
        LxcTestBed.await("the init to be ready", WAIT, () -> Files.exists(out.resolve("ready")));
        String liveBefore = bed.conn.xmlDesc(ref, 0);

        bed.newDriver();
        DomainRef again = bed.conn.lookupByName(LxcTestBed.RUN + "t3");
        assertEquals(ref.uuid(), again.uuid());
        assertTrue(again.id() > 0);
        ContainerProcess after = bed.process(again);
        assertEquals(before, after, "same monitor and init, by pid and start time");
        assertTrue(after.initAlive());
        assertEquals(DomainState.RUNNING, bed.conn.state(again).state());
        assertEquals(liveBefore, bed.conn.xmlDesc(again, 0));

        bed.conn.destroy(again, 0);
        assertFalse(ProcStat.isAlive(before.initPid()));
        assertEquals(DomainState.SHUTOFF, bed.conn.state(again).state());
    }

    @Test
    void initKilledFromOutsideIsShutOffAsLibvirtReportsIt() throws Exception {
        Path root = bed.rootfs("root");
        Path out = Files.createDirectories(tmp.resolve("out"));
        Path ro = Files.createDirectories(tmp.resolve("ro"));
        DomainRef ref = bed.conn.defineXml(xml(LxcTestBed.RUN + "t4", root, out, ro, ""), 0);
        bed.conn.create(ref, 0);
        ContainerProcess proc = bed.process(ref);
        LxcTestBed.await("the init to be ready", WAIT, () -> Files.exists(out.resolve("ready")));
        ProcessHandle.of(proc.initPid()).orElseThrow().destroyForcibly();
        LxcTestBed.await("the domain to stop", WAIT, () -> !bed.driver.host().byUuid(ref.uuid()).isActive());
        // libvirt's controller reports any exit of init but SIGHUP as a shutdown
        assertEquals(StateReason.SHUTOFF_SHUTDOWN, bed.conn.state(ref).namedReason());
        assertFalse(ProcStat.isAlive(proc.monitorPid()));
    }

    @Test
    void aRebootInsideIsFollowedToTheNewInit() throws Exception {
        Path root = bed.rootfs("root");
        Path out = Files.createDirectories(tmp.resolve("out"));
        Path ro = Files.createDirectories(tmp.resolve("ro"));
        // the first boot reboots (busybox reboot -f: reboot(2) in a PID namespace ends init with SIGHUP),
        // once the test has seen its init: on a loaded machine the start may otherwise return the second one
        String script = "n=$(cat /out/boots 2>/dev/null || echo 0); n=$((n+1)); echo $n > /out/boots; "
                + "if [ $n = 1 ]; then while [ ! -e /out/go ]; do sleep 1; done; reboot -f; fi; "
                + "echo ready > /out/ready; while :; do sleep 1; done";
        String xml = xml(LxcTestBed.RUN + "t5", root, out, ro, "").replaceFirst("(?s)<init>.*</os>", Matcher.quoteReplacement(
                "<init>/bin/sh</init>\n    <initarg>-c</initarg>\n    <initarg>" + script.replace(">", "&gt;")
                        + "</initarg>\n  </os>"));
        DomainRef ref = bed.conn.createXml(xml, 0);
        ContainerProcess first = bed.process(ref);
        Files.writeString(out.resolve("go"), "");
        LxcTestBed.await("the second boot", WAIT, () -> Files.exists(out.resolve("ready")));
        assertEquals("2", LxcTestBed.read(out.resolve("boots")));
        LxcTestBed.await("the driver to follow the new init", WAIT,
                () -> !first.equals(bed.driver.host().byUuid(ref.uuid()).process()));
        ContainerProcess second = bed.process(ref);
        assertEquals(first.monitorPid(), second.monitorPid(), "liblxc's monitor restarted the container");
        assertTrue(second.initAlive());
        assertEquals(DomainState.RUNNING, bed.conn.state(ref).state());
        bed.conn.destroy(ref, 0);
        assertFalse(second.monitorAlive());
    }

    @Test
    void anAutostartContainerStartsOncePerBootWhenTheDriverComesUp() throws Exception {
        Path root = bed.rootfs("root");
        Path out = Files.createDirectories(tmp.resolve("out"));
        Path ro = Files.createDirectories(tmp.resolve("ro"));
        DomainRef ref = bed.conn.defineXml(xml(LxcTestBed.RUN + "t6", root, out, ro, ""), 0);
        bed.conn.setAutostart(ref, true);
        assertTrue(bed.conn.autostart(ref));
        // this boot's autostart round is done (the first driver did it): a new instance starts nothing
        bed.newDriver();
        assertEquals(DomainState.SHUTOFF, bed.conn.state(ref).state());
        assertTrue(bed.conn.autostart(ref), "the autostart flag is persistent");
        // as after a host reboot: the marker holds another boot id
        Files.writeString(tmp.resolve("run").resolve("autostarted"), "another-boot");
        bed.newDriver();
        assertEquals(DomainState.RUNNING, bed.conn.state(ref).state());
        ContainerProcess proc = bed.process(ref);
        assertTrue(proc.initAlive());
        bed.conn.destroy(ref, 0);
        assertFalse(proc.monitorAlive());
    }
}
