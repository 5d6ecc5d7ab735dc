package org.jvirt.driver.esx.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.jvirt.api.DomainState;
import org.jvirt.api.ErrorCode;
import org.jvirt.api.ListFlag;
import org.jvirt.api.VirtException;
import org.jvirt.api.spi.DomainRef;
import org.jvirt.api.spi.DomainSnapshotDriver;
import org.jvirt.api.spi.DriverConnection;
import org.jvirt.api.spi.StorageDriverConnection;
import org.jvirt.api.spi.StoragePoolRef;

/**
 * The SOAP calls the driver makes per operation, counted by the simulator's proxy (calls.go,
 * {@code GET /calls}), in the order the RPC server calls the driver: a lookup (by name, UUID or
 * ID) reads one VM where the last listing saw it, a call on a domain is made on a handle (no
 * lookup first, as libvirtd's {@code get_nonnull_domain}) and reads its VM once, with whatever
 * else it needs in the same round trip; nothing read is reused, so a change made elsewhere shows
 * in the next call. libvirt's ESX driver makes 2 calls for a listing, a listing of all VMs for a
 * lookup by name, and 2 or 3 for each call on a domain (a session check, FindByUuid,
 * RetrieveProperties: see bench/esx-vs-libvirt.sh).
 */
class EsxRoundTripTest {
    @TempDir
    static Path dir;
    private static Vcsim sim;
    private static DriverConnection conn;
    private static DriverConnection other;
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @BeforeAll
    static void start() throws Exception {
        sim = Vcsim.start(4);
        Path auth = EsxTestSupport.credentialsFile(dir);
        conn = EsxTestSupport.open(auth, EsxTestSupport.uri("esx", sim, "/", "no_verify=1&transport=http"));
        other = EsxTestSupport.open(auth, EsxTestSupport.uri("esx", sim, "/", "no_verify=1&transport=http"));
    }

    @AfterAll
    static void stop() throws Exception {
        for (DriverConnection c : new DriverConnection[] {conn, other}) {
            if (c != null) {
                c.close();
            }
        }
        if (sim != null) {
            sim.close();
        }
    }

    @BeforeEach
    void reset() throws Exception {
        calls();
    }

    /** The calls counted since the last reading, by method, and "total". */
    private static Map<String, Integer> calls() throws IOException, InterruptedException {
        String text = HTTP.send(HttpRequest.newBuilder(URI.create("http://" + sim.hostPort() + "/calls?reset=1"))
                .build(), HttpResponse.BodyHandlers.ofString()).body();
        Map<String, Integer> out = new TreeMap<>();
        for (String line : text.split("\n")) {
            String[] f = line.trim().split(" ");
            if (f.length == 2) {
                out.put(f[0], Integer.parseInt(f[1]));
            }
        }
        return out;
    }

    private static int total() throws IOException, InterruptedException {
        return calls().getOrDefault("total", 0);
    }

    /** A handle as the RPC server makes one from a remote call's domain: no round trip. */
    private static DomainRef handle(DomainRef d) throws Exception {
        return conn.domainHandle(d.name(), d.uuid(), d.id()).orElseThrow();
    }

    @Test
    void aListingIsOneCallWithTheIdsOfItsDomains() throws Exception {
        List<DomainRef> all = conn.listAllDomains(0);
        assertEquals(Map.of("RetrievePropertiesEx", 1, "total", 1), calls());
        for (DomainRef d : all) {
            assertEquals(d, handle(d)); // the RPC server writes the listed IDs, nothing read again
        }
        assertEquals(0, total());
    }

    @Test
    void dominfoIsOneReadPerCall() throws Exception {
        DomainRef listed = conn.listAllDomains(0).get(1);
        calls();
        // virsh dominfo through the RPC server: a lookup by name, then calls on handles
        DomainRef d = conn.lookupByName(listed.name()); // the VM the listing had by that name, read alone
        assertEquals(listed, d);
        assertEquals(Map.of("RetrievePropertiesEx", 1, "total", 1), calls());
        assertEquals("hvm", conn.osType(handle(d))); // libvirt's answer, no read
        assertEquals(0, total());
        assertEquals(DomainState.RUNNING, conn.info(handle(d)).state());
        assertTrue(conn.isPersistent(handle(d)));
        assertEquals(2, total());
        conn.autostart(handle(d)); // the autostart manager's reference, once per connection
        calls();
        assertFalse(conn.autostart(handle(d))); // the VM and the host's configuration together
        assertEquals(Map.of("RetrievePropertiesEx", 1, "total", 1), calls());
        // the lookups by UUID and ID read the VM alone too
        assertEquals(d, conn.lookupByUuid(d.uuid()));
        assertEquals(d, conn.lookupById(d.id()));
        assertEquals(2, total());
    }

