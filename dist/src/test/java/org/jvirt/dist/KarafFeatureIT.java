package org.jvirt.dist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

/**
 * The features repository in a real Apache Karaf 4.4.10: {@code feature:install jvirt} brings up
 * the test driver's HypervisorDriver service and a {@code virt:list} that answers as virsh does.
 */
class KarafFeatureIT {

    @Test
    void jvirtFeatureInstallsIntoKaraf() throws Exception {
        String version = Commands.property("jvirt.version");
        Path work = Path.of(Commands.property("jvirt.work")).resolve("karaf-" + System.nanoTime());
        KarafInstance stopped;
        try (KarafInstance karaf = KarafInstance.unpack(Path.of(Commands.property("karaf.archive")), work)) {
            stopped = karaf;
            karaf.configure(Path.of(Commands.property("maven.local.repository")));
            karaf.addArtifacts("org/jvirt", Path.of(Commands.property("jvirt.bundles")),
                    Path.of(Commands.property("jvirt.features")), version);
            karaf.start();

            Commands.Result install = karaf.client(
                    "feature:repo-add mvn:org.jvirt/dist/" + version + "/xml/features",
                    "feature:install jvirt");
            assertEquals(0, install.exitCode(), "feature:install jvirt: " + install.stdout() + install.stderr()
                    + karaf.log());

            // Services come up asynchronously after the install: poll for the driver
            String services = "";
            long deadline = System.currentTimeMillis() + 60_000;
            while (System.currentTimeMillis() < deadline && !services.contains("jvirt.driver.schemes")) {
                services = karaf.client("service:list org.jvirt.api.spi.HypervisorDriver").stdout();
                Thread.sleep(500);
            }
            assertTrue(services.contains("jvirt.driver.schemes = [test]"), "no test driver service: " + services);

            String list = karaf.client("virt:list --all").stdout();
            assertEquals(VirshReference.listAll(), list, "virt:list --all in Karaf differs from virsh");

            // errors go to stderr as in virsh; Karaf's client shows them with Gogo's 2>&1
            String missing = karaf.client("virt:dominfo nosuch 2>&1").stdout();
            assertTrue(missing.contains("error: failed to get domain 'nosuch'"), missing);

            // one feature per driver: the QEMU driver's feature brings JNA and Jackson along
            Commands.Result qemu = karaf.client("feature:install jvirt-driver-qemu");
            assertEquals(0, qemu.exitCode(), "feature:install jvirt-driver-qemu: " + qemu.stdout() + karaf.log());
            String drivers = "";
            deadline = System.currentTimeMillis() + 60_000;
            while (System.currentTimeMillis() < deadline && !drivers.contains("[qemu]")) {
                drivers = karaf.client("service:list org.jvirt.api.spi.HypervisorDriver").stdout();
                Thread.sleep(500);
            }
            assertTrue(drivers.contains("jvirt.driver.schemes = [qemu]"), "no QEMU driver service: " + drivers);

            // the RPC feature: its remote driver registers for libvirt's remote URIs
            Commands.Result rpc = karaf.client("feature:install jvirt-rpc");
            assertEquals(0, rpc.exitCode(), "feature:install jvirt-rpc: " + rpc.stdout() + karaf.log());
            deadline = System.currentTimeMillis() + 60_000;
            while (System.currentTimeMillis() < deadline && !drivers.contains("[remote]")) {
                drivers = karaf.client("service:list org.jvirt.api.spi.HypervisorDriver").stdout();
                Thread.sleep(500);
            }
            assertTrue(drivers.contains("jvirt.driver.schemes = [remote]"), "no remote driver service: " + drivers);

            assertTrue(karaf.process().isAlive(), "Karaf ended early");
        }
        assertFalse(stopped.process().isAlive(), "Karaf still runs after SIGTERM to its PID");
    }
}
