package org.jvirt.driver.esx.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.jvirt.api.DomainInfo;
import org.jvirt.api.NodeInfo;
import org.jvirt.api.spi.DomainRef;
import org.jvirt.api.spi.DriverConnection;
import org.jvirt.api.spi.StorageDriverConnection;
import org.jvirt.api.spi.StoragePoolRef;

/**
 * Issue 15 §3: one simulator, read through libvirt's ESX driver (virsh) and through jvirt's,
 * compared value by value: {@code list --all}, {@code dominfo} of every VM (one powered off),
 * {@code nodeinfo}, the datastores as pools, autostart set by one and read by the other, and the domain XML cases of {@link EsxXmlDifferential}. Prints {@code esx differential: N passed, M failed} and every
 * difference; any difference fails.
 */
class EsxDifferentialTest {
    @TempDir
    Path dir;

    @Test
    void libvirtAndJvirtSeeTheSameSimulator() throws Exception {
        try (Vcsim sim = Vcsim.start(3)) {
            Path auth = EsxTestSupport.credentialsFile(dir);
            String uri = EsxTestSupport.uri("esx", sim, "/", "no_verify=1&transport=http");
            LibvirtVirsh virsh = new LibvirtVirsh(uri, auth);
            DriverConnection jvirt = EsxTestSupport.open(auth, uri);
            try {
                jvirt.destroy(jvirt.lookupByName("ha-host_VM2"), 0);
                DomainRef first = jvirt.lookupByName("ha-host_VM0");
                jvirt.setAutostart(first, true); // set by jvirt, read by libvirt in dominfo
                Map<String, String> cases = new LinkedHashMap<>();
                compareList(virsh, jvirt, cases);
                for (DomainRef d : jvirt.listAllDomains(0)) {
                    compareDominfo(virsh, jvirt, d, cases);
                }
                virsh.run("autostart", "--disable", first.name());
                cases.put("autostart --disable by libvirt, read by jvirt",
                        jvirt.autostart(first) ? "jvirt still reads it enabled" : null);
                compareNodeinfo(virsh, jvirt, cases);
                comparePools(virsh, jvirt, cases);
                EsxXmlDifferential xml = new EsxXmlDifferential(virsh, jvirt, dir, sim);
                xml.run(cases);
                new EsxSnapshotDifferential(virsh, jvirt).run(cases);
                List<String> failed = new ArrayList<>();
                cases.forEach((name, diff) -> {
                    if (diff != null) {
                        failed.add(name + ": " + diff);
                    }
                });
                System.out.println("esx differential: " + (cases.size() - failed.size()) + " passed, "
                        + failed.size() + " failed");
                failed.forEach(f -> System.out.println("  " + f));
                xml.notes.forEach(n -> System.out.println("  passed, worded differently: " + n));
                assertTrue(cases.size() >= 16, cases.keySet().toString());
                assertEquals(List.of(), failed);
            } finally {
                jvirt.close();
            }
        }
    }

    /** Why the fixture rewrites: libvirt 9.0 cannot read govmomi 0.24's simulator as it is. */
    @Test
    void libvirtNeedsTheArrayItemTypes() throws Exception {
        try (Vcsim raw = Vcsim.start(1, Vcsim.Option.RAW)) {
            Path auth = EsxTestSupport.credentialsFile(dir);
            LibvirtVirsh virsh = new LibvirtVirsh(EsxTestSupport.uri("esx", raw, "/", "no_verify=1&transport=http"),
                    auth);
            AssertionError e = assertThrows(AssertionError.class, () -> virsh.run("list", "--all"));
            assertTrue(e.getMessage().contains("AnyType is missing 'type' property"), e.getMessage());
        }
    }

    private static void compareList(LibvirtVirsh virsh, DriverConnection jvirt, Map<String, String> cases)
            throws Exception {
        TreeSet<String> theirs = new TreeSet<>();
        for (String line : virsh.run("list", "--all").split("\n")) {
            if (!line.isBlank()) {
                theirs.add(String.join(" ", line.trim().split("\\s+", 3)));
            }
        }
        TreeSet<String> ours = new TreeSet<>();
        for (DomainRef d : jvirt.listAllDomains(0)) {
            ours.add((d.id() < 0 ? "-" : Integer.toString(d.id())) + " " + d.name() + " "
                    + jvirt.info(d).state().label());
        }
        cases.put("list --all", theirs.equals(ours) ? null : "libvirt " + theirs + ", jvirt " + ours);
    }

