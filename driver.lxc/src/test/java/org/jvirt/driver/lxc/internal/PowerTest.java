package org.jvirt.driver.lxc.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.jvirt.api.DomainEvent;
import org.jvirt.api.DomainEventType;
import org.jvirt.api.DomainState;
import org.jvirt.api.ErrorCode;
import org.jvirt.api.StateReason;
import org.jvirt.api.VirtException;
import org.jvirt.api.spi.DomainEventSink;
import org.jvirt.api.spi.DomainRef;

/**
 * Shutdown and reboot as libvirt's LXC driver does them, with real containers whose init (busybox
 * sh) plays a SysV init: it reads a runlevel request from {@code /dev/initctl} (when it makes one),
 * traps SIGTERM and reboots on SIGHUP; {@code <on_reboot>} restart and destroy, and the reboot event.
 */
class PowerTest {
    private static final Duration WAIT = Duration.ofSeconds(15);

    @TempDir
    Path tmp;
    private LxcTestBed bed;
    private final BlockingQueue<DomainRef> reboots = new LinkedBlockingQueue<>();

    @BeforeEach
    void setUp() throws Exception {
        assumeTrue(LxcTestBed.canRunContainers(), "needs root, lxc-start and busybox-static");
        bed = new LxcTestBed(tmp);
        bed.conn.setEventSink(new DomainEventSink() {
            @Override
            public void accept(DomainEvent event) {
                bed.events.add(event);
            }

            @Override
            public void reboot(DomainRef dom) {
                reboots.add(dom);
            }
        });
    }

    @AfterEach
    void tearDown() throws Exception {
        if (bed != null) {
            bed.close();
        }
    }

    /** Boot n writes /out/readyN; a request read from /dev/initctl goes to /out/reqN; runlevel 6 reboots. */
    static String xml(String name, Path root, Path out, boolean initctl, String onReboot) {
        String script = "n=$(cat /out/boots 2>/dev/null || echo 0); n=$((n+1)); echo $n > /out/boots; "
                + "trap 'echo term >> /out/term; exit 0' TERM; trap 'reboot -f' HUP; "
                // the FIFO is opened before ready is written: a request written while no reader holds it
                // open is dropped when the writer closes (a race the test lost on a loaded machine); reqN appears
                // only once a request was read
                + (initctl ? "mkfifo /dev/initctl; exec 3<>/dev/initctl; (dd bs=384 count=1 <&3 >/out/.req$n 2>/dev/null && mv /out/.req$n /out/req$n) & "
                        : "while :; do sleep 1; done & ")
                + "echo ready > /out/ready$n; wait $!; "
                + "if [ \"$(dd if=/out/req$n bs=1 skip=8 count=1 2>/dev/null)\" = 6 ]; then reboot -f; fi; exit 0";
        return "<domain type='lxc'>\n  <name>" + name + "</name>\n  <uuid>" + UUID.randomUUID() + "</uuid>\n"
                + "  <memory unit='KiB'>65536</memory>\n"
                + "  <os>\n    <type>exe</type>\n    <init>/bin/sh</init>\n    <initarg>-c</initarg>\n"
                + "    <initarg>" + script.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
                + "</initarg>\n  </os>\n  <on_reboot>" + onReboot + "</on_reboot>\n  <devices>\n"
                + "    <filesystem type='mount'>\n      <source dir='" + root + "'/>\n      <target dir='/'/>\n"
                + "    </filesystem>\n    <filesystem type='mount'>\n      <source dir='" + out + "'/>\n"
                + "      <target dir='/out'/>\n    </filesystem>\n    <console type='pty'/>\n  </devices>\n</domain>\n";
    }

    private DomainRef start(String xml, Path out) throws Exception {
        DomainRef ref = bed.conn.defineXml(xml, 0);
        bed.conn.create(ref, 0);
        bed.process(ref);
        LxcTestBed.await("the first boot", WAIT, () -> Files.exists(out.resolve("ready1")));
        bed.events.clear();
        return ref;
    }

