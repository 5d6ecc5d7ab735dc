package org.jvirt.rpc.internal.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.jvirt.api.Connection;
import org.jvirt.api.Domain;
import org.jvirt.rpc.internal.testkit.Jvirtd;
import org.jvirt.rpc.internal.testkit.LxcHosts;
import org.jvirt.rpc.internal.testkit.Proc;

/**
 * Real {@code virsh -c lxc+unix:///system?socket=…} against jvirtd serving the real LXC driver
 * and a busybox container: the lifecycle commands, the console both ways (virsh under util-linux
 * {@code script} for its terminal), and the tuning commands, with the lines libvirt's LXC driver
 * makes virsh print (virsh formats them; the driver decides names, types, order and values).
 */
class VirshLxcTest {
    /** Unique per run: two runs on one host must not meet in liblxc's names. */
    private static final String NAME = "jv-virsh-" + Long.toHexString(System.nanoTime() & 0xffffffL);

    /** An init that answers each console line and ends on SIGTERM (read -t: the trap runs between reads). */
    private static String xml(Path root) {
        return "<domain type='lxc'>\n  <name>" + NAME + "</name>\n  <uuid>" + UUID.randomUUID() + "</uuid>\n"
                + "  <memory unit='KiB'>131072</memory>\n  <currentMemory unit='KiB'>131072</currentMemory>\n"
                + "  <memtune>\n    <hard_limit unit='KiB'>65536</hard_limit>\n  </memtune>\n  <vcpu>1</vcpu>\n"
                + "  <os>\n    <type>exe</type>\n    <init>/bin/sh</init>\n    <initarg>-c</initarg>\n"
                + "    <initarg>trap 'exit 0' TERM; while :; do if read -t 1 l; then echo \"got:$l\"; fi; done</initarg>\n"
                + "  </os>\n  <devices>\n    <filesystem type='mount'>\n      <source dir='" + root + "'/>\n"
                + "      <target dir='/'/>\n    </filesystem>\n    <interface type='ethernet'>\n"
                + "      <mac address='52:54:00:4a:7c:33'/>\n    </interface>\n    <console type='pty'/>\n  </devices>\n"
                + "</domain>\n";
    }

    @Test
    void virshDrivesAContainer(@TempDir Path dir) throws Exception {
        assumeTrue(LxcHosts.canRunContainers(), "needs root, lxc-start, script and busybox-static");
        assumeTrue(Proc.available("virsh"), "virsh (libvirt-clients) is not installed");
        Path root = LxcHosts.busyboxRoot(dir.resolve("root"));
        Path file = dir.resolve("dom.xml");
        Files.writeString(file, xml(root));
        try (LxcHosts h = new LxcHosts(dir.resolve("lxc")); Jvirtd d = new Jvirtd(h.factory);
                Connection c = h.factory.open("lxc:///system", 0)) {
            String uri = "lxc+unix:///system?socket=" + d.rw;
            try {
                assertOut(uri, "Domain '" + NAME + "' defined from " + file, "define", file.toString());
                assertOut(uri, "Domain '" + NAME + "' started", "start", NAME);
                assertTrue(virsh(uri, "list").matches("(?s).*\\s\\d+\\s+" + NAME + "\\s+running\\n.*"));
                String info = virsh(uri, "dominfo", NAME);
                for (String line : List.of("OS Type:        exe", "State:          running", "CPU(s):         1",
                        "Max memory:     131072 KiB", "Persistent:     yes", "Autostart:      disable")) {
                    assertTrue(info.contains(line + "\n"), line + " in\n" + info);
                }
                String xml = virsh(uri, "dumpxml", NAME);
                assertTrue(xml.contains("<interface type='ethernet'>"), xml);
                assertTrue(xml.matches("(?s)<domain type='lxc' id='\\d+'>.*<console type='pty' tty='/dev/pts/\\d+'>.*"),
                        xml);
                assertTrue(console(uri).contains("got:ping"), "virsh console both ways");

                tuning(uri);
                interfaceAndSignals(uri, xml);
                // the definition again without the weight: this host's blkio controller may have no weight file
                virsh(uri, "define", file.toString());

                assertOut(uri, "Domain '" + NAME + "' suspended", "suspend", NAME);
                assertOut(uri, "paused", "domstate", NAME);
                assertOut(uri, "Domain '" + NAME + "' resumed", "resume", NAME);
                assertOut(uri, "Domain '" + NAME + "' is being shutdown", "shutdown", NAME);
                awaitState(uri, "shut off");
                assertOut(uri, "shut off (shutdown)", "domstate", "--reason", NAME);
                assertOut(uri, "Domain '" + NAME + "' started", "start", NAME);
                assertOut(uri, "Domain '" + NAME + "' destroyed", "destroy", NAME);
                assertOut(uri, "shut off (destroyed)", "domstate", "--reason", NAME);
                assertOut(uri, "Domain '" + NAME + "' started", "start", NAME);
                assertOut(uri, "", "send-process-signal", NAME, "1", "sigkill");
                awaitState(uri, "shut off");
                assertOut(uri, "Domain '" + NAME + "' has been undefined", "undefine", NAME);
                assertFalse(virsh(uri, "list", "--all").contains(NAME));
            } finally {
                for (Domain dom : c.listAllDomains(0)) {
                    if (dom.isActive()) {
                        dom.destroy(0);
                    }
                }
            }
        }
    }

