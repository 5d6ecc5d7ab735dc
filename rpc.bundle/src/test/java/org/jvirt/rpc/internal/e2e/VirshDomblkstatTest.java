package org.jvirt.rpc.internal.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.jvirt.rpc.internal.testkit.JvirtdForVirsh;
import org.jvirt.rpc.internal.testkit.Proc;
import org.jvirt.rpc.internal.testkit.Proc.Result;

/**
 * {@code virsh domblkstat} ({@code virDomainBlockStatsFlags}, then {@code virDomainBlockStats} when
 * the driver has no flags variant) and python3-libvirt's {@code blockStats} over the wire, jvirtd's test
 * driver against libvirt 9.0's ({@code test:///default}). libvirt's test driver makes its counters up
 * from the time of day, so the numbers are compared by their relations and the time they name, the rest
 * (layout, errors) verbatim.
 */
class VirshDomblkstatTest {
    private static final String LIBVIRT = "test:///default";
    private static final Path PYTHON = Path.of("/usr/bin/python3");
    /** A counter: the number that ends a line of domblkstat's output (paths hold digits too). */
    private static final Pattern COUNTER = Pattern.compile("(?<= )\\d{7,}$", Pattern.MULTILINE);

    @RegisterExtension
    final JvirtdForVirsh jvirtd = new JvirtdForVirsh();

    private static String xml(Path dir) {
        return "<domain type='test'><name>blk1</name><uuid>6a1c0e44-3b0d-4b6e-9c5f-0000000000b1</uuid>"
                + "<memory>1024</memory><os><type>hvm</type></os><devices>"
                + "<disk type='file' device='disk'><source file='" + dir.resolve("a.img") + "'/>"
                + "<target dev='vda' bus='virtio'/></disk>"
                + "<disk type='file' device='disk'><source file='" + dir.resolve("b.img") + "'/>"
                + "<target dev='vdb' bus='virtio'/></disk></devices></domain>";
    }

    @Test
    void domblkstatPrintsWhatLibvirtsTestDriverPrints() throws Exception {
        Path dir = jvirtd.dir();
        Path def = dir.resolve("blk1.xml");
        Files.writeString(def, xml(dir));
        List<String> session = List.of("create " + def, "domblkstat blk1 vda", "domblkstat blk1 " + dir.resolve("b.img"),
                "domblkstat blk1 vda --human", "domblkstat blk1 hdz", "domblkstat blk1", "domblkstat blk1 /no/such.img",
                "domblkstat test hda", "destroy test", "domblkstat test hda", "destroy blk1", "domblkstat blk1 vda");
        String joined = String.join("; ", session);
        long t0 = System.currentTimeMillis() / 1000;
        Result theirs = Proc.virsh(LIBVIRT, joined);
        Result ours = Proc.virsh(jvirtd.unixUri(), joined);
        long t1 = System.currentTimeMillis() / 1000;
        assertEquals(theirs.exit(), ours.exit(), ours.toString());
        assertEquals(COUNTER.matcher(theirs.out()).replaceAll("N"), COUNTER.matcher(ours.out()).replaceAll("N"),
                ours.err());
        assertEquals(theirs.err(), ours.err());
        assertTrue(ours.err().contains("error: invalid argument: invalid path: hdz\n"), ours.err());
        assertTrue(ours.err().contains("error: Requested operation is not valid: domain is not running\n"), ours.err());
        // three answers of five counters each (vda, b.img, vda --human), all from one moment each
        Matcher m = COUNTER.matcher(ours.out());
        int answers = 0;
        while (m.find()) {
            long rdReq = Long.parseLong(m.group());
            long[] rest = new long[4];
            for (int i = 0; i < 4; i++) {
                assertTrue(m.find(), ours.out());
                rest[i] = Long.parseLong(m.group());
            }
            assertEquals(List.of(rdReq / 2, rdReq / 3, rdReq / 4, rdReq / 100000 / 2),
                    List.of(rest[0], rest[1], rest[2], rest[3]), ours.out());
            long seconds = rdReq * 10 / 1_000_000;
            assertTrue(seconds >= t0 - 1 && seconds <= t1 + 1, t0 + " <= " + seconds + " <= " + t1);
            answers++;
        }
        assertEquals(3, answers, ours.out());
        System.out.println("virsh domblkstat session (test driver): " + session.size() + " commands, "
                + ours.out().lines().count() + " lines, " + ours.err().lines().count() + " error lines, as libvirt");
    }

    @Test
    void pythonBlockStatsAnswersAsLibvirtsTestDriver() throws Exception {
        assumeTrue(Files.isExecutable(PYTHON), "no /usr/bin/python3");
        assumeTrue(Proc.run(List.of(PYTHON.toString(), "-c", "import libvirt"), Map.of(), 30).exit() == 0,
                "python3-libvirt is not installed");
        Path script = jvirtd.dir().resolve("block_stats.py");
        Files.copy(getClass().getResourceAsStream("/python/block_stats.py"), script, StandardCopyOption.REPLACE_EXISTING);
        String path = jvirtd.dir().resolve("b.img").toString();
        String xml = xml(jvirtd.dir());
        Result theirs = Proc.run(List.of(PYTHON.toString(), script.toString(), LIBVIRT, xml, path), Map.of(), 60);
        Result ours = Proc.run(List.of(PYTHON.toString(), script.toString(), jvirtd.unixUri(), xml, path), Map.of(), 60);
        assertEquals(0, theirs.exit(), theirs.toString());
        assertEquals(theirs.out(), ours.out(), ours.err());
        assertEquals(0, ours.exit(), ours.toString());
        List<String> lines = ours.out().lines().toList();
        assertTrue(lines.contains("vda 5 True True True True True"), ours.out());
        assertTrue(lines.contains("empty 84 12 Operation not supported: summary statistics are not supported yet"),
                ours.out());
        assertTrue(lines.contains("flags 3 20 this function is not supported by the connection driver: "
                + "virDomainBlockStatsFlags"), ours.out());
        assertEquals("done", lines.get(lines.size() - 1), ours.out());
    }
}
