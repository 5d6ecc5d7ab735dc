package org.jvirt.driver.xen.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.jvirt.core.internal.CoreConnectionFactory;
import org.jvirt.rpc.internal.server.RpcServer;
import org.jvirt.rpc.internal.server.ServerSettings;

/**
 * The real virsh against an in-process jvirtd serving {@code xen:///system} (the RPC server, the
 * core, this driver with the xl stand-in of {@link XenLifecycleTest}): the remote procedures a virsh
 * user of libvirt's libxl driver needs, all generic in rpc.bundle, reach the driver and its errors
 * reach the user.
 */
class XenVirshTest {
    @TempDir
    Path dir;

    private record Out(int rc, String out, String err) {
    }

    @Test
    void virshManagesXenDomainsThroughJvirtd() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/virsh")), "virsh (libvirt-clients) is not installed");
        Path xl = XenApiTest.fakeXl(dir);
        Path xml = dir.resolve("pv1.xml");
        Files.writeString(xml, XenDefinitionsTest.pv("pv1", XenDefinitionsTest.UUID1));
        Path failing = dir.resolve("bad.xml");
        Files.writeString(failing, XenDefinitionsTest.pv("fail-unpause", "11111111-2222-3333-4444-555555555555"));
        try (XenTestBed bed = new XenTestBed(dir.resolve("bed"), xl.toString(), 60_000);
                RpcServer server = new RpcServer(CoreConnectionFactory.forDriver(bed.driver(), "xen"),
                        ServerSettings.unix(dir.resolve("sock"), dir.resolve("sock-ro")))) {
            server.start();
            String uri = "xen+unix:///system?socket=" + dir.resolve("sock");
            List<String> session = new ArrayList<>();
            assertTrue(virsh(uri, session, "nodeinfo").out.contains("CPU(s):              4"));
            assertTrue(virsh(uri, session, "version").out.contains("Running hypervisor: Xen 4.17.7"));
            assertTrue(virsh(uri, session, "capabilities").out.contains("<machine>xenpv</machine>"));
            assertEquals("Domain 'pv1' defined from " + xml, virsh(uri, session, "define", xml.toString()).out.strip());
            assertTrue(virsh(uri, session, "list", "--all").out.contains(" -    pv1    shut off"));
            assertTrue(virsh(uri, session, "domxml-to-native", "xen-xl", xml.toString()).out.contains("name = \"pv1\""));
            assertEquals("Domain 'pv1' started", virsh(uri, session, "start", "pv1").out.strip());
            String info = virsh(uri, session, "dominfo", "pv1").out;
            assertTrue(info.contains("State:          running") && info.contains("Max memory:     524288 KiB"), info);
            assertEquals(0, virsh(uri, session, "vcpupin", "pv1", "0", "1").rc);
            assertTrue(virsh(uri, session, "vcpuinfo", "pv1").out.contains("CPU Affinity:   -y--"));
            assertEquals(0, virsh(uri, session, "setmem", "pv1", "200M", "--live").rc);
            assertTrue(virsh(uri, session, "dominfo", "pv1").out.contains("Used memory:    204800 KiB"));
            assertEquals("Domain 'pv1' suspended", virsh(uri, session, "suspend", "pv1").out.strip());
            assertTrue(virsh(uri, session, "domstate", "pv1").out.contains("paused"));
            assertEquals("Domain 'pv1' resumed", virsh(uri, session, "resume", "pv1").out.strip());
            assertEquals("Domain 'pv1' destroyed", virsh(uri, session, "destroy", "pv1").out.strip());
            assertEquals(0, virsh(uri, session, "autostart", "pv1").rc);
            assertTrue(virsh(uri, session, "dominfo", "pv1").out.contains("Autostart:      enable"));
            virsh(uri, session, "define", failing.toString());
            Out bad = virsh(uri, session, "start", "fail-unpause");
            assertEquals(1, bad.rc);
            assertTrue(bad.err.contains("error: Failed to start domain 'fail-unpause'\nerror: internal error: libxenlight "
                    + "failed to unpause domain 'fail-unpause': libxl: libxl_domain_unpause"), bad.err);
            assertTrue(virsh(uri, session, "list", "--all").out.contains("fail-unpause   shut off"));
            assertEquals("Domain 'pv1' has been undefined", virsh(uri, session, "undefine", "pv1").out.strip());
            System.out.println("xen driver through virsh and jvirtd: " + session.size() + " commands: "
                    + String.join(", ", session));
        }
    }

    private static Out virsh(String uri, List<String> session, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("/usr/bin/virsh", "-c", uri));
        cmd.addAll(List.of(args));
        session.add(args[0]);
        Process p = new ProcessBuilder(cmd).start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "virsh " + args[0] + " did not end");
        return new Out(p.exitValue(), out, err);
    }
}