    private static void tuning(String uri) throws Exception {
        String sched = virsh(uri, "schedinfo", NAME);
        assertTrue(sched.startsWith("Scheduler      : posix\ncpu_shares     : "), sched);
        assertTrue(sched.contains("\nvcpu_period    : ") && sched.contains("\nvcpu_quota     : "), sched);
        String set = virsh(uri, "schedinfo", NAME, "--live", "cpu_shares=2048", "vcpu_quota=50000");
        assertTrue(set.contains("cpu_shares     : 2048\n") && set.contains("vcpu_quota     : 50000\n"), set);

        String mem = virsh(uri, "memtune", NAME);
        assertEquals("hard_limit     : 65536\nsoft_limit     : unlimited\nswap_hard_limit: unlimited", mem.strip());
        virsh(uri, "memtune", NAME, "--soft-limit", "32768", "--live");
        assertTrue(virsh(uri, "memtune", NAME).contains("soft_limit     : 32768\n"));

        virsh(uri, "setmem", NAME, "98304");
        assertTrue(virsh(uri, "dumpxml", NAME).contains("<currentMemory unit='KiB'>98304</currentMemory>"));
        Proc.Result max = Proc.virsh(uri, "setmaxmem", NAME, "65536");
        assertEquals(1, max.exit());
        assertTrue(max.err().contains("error: Requested operation is not valid: Cannot resize the max memory on an "
                + "active domain"), max.err());
        Proc.Result above = Proc.virsh(uri, "setmem", NAME, "262144");
        assertTrue(above.err().contains("error: invalid argument: Cannot set memory higher than max memory"),
                above.err());

        String stats = virsh(uri, "dommemstat", NAME);
        assertTrue(stats.matches("actual 98304\nswap_in \\d+\nrss \\d+\n\n?"), stats);

        virsh(uri, "blkiotune", NAME, "--weight", "300", "--config");
        assertTrue(virsh(uri, "blkiotune", NAME, "--config").startsWith("weight         : 300\n"));
        assertTrue(virsh(uri, "dumpxml", "--inactive", NAME).contains("<weight>300</weight>"));
    }