    @Test
    void initctlCarriesTheRunlevelAndTheInitDecides() throws Exception {
        Path root = bed.rootfs("root");
        Path out = Files.createDirectories(tmp.resolve("out"));
        DomainRef ref = start(xml(LxcTestBed.RUN + "initctl", root, out, true, "restart"), out);
        ContainerProcess first = bed.process(ref);

        bed.conn.reboot(ref, ContainerPower.INITCTL);
        ByteBuffer req = ByteBuffer.wrap(Files.readAllBytes(waitForRequest(out.resolve("req1")))).order(ByteOrder.nativeOrder());
        assertEquals(384, req.capacity(), "struct init_request");
        assertEquals(0x03091969, req.getInt(0), "magic");
        assertEquals(1, req.getInt(4), "INIT_CMD_RUNLVL");
        assertEquals('6', req.getInt(8), "runlevel 6");
        assertEquals(ref.uuid(), reboots.poll(WAIT.toSeconds(), TimeUnit.SECONDS).uuid(), "a reboot event");
        waitFor(out.resolve("ready2"));
        assertEquals(DomainState.RUNNING, bed.conn.state(ref).state());
        assertEquals(first.monitorPid(), bed.process(ref).monitorPid());
        assertNull(bed.events.poll(), "no lifecycle event for a reboot: " + bed.events);

        bed.conn.shutdown(ref, ContainerPower.INITCTL);
        DomainEvent stopped = bed.events.poll(WAIT.toSeconds(), TimeUnit.SECONDS);
        assertNotNull(stopped, "stopped");
        assertEquals(DomainEventType.STOPPED_SHUTDOWN, stopped.detail());
        assertEquals('0', ByteBuffer.wrap(Files.readAllBytes(waitForRequest(out.resolve("req2")))).order(ByteOrder.nativeOrder())
                .getInt(8), "runlevel 0");
        assertFalse(Files.exists(out.resolve("term")), "no SIGTERM when initctl worked");
        assertEquals(StateReason.SHUTOFF_SHUTDOWN, bed.conn.state(ref).namedReason());
    }

    @Test
    void signalModeSignalsEvenWithAFifoAndInitctlModeNeedsOne() throws Exception {
        Path root = bed.rootfs("root");
        Path out = Files.createDirectories(tmp.resolve("out"));
        DomainRef fifo = start(xml(LxcTestBed.RUN + "sig", root, out, true, "restart"), out);
        bed.conn.shutdown(fifo, ContainerPower.SIGNAL);
        assertEquals(DomainEventType.STOPPED_SHUTDOWN, bed.events.poll(WAIT.toSeconds(), TimeUnit.SECONDS).detail());
        assertEquals("term", LxcTestBed.read(out.resolve("term")));
        assertFalse(Files.exists(out.resolve("req1")), "nothing written to initctl");

        Path out2 = Files.createDirectories(tmp.resolve("out2"));
        DomainRef none = start(xml(LxcTestBed.RUN + "nofifo", root, out2, false, "restart"), out2);
        VirtException e = assertThrows(VirtException.class, () -> bed.conn.shutdown(none, ContainerPower.INITCTL));
        assertEquals(ErrorCode.OPERATION_UNSUPPORTED, e.code());
        assertEquals("Operation not supported: Container does not provide an initctl pipe", e.getMessage());
        e = assertThrows(VirtException.class, () -> bed.conn.reboot(none, ContainerPower.INITCTL));
        assertEquals("Operation not supported: Container does not provide an initctl pipe", e.getMessage());
        e = assertThrows(VirtException.class, () -> bed.conn.shutdown(none, 1));
        assertEquals("invalid argument: unsupported flags (0x1) in function lxcDomainShutdownFlags", e.getMessage());
        assertEquals(DomainState.RUNNING, bed.conn.state(none).state());

        // no mode, no FIFO: SIGHUP, the init's trap reboots
        bed.conn.reboot(none, 0);
        assertEquals(none.uuid(), reboots.poll(WAIT.toSeconds(), TimeUnit.SECONDS).uuid());
        waitFor(out2.resolve("ready2"));
        assertEquals("2", LxcTestBed.read(out2.resolve("boots")));
        bed.conn.destroy(none, 0);
        assertEquals(StateReason.SHUTOFF_DESTROYED, bed.conn.state(none).namedReason());
    }