    private static void compareDominfo(LibvirtVirsh virsh, DriverConnection jvirt, DomainRef d,
                                       Map<String, String> cases) throws Exception {
        Map<String, String> theirs = LibvirtVirsh.fields(virsh.run("dominfo", d.name()));
        DomainInfo info = jvirt.info(d);
        Map<String, String> ours = new LinkedHashMap<>();
        ours.put("Id", d.id() < 0 ? "-" : Integer.toString(d.id()));
        ours.put("Name", d.name());
        ours.put("UUID", d.uuid().toString());
        ours.put("OS Type", jvirt.osType(d));
        ours.put("State", info.state().label());
        ours.put("CPU(s)", Integer.toString(info.nrVirtCpu()));
        ours.put("Max memory", info.maxMemKiB() + " KiB");
        ours.put("Used memory", info.memoryKiB() + " KiB");
        ours.put("Persistent", jvirt.isPersistent(d) ? "yes" : "no");
        ours.put("Autostart", jvirt.autostart(d) ? "enable" : "disable");
        cases.put("dominfo " + d.name(), diff(theirs, ours));
    }

    private static void compareNodeinfo(LibvirtVirsh virsh, DriverConnection jvirt, Map<String, String> cases)
            throws Exception {
        Map<String, String> theirs = LibvirtVirsh.fields(virsh.run("nodeinfo"));
        NodeInfo n = jvirt.nodeInfo();
        Map<String, String> ours = new LinkedHashMap<>();
        ours.put("CPU model", n.model());
        ours.put("CPU(s)", Integer.toString(n.cpus()));
        ours.put("CPU frequency", n.mhz() + " MHz");
        ours.put("CPU socket(s)", Integer.toString(n.sockets()));
        ours.put("Core(s) per socket", Integer.toString(n.cores()));
        ours.put("Thread(s) per core", Integer.toString(n.threads()));
        ours.put("NUMA cell(s)", Integer.toString(n.nodes()));
        ours.put("Memory size", n.memoryKiB() + " KiB");
        cases.put("nodeinfo", diff(theirs, ours));
    }

    /** The datastores as pools: libvirt lists them once the fixture gives the mounts their paths. */
    private static void comparePools(LibvirtVirsh virsh, DriverConnection jvirt, Map<String, String> cases)
            throws Exception {
        TreeSet<String> theirs = new TreeSet<>();
        for (String line : virsh.run("pool-list", "--all").split("\n")) {
            if (!line.isBlank()) {
                theirs.add(String.join(" ", line.trim().split("\\s+")));
            }
        }
        StorageDriverConnection storage = jvirt.ownStorage().orElseThrow();
        TreeSet<String> ours = new TreeSet<>();
        for (StoragePoolRef p : storage.listAllPools(0)) {
            ours.add(p.name() + " " + (storage.poolIsActive(p) ? "active" : "inactive") + " "
                    + (storage.poolAutostart(p) ? "yes" : "no"));
            String uuid = virsh.run("pool-uuid", p.name()).trim();
            cases.put("pool-uuid " + p.name(), uuid.equals(p.uuid().toString()) ? null
                    : "libvirt " + uuid + ", jvirt " + p.uuid());
        }
        cases.put("pool-list --all", theirs.equals(ours) ? null : "libvirt " + theirs + ", jvirt " + ours);
    }

    /** The fields jvirt shows that libvirt shows differently, or null when they agree. */
    private static String diff(Map<String, String> theirs, Map<String, String> ours) {
        List<String> out = new ArrayList<>();
        ours.forEach((k, v) -> {
            if (!v.equals(theirs.get(k))) {
                out.add(k + ": libvirt '" + theirs.get(k) + "', jvirt '" + v + "'");
            }
        });
        return out.isEmpty() ? null : String.join("; ", out);
    }
}