    /** domifstat on the veth's host end (by name and by MAC), send-process-signal's checks. */
    private static void interfaceAndSignals(String uri, String xml) throws Exception {
        Matcher m = Pattern.compile("<target dev='(veth\\d+)'/>").matcher(xml);
        assertTrue(m.find(), xml);
        String veth = m.group(1);
        String stats = virsh(uri, "domifstat", NAME, veth);
        String counters = "rx_bytes \\d+\n%1$s rx_packets \\d+\n%1$s rx_errs \\d+\n%1$s rx_drop \\d+\n"
                + "%1$s tx_bytes \\d+\n%1$s tx_packets \\d+\n%1$s tx_errs \\d+\n%1$s tx_drop \\d+\n\n?";
        assertTrue(stats.matches(veth + " " + String.format(counters, veth)), stats);
        String mac = "52:54:00:4a:7c:33";
        assertTrue(virsh(uri, "domifstat", NAME, mac).matches(mac + " " + String.format(counters, mac)));
        Proc.Result bad = Proc.virsh(uri, "domifstat", NAME, "nosuch0");
        assertEquals(1, bad.exit());
        assertTrue(bad.err().contains("error: Failed to get interface stats " + NAME + " nosuch0\n"
                + "error: invalid argument: 'nosuch0' is not a known interface"), bad.err());

        assertOut(uri, "", "send-process-signal", NAME, "1", "nop");
        Proc.Result other = Proc.virsh(uri, "send-process-signal", NAME, "2", "term");
        assertEquals(1, other.exit());
        assertTrue(other.err().contains("error: argument unsupported: Only the init process may be killed"),
                other.err());
        Proc.Result range = Proc.virsh(uri, "send-process-signal", NAME, "1", "99");
        assertTrue(range.err().contains("error: invalid argument: signum value 99 is out of range"), range.err());
        assertOut(uri, "running", "domstate", NAME);
    }

    private static String virsh(String uri, String... args) throws IOException, InterruptedException {
        Proc.Result r = Proc.virsh(uri, args);
        assertEquals(0, r.exit(), String.join(" ", args) + ": " + r);
        return r.out();
    }

    private static void assertOut(String uri, String expected, String... args) throws Exception {
        assertEquals(expected, virsh(uri, args).strip(), String.join(" ", args));
    }

    private static void awaitState(String uri, String state) throws Exception {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (!virsh(uri, "domstate", NAME).strip().equals(state)) {
            assertTrue(System.nanoTime() < end, "domain never " + state);
            Thread.sleep(100);
        }
    }

    /** {@code virsh console}: sends "ping" until the init answers, then Ctrl-] detaches. */
    private static String console(String uri) throws Exception {
        String cmd = "virsh -c '" + uri + "' console " + NAME;
        Process p = new ProcessBuilder("script", "-q", "-e", "-c", cmd, "/dev/null").redirectErrorStream(true).start();
        StringBuilder out = new StringBuilder();
        Thread reader = new Thread(() -> {
            byte[] buf = new byte[4096];
            try (InputStream in = p.getInputStream()) {
                int n;
                while ((n = in.read(buf)) > 0) {
                    synchronized (out) {
                        out.append(new String(buf, 0, n, StandardCharsets.UTF_8).replace("\r", ""));
                    }
                }
            } catch (IOException e) {
                // the process ended
            }
        });
        reader.start();
        try (OutputStream in = p.getOutputStream()) {
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (!text(out).contains("got:ping") && System.nanoTime() < end) {
                in.write("ping\r".getBytes(StandardCharsets.UTF_8));
                in.flush();
                Thread.sleep(700);
            }
            in.write(0x1d); // Ctrl-]: virsh detaches
            in.flush();
            assertTrue(p.waitFor(10, TimeUnit.SECONDS), "virsh console detached: " + text(out));
            assertEquals(0, p.exitValue(), text(out));
        } finally {
            p.destroyForcibly();
            reader.join(5000);
        }
        String all = text(out);
        assertTrue(all.contains("Connected to domain '" + NAME + "'"), all);
        return all;
    }

    private static String text(StringBuilder out) {
        synchronized (out) {
            return out.toString();
        }
    }
}
