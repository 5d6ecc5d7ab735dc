package org.jvirt.driver.esx.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.jvirt.api.spi.HypervisorDriver;
import org.jvirt.core.internal.CoreConnectionFactory;
import org.jvirt.rpc.internal.server.RpcServer;
import org.jvirt.rpc.internal.server.ServerSettings;

/**
 * The domain XML calls over the wire: libvirt's virsh (its remote driver) talks to jvirt's RPC
 * server on a UNIX socket, whose core opens jvirt's ESX driver on the simulator with the daemon's
 * credentials file. The remote driver sends its {@code name} parameter as the URI to open:
 * {@code esx+unix:///?socket=...&name=esx://127.0.0.1:PORT/?no_verify=1%26transport=http}
 * (a host in a {@code +unix} URI is refused by libvirt's remote driver).
 * Procedures 135/136 (domxml-to/from-native), define, dumpxml, undefine.
 */
class EsxRemoteTest {
    @TempDir
    Path dir;

    @Test
    void domainXmlThroughTheDaemon() throws Exception {
        Path auth = EsxTestSupport.credentialsFile(dir);
        CoreConnectionFactory core = new CoreConnectionFactory(Duration.ofSeconds(2));
        core.addDriver(new EsxDriver(EsxTestSupport.config(auth), EsxTestSupport.CODEC),
                Map.of(HypervisorDriver.SCHEMES, new String[] {"esx", "gsx", "vpx"}));
        Path rw = dir.resolve("sock");
        RpcServer server = new RpcServer(core, ServerSettings.unix(rw, dir.resolve("sock-ro"))
                .withAuth(ServerSettings.Auth.NONE));
        try (Vcsim sim = Vcsim.start(1)) {
            server.start();
            String esx = EsxTestSupport.uri("esx", sim, "/", "no_verify=1&transport=http");
            LibvirtVirsh virsh = new LibvirtVirsh("esx+unix:///?socket=" + rw + "&name="
                    + URLEncoder.encode(esx, StandardCharsets.UTF_8), auth);
            Path vmx = Files.writeString(dir.resolve("n1.vmx"), "config.version = \"8\"\nvirtualHW.version = \"4\"\n"
                    + "displayName = \"n1\"\nmemsize = \"64\"\nide0:0.present = \"true\"\n"
                    + "ide0:0.deviceType = \"ata-hardDisk\"\nide0:0.fileName = \"n1.vmdk\"\n");
            String xml = virsh.run("domxml-from-native", "vmware-vmx", vmx.toString());
            assertTrue(xml.contains("<source file='[?] ?/n1.vmdk'/>"), xml);

            String name = "remote1";
            Path def = Files.writeString(dir.resolve("d.xml"), EsxXmlDifferential.domainXml(name,
                    "[" + EsxXmlDifferential.DS + "] " + name + "/" + name + ".vmdk"));
            String native1 = virsh.run("domxml-to-native", "vmware-vmx", def.toString());
            assertTrue(native1.contains("displayName = \"" + name + "\"") && native1.contains("virtualHW.version = \"10\""),
                    native1);
            new EsxXmlDifferential(virsh, null, dir, sim).put(name + "/" + name + ".nvram");
            new EsxXmlDifferential(virsh, null, dir, sim).put(name + "/vmware.log");
            virsh.run("define", def.toString()); // -q: virsh prints no "Domain ... defined"
            assertTrue(virsh.run("list", "--all", "--name").lines().anyMatch(name::equals));
            String dumped = virsh.run("dumpxml", name);
            assertTrue(dumped.contains("<name>" + name + "</name>") && dumped.contains("<vmware:moref>"), dumped);
            virsh.run("undefine", name);
            assertTrue(virsh.run("list", "--all", "--name").lines().noneMatch(name::equals));
            AssertionError gone = assertThrows(AssertionError.class, () -> virsh.run("dumpxml", name));
            assertTrue(gone.getMessage().contains("failed to get domain '" + name + "'"), gone.getMessage());
            AssertionError format = assertThrows(AssertionError.class,
                    () -> virsh.run("domxml-from-native", "xen-xm", vmx.toString()));
            assertEquals("virsh domxml-from-native xen-xm " + vmx + " failed: [error: invalid argument: Unsupported"
                    + " config format 'xen-xm']", format.getMessage());
        } finally {
            server.close();
        }
    }
}