    @Test
    void aHandleOnADomainThatDoesNotExistFailsItsCall() throws Exception {
        DomainRef none = conn.domainHandle("gone", UUID.randomUUID(), 7).orElseThrow();
        calls();
        VirtException e = assertThrows(VirtException.class, () -> conn.info(none));
        assertEquals(ErrorCode.NO_DOMAIN, e.code());
        assertEquals("Domain not found: Could not find domain with UUID '" + none.uuid() + "'", e.getMessage());
        // not among the VMs known: all are read (one round trip)
        assertEquals(Map.of("RetrievePropertiesEx", 1, "total", 1), calls());
        assertEquals(ErrorCode.NO_DOMAIN,
                assertThrows(VirtException.class, () -> conn.lookupByName("no-such-vm")).code());
        assertEquals(1, total());
    }

    @Test
    void aChangeElsewhereIsSeenByTheNextCall() throws Exception {
        DomainRef d = conn.lookupByName("ha-host_VM2");
        assertEquals(DomainState.RUNNING, conn.state(handle(d)).state());
        other.destroy(other.lookupByName("ha-host_VM2"), 0);
        assertEquals(DomainState.SHUTOFF, conn.state(handle(d)).state());
        assertEquals(-1, conn.lookupByName("ha-host_VM2").id());
        VirtException noId = assertThrows(VirtException.class, () -> conn.lookupById(d.id()));
        assertEquals(ErrorCode.NO_DOMAIN, noId.code());
        other.create(other.lookupByName("ha-host_VM2"), 0);
        assertEquals(DomainState.RUNNING, conn.state(handle(d)).state());
        assertEquals(d.id(), conn.lookupById(d.id()).id());
    }

    @Test
    void aChangeIsTheVmsReadAndItsTask() throws Exception {
        DomainRef d = conn.listAllDomains(0).get(3);
        calls();
        conn.destroy(handle(d), 0);
        // the VM read, then the task; the power-off task had ended when it answered (the
        // simulator's are synchronous): its state read once, no property filter
        assertEquals(Map.of("PowerOffVM_Task", 1, "RetrievePropertiesEx", 2, "total", 3), calls());
        assertEquals(-1, conn.lookupByUuid(d.uuid()).id());
        conn.create(handle(d), 0);
        assertEquals(Map.of("PowerOnVM_Task", 1, "RetrievePropertiesEx", 3, "total", 4), calls());
        assertEquals(DomainState.RUNNING, conn.state(handle(d)).state());
        assertEquals(d.id(), conn.lookupByUuid(d.uuid()).id());
    }

    @Test
    void theAutostartFilterReadsTheHostsConfigurationOnce() throws Exception {
        conn.listAllDomains(ListFlag.AUTOSTART.bit()); // the autostart manager's reference, once per connection
        calls();
        assertEquals(0, conn.listAllDomains(ListFlag.AUTOSTART.bit()).size());
        assertEquals(4, conn.listAllDomains(ListFlag.NO_AUTOSTART.bit()).size());
        assertEquals(Map.of("RetrievePropertiesEx", 4, "total", 4), calls());
    }

    @Test
    void aSnapshotCallAfterItsLookupsReadsTheTreeOnce() throws Exception {
        DomainSnapshotDriver snaps = conn.ownSnapshots().orElseThrow();
        DomainRef d = conn.lookupByName("ha-host_VM0");
        snaps.createXml(d, "<domainsnapshot><name>rt1</name></domainsnapshot>", 0);
        calls();
        // virsh snapshot-dumpxml through the RPC server: the snapshot's lookup, then its XML, each
        // on a handle of the domain (and the second on a handle of the snapshot): the VM with its tree
        snaps.lookupByName(handle(d), "rt1", 0);
        assertTrue(snaps.xmlDesc(handle(d), "rt1", 0).contains("<name>rt1</name>"));
        assertEquals(Map.of("RetrievePropertiesEx", 2, "total", 2), calls());
        snaps.delete(conn.lookupByUuid(d.uuid()), "rt1", 0);
        assertFalse(snaps.listNames(conn.lookupByUuid(d.uuid()), 0).contains("rt1"));
    }

    @Test
    void volumeSearchesReuseTheDatastoresBrowser() throws Exception {
        StorageDriverConnection storage = conn.ownStorage().orElseThrow();
        StoragePoolRef pool = storage.listAllPools(0).get(0);
        storage.listAllVolumes(pool, 0);
        calls();
        int disks = storage.listAllVolumes(pool, 0).size();
        // the pool (the datastore read, as every pool call), the search and its task's state (no
        // browser lookup: kept from the first listing); then one QueryVirtualDiskUuid per disk (the
        // key, as libvirt's lookups make it)
        assertEquals(Map.of("SearchDatastoreSubFolders_Task", 1, "RetrievePropertiesEx", 2,
                "QueryVirtualDiskUuid", disks, "total", 3 + disks), calls());
    }
}
