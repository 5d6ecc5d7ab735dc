package org.jvirt.itest;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assume.assumeTrue;
import static org.ops4j.pax.exam.CoreOptions.options;

import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Hashtable;
import java.util.List;
import java.util.UUID;

import javax.inject.Inject;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.jvirt.api.Connection;
import org.jvirt.api.ConnectionFactory;
import org.jvirt.api.Network;
import org.jvirt.api.spi.NetworkDriver;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceReference;
import org.osgi.service.cm.ConfigurationAdmin;

/**
 * Updates network.bundle at run time (Bundle.update from its jar: a new class loader, a new driver
 * instance) while a NAT network with DHCP runs, its bridge and dnsmasq in a network namespace of the
 * test's own (the driver's command prefix, PID org.jvirt.network): afterwards the new driver has found
 * the network running again, with the same dnsmasq (by PID) and bridge, and its destroy stops both.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class NetworkUpdateIT {
    private static final String NET = "<network><name>upd</name><forward mode='nat'/><bridge name='jvupd0'/>"
            + "<ip address='192.168.171.1' netmask='255.255.255.0'><dhcp><range start='192.168.171.10' "
            + "end='192.168.171.20'/></dhcp></ip></network>";

    @Inject
    private BundleContext context;

    @Inject
    private ConnectionFactory factory;

    @Inject
    private ConfigurationAdmin configAdmin;

    @Configuration
    public Option[] config() {
        return options(ItestFramework.base("network-update"), ItestFramework.runtime("network", 4));
    }

    @Test
    public void aRunningNetworkSurvivesAnUpdate() throws Exception {
        assumeTrue("network namespaces need root", "root".equals(System.getProperty("user.name")));
        String ns = "jvt-upd-" + UUID.randomUUID().toString().substring(0, 8);
        assumeTrue("cannot create a network namespace", run("ip", "netns", "add", ns).exit == 0);
        org.osgi.service.cm.Configuration cfg = configAdmin.getConfiguration("org.jvirt.network", "?");
        try {
            run("ip", "netns", "exec", ns, "ip", "link", "set", "lo", "up");
            Hashtable<String, Object> props = new Hashtable<>();
            props.put("command.prefix", prefix(ns)); // DS: command_prefix()
            props.put("autostart", false);
            cfg.update(props);
            Object before = awaitDriver(null, prefix(ns));
            try (Connection c = factory.open("network:///system", 0)) {
                Network n = c.createNetwork(NET, 0);
                List<Long> dnsmasq = pids(ns);
                assertEquals("dnsmasq runs in the namespace", 1, dnsmasq.size());

                Bundle network = bundle("org.jvirt.network");
                try (InputStream in = new FileInputStream(ItestFramework.bundleJar(context, "network"))) {
                    network.update(in);
                }
                assertEquals(Bundle.ACTIVE, network.getState());
                Object after = awaitDriver(before, prefix(ns));
                assertNotEquals("a new driver instance", before, after);

                Network again = awaitNetwork(c, "upd");
                assertTrue("still running", again.isActive());
                assertEquals("the same dnsmasq", dnsmasq, pids(ns));
                assertTrue("dnsmasq alive", ProcessHandle.of(dnsmasq.get(0)).map(ProcessHandle::isAlive).orElse(false));
                assertEquals("the bridge is there", 0, run("ip", "netns", "exec", ns, "ip", "link", "show", "jvupd0").exit);
                assertEquals(n.uuid(), again.uuid());
                again.destroy();
                assertEquals("destroy by the new instance stops dnsmasq", List.of(), pids(ns));
                assertTrue("and removes the bridge",
                        run("ip", "netns", "exec", ns, "ip", "link", "show", "jvupd0").exit != 0);
            }
        } finally {
            for (long pid : pids(ns)) {
                ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
            }
            run("ip", "netns", "del", ns);
            cfg.delete();
        }
    }

    /**
     * The namespace, and the system folders on the search path: the framework's process may not have
     * them, and the driver runs sysctl and nft by name.
     */
    private static String prefix(String ns) {
        return "ip netns exec " + ns + " env PATH=" + System.getenv("PATH") + ":/usr/sbin:/sbin";
    }

    private Network awaitNetwork(Connection c, String name) throws Exception {
        long end = System.nanoTime() + 30_000_000_000L;
        while (true) {
            try {
                return c.lookupNetworkByName(name);
            } catch (org.jvirt.api.VirtException e) {
                if (System.nanoTime() > end) {
                    throw e;
                }
                Thread.sleep(50);
            }
        }
    }

    private Bundle bundle(String bsn) {
        for (Bundle b : context.getBundles()) {
            if (bsn.equals(b.getSymbolicName())) {
                return b;
            }
        }
        throw new AssertionError("no bundle " + bsn);
    }

    /** The service id of a NetworkDriver configured with {@code prefix}, other than {@code before}. */
    private Object awaitDriver(Object before, String prefix) throws InterruptedException {
        long end = System.nanoTime() + 30_000_000_000L;
        while (System.nanoTime() < end) {
            ServiceReference<NetworkDriver> ref = context.getServiceReference(NetworkDriver.class);
            if (ref != null && prefix.equals(ref.getProperty("command.prefix"))) {
                Object id = ref.getProperty(Constants.SERVICE_ID);
                if (!id.equals(before)) {
                    return id;
                }
            }
            Thread.sleep(20);
        }
        throw new AssertionError("no NetworkDriver service with command prefix " + prefix);
    }

    private static List<Long> pids(String ns) throws IOException, InterruptedException {
        return run("ip", "netns", "pids", ns).out.lines().filter(l -> !l.isBlank())
                .map(l -> Long.parseLong(l.strip())).sorted().toList();
    }

    private record Result(int exit, String out) {
    }

    private static Result run(String... cmd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return new Result(p.waitFor(), out);
    }
}