    @Test
    void onRebootDestroyEndsTheContainerAtItsReboot() throws Exception {
        Path root = bed.rootfs("root");
        Path out = Files.createDirectories(tmp.resolve("out"));
        DomainRef ref = start(xml(LxcTestBed.RUN + "noreboot", root, out, false, "destroy"), out);
        ContainerProcess proc = bed.process(ref);
        bed.conn.reboot(ref, ContainerPower.SIGNAL);
        DomainEvent stopped = bed.events.poll(WAIT.toSeconds(), TimeUnit.SECONDS);
        assertNotNull(stopped, "stopped");
        assertEquals(DomainEventType.STOPPED, stopped.type());
        assertEquals(DomainEventType.STOPPED_SHUTDOWN, stopped.detail());
        assertEquals(StateReason.SHUTOFF_SHUTDOWN, bed.conn.state(ref).namedReason());
        assertEquals("1", LxcTestBed.read(out.resolve("boots")), "no second boot");
        assertNull(reboots.poll(), "no reboot event");
        assertFalse(proc.monitorAlive(), "liblxc's monitor gave up");
        assertFalse(Files.exists(tmp.resolve("run").resolve(LxcTestBed.RUN + "noreboot")), "run folder removed");
        assertTrue(bed.conn.xmlDesc(ref, 0).contains("<on_reboot>destroy</on_reboot>"));
    }

    /**
     * libvirt's LXC driver accepts every {@code <on_poweroff>} and {@code <on_crash>} and ignores
     * them: an init that exits leaves the container shut off (shutdown), even with
     * {@code on_poweroff restart}.
     */
    @Test
    void onPoweroffAndOnCrashAreAcceptedAndIgnoredAsLibvirtDoes() throws Exception {
        Path root = bed.rootfs("root");
        Path out = Files.createDirectories(tmp.resolve("out"));
        String xml = xml(LxcTestBed.RUN + "poweroff", root, out, false, "restart").replace("<on_reboot>restart</on_reboot>",
                "<on_poweroff>restart</on_poweroff>\n  <on_reboot>restart</on_reboot>\n  <on_crash>preserve</on_crash>");
        DomainRef ref = start(xml, out);
        String live = bed.conn.xmlDesc(ref, 0);
        assertTrue(live.contains("<on_poweroff>restart</on_poweroff>") && live.contains("<on_crash>preserve</on_crash>"),
                live);
        bed.conn.shutdown(ref, ContainerPower.SIGNAL);
        DomainEvent stopped = bed.events.poll(WAIT.toSeconds(), TimeUnit.SECONDS);
        assertNotNull(stopped, "stopped");
        assertEquals(DomainEventType.STOPPED_SHUTDOWN, stopped.detail());
        assertEquals(StateReason.SHUTOFF_SHUTDOWN, bed.conn.state(ref).namedReason());
        Thread.sleep(1000); // a restart would have booted again by now
        assertEquals("1", LxcTestBed.read(out.resolve("boots")), "no second boot");
        assertEquals(DomainState.SHUTOFF, bed.conn.state(ref).state());
    }

    /** dd creates the file before it reads the request. */
    private static Path waitForRequest(Path file) throws InterruptedException {
        LxcTestBed.await(file.getFileName() + " with 384 bytes", WAIT, () -> file.toFile().length() == 384);
        return file;
    }

    private static Path waitFor(Path file) throws InterruptedException {
        LxcTestBed.await(file.getFileName().toString(), WAIT, () -> Files.exists(file));
        return file;
    }
}
