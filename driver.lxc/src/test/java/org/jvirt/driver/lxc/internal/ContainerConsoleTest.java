package org.jvirt.driver.lxc.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.jvirt.api.ConsoleFlag;
import org.jvirt.api.ErrorCode;
import org.jvirt.api.Stream;
import org.jvirt.api.VirtException;
import org.jvirt.api.spi.DomainRef;

/**
 * Console streams of a real container: what is sent reaches the init on its console and its
 * answer comes back; one session at a time unless forced; closing a session leaves the container
 * running and no session process behind; destroy ends the session.
 */
class ContainerConsoleTest {
    private static final Duration WAIT = Duration.ofSeconds(15);

    @TempDir
    Path tmp;
    private LxcTestBed bed;
    private DomainRef ref;
    private ContainerProcess proc;

    /** An init that answers each line read from its console. */
    static String xml(String name, Path root) {
        return "<domain type='lxc'>\n  <name>" + name + "</name>\n  <uuid>" + UUID.randomUUID() + "</uuid>\n"
                + "  <memory unit='KiB'>65536</memory>\n  <vcpu>1</vcpu>\n"
                + "  <os>\n    <type>exe</type>\n    <init>/bin/sh</init>\n    <initarg>-c</initarg>\n"
                + "    <initarg>echo hello-console; while read l; do echo \"got:$l\"; done; echo init-ends</initarg>\n"
                + "  </os>\n  <devices>\n"
                + "    <filesystem type='mount'>\n      <source dir='" + root + "'/>\n      <target dir='/'/>\n"
                + "    </filesystem>\n    <console type='pty'/>\n  </devices>\n</domain>\n";
    }

    @BeforeEach
    void setUp() throws Exception {
        assumeTrue(LxcTestBed.canRunContainers(), "needs root, lxc-start and busybox-static");
        bed = new LxcTestBed(tmp);
        ref = bed.conn.defineXml(xml("jvirt-ct-tty", bed.rootfs("root")), 0);
        bed.conn.create(ref, 0);
        proc = bed.process(ref);
        assertNotNull(proc);
    }

    @AfterEach
    void tearDown() throws Exception {
        if (bed != null) {
            bed.close();
        }
    }

    /** Sends {@code line} until the init's answer arrives (the session attaches asynchronously). */
    private static String converse(Stream s, String line) throws Exception {
        StringBuilder seen = new StringBuilder();
        CompletableFuture<Void> reader = CompletableFuture.runAsync(() -> {
            byte[] buf = new byte[4096];
            try {
                while (!seen.toString().contains("got:" + line)) {
                    int n = s.receive(buf, 0, buf.length);
                    if (n == 0) {
                        return;
                    }
                    synchronized (seen) {
                        seen.append(new String(buf, 0, n, StandardCharsets.UTF_8).replace("\r", ""));
                    }
                }
            } catch (VirtException e) {
                throw new IllegalStateException(e);
            }
        });
        long end = System.nanoTime() + WAIT.toNanos();
        while (!reader.isDone() && System.nanoTime() < end) {
            byte[] b = (line + "\r").getBytes(StandardCharsets.UTF_8);
            s.send(b, 0, b.length);
            try {
                reader.get(1, TimeUnit.SECONDS);
            } catch (TimeoutException e) {
                // not attached yet: send again
            }
        }
        synchronized (seen) {
            return seen.toString();
        }
    }

    private static long sessions(String container) {
        return ProcessHandle.allProcesses().filter(p -> p.info().commandLine().orElse("").contains("lxc-console")
                && p.info().commandLine().orElse("").contains(container)).count();
    }

    @Test
    void inputReachesTheInitAndItsOutputComesBack() throws Exception {
        Stream s = bed.conn.openConsole(ref, null, 0);
        String out = converse(s, "ping");
        assertTrue(out.contains("got:ping\n"), out);
        assertTrue(out.contains("ping\n"), "the console's echo: " + out);
        s.finish();
        LxcTestBed.await("the session process to end", WAIT, () -> sessions("jvirt-ct-tty") == 0);
        assertTrue(ProcStat.isAlive(proc.initPid()), "closing the console leaves the container running");
        Stream again = bed.conn.openConsole(ref, "console0", 0);
        assertTrue(converse(again, "pong").contains("got:pong"));
        again.abort();
    }

    @Test
    void aSecondSessionIsRefusedUnlessForced() throws Exception {
        Stream first = bed.conn.openConsole(ref, null, 0);
        assertTrue(converse(first, "one").contains("got:one"));
        VirtException busy = assertThrows(VirtException.class, () -> bed.conn.openConsole(ref, null, 0));
        assertEquals(ErrorCode.OPERATION_FAILED, busy.code());
        assertTrue(busy.getMessage().endsWith("Active console session exists for this domain"), busy.getMessage());

        Stream second = bed.conn.openConsole(ref, null, ConsoleFlag.FORCE.bit());
        byte[] buf = new byte[64];
        assertThrows(VirtException.class, () -> first.receive(buf, 0, buf.length), "the first session ended");
        assertTrue(converse(second, "two").contains("got:two"));

        bed.conn.destroy(ref, 0);
        int n;
        do {
            n = second.receive(buf, 0, buf.length);
        } while (n > 0);
        assertEquals(0, n, "destroy ends the stream");
        LxcTestBed.await("the session process to end", WAIT, () -> sessions("jvirt-ct-tty") == 0);
    }

    @Test
    void errorsOfLibvirt() throws Exception {
        VirtException unknown = assertThrows(VirtException.class, () -> bed.conn.openConsole(ref, "serial7", 0));
        assertTrue(unknown.getMessage().endsWith("cannot find console device 'serial7'"), unknown.getMessage());
        bed.conn.destroy(ref, 0);
        VirtException stopped = assertThrows(VirtException.class, () -> bed.conn.openConsole(ref, null, 0));
        assertEquals(ErrorCode.OPERATION_INVALID, stopped.code());
        assertFalse(ProcStat.isAlive(proc.initPid()));
    }
}
