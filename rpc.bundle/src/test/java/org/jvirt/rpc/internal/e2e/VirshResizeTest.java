package org.jvirt.rpc.internal.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.jvirt.rpc.internal.testkit.JvirtdForVirsh;
import org.jvirt.rpc.internal.testkit.Proc;
import org.jvirt.rpc.internal.testkit.Proc.Result;

/**
 * Real virsh resizing and reading statistics over the wire, jvirtd's test driver against
 * libvirt's (test:///default): one virsh session a side, since libvirt's test driver starts afresh
 * with every connection.
 */
class VirshResizeTest {
    private static final String LIBVIRT = "test:///default";
    /** Commands in the order a user would try them, errors included (virsh carries on after one). */
    private static final List<String> SESSION = List.of(
            "vcpucount test", "setvcpus test 1", "vcpucount test", "vcpucount test --live --maximum",
            "vcpucount test --config", "setvcpus test 0", "setvcpus test 3 --maximum",
            "setvcpus test 3 --maximum --config", "vcpucount test", "setvcpus test 1 --guest", "vcpucount test --guest",
            "setmem test 1024", "dominfo test", "dommemstat test", "dommemstat test --period 3 --live",
            "dumpxml test", "setmaxmem test 4096", "setmaxmem test 4096 --config", "dumpxml --inactive test",
            "setmem test 99999999999", "domstats", "domstats --raw test", "domstats --state --list-active",
            "domstats --vcpu test", "domstats --enforce --balloon test", "domstats --list-inactive", "maxvcpus");

    @RegisterExtension
    final JvirtdForVirsh jvirtd = new JvirtdForVirsh();

    @Test
    void aResizingSessionPrintsWhatLibvirtsTestDriverPrints() throws Exception {
        String session = String.join("; ", SESSION);
        Result theirs = Proc.virsh(LIBVIRT, session);
        Result ours = Proc.virsh(jvirtd.unixUri(), session);
        assertEquals(theirs.exit(), ours.exit(), ours.toString());
        assertEquals(comparable(theirs.out()), comparable(ours.out()), ours.err());
        assertEquals(theirs.err(), ours.err());
        // the session did something: the live guest has 1 vCPU and 1024 KiB, libvirt's made-up stats follow
        assertTrue(ours.out().contains("actual 1024\n"), ours.out());
        assertTrue(ours.out().contains("current      live           1\n"), ours.out());
        System.out.println("virsh resizing session (test driver): " + SESSION.size() + " commands, "
                + ours.out().lines().count() + " lines, " + ours.err().lines().count() + " error lines, as libvirt");
    }

    /**
     * The security lines of dominfo are another part's (the security drivers), and the CPU time
     * the test drivers make up from the clock differs by the moment asked: not compared.
     */
    private static String comparable(String out) {
        return out.lines().filter(l -> !l.startsWith("Security") && !l.startsWith("CPU time"))
                .collect(Collectors.joining("\n"));
    }
}
