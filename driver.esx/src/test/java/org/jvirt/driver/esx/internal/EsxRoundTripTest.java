package org.jvirt.driver.esx.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
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

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.jvirt.api.DomainState;
import org.jvirt.api.ListFlag;
import org.jvirt.api.spi.DomainRef;
import org.jvirt.api.spi.DomainSnapshotDriver;
import org.jvirt.api.spi.DriverConnection;
import org.jvirt.api.spi.StorageDriverConnection;
import org.jvirt.api.spi.StoragePoolRef;

/**
 * The SOAP calls the driver makes per operation, counted by the simulator's proxy (calls.go,
 * {@code GET /calls}), in the order the core and the RPC server call the driver: a lookup by UUID
 * before every call on a domain, and a lookup for the ID of every domain a listing returns. A read
 * is handed on once (VmInventory), so each pair costs one read; what is changed or read again later
 * is read afresh. libvirt's ESX driver makes 2 calls for a listing and 3 for each domain call
 * (a session check, FindByUuid, RetrieveProperties: see bench/esx-vs-libvirt.sh).
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

    @Test
    void aListingAndTheLookupsForItsIdsAreOneCall() throws Exception {
        List<DomainRef> all = conn.listAllDomains(0);
        for (DomainRef d : all) {
            assertEquals(d, conn.lookupByUuid(d.uuid())); // the RPC server's ID of each listed domain
        }
        assertEquals(Map.of("RetrievePropertiesEx", 1, "total", 1), calls());
        // the listing's read serves one lookup only: the next reads the VM
        conn.lookupByUuid(all.get(0).uuid());
        assertEquals(1, total());
    }

    @Test
    void aLookupAndTheCallAfterItAreOneRead() throws Exception {
        DomainRef listed = conn.listAllDomains(0).get(1);
        calls();
        DomainRef d = conn.lookupByUuid(listed.uuid()); // the listing's read
        conn.lookupByUuid(listed.uuid());
        assertEquals(1, total());
        d = conn.lookupByUuid(listed.uuid());
        conn.info(d); // the lookup's read
        assertEquals(1, total());
        conn.lookupByUuid(listed.uuid());
        conn.lookupByUuid(listed.uuid()); // a remote lookup by UUID and the core's lookup for its ID
        assertEquals(1, total());
        conn.info(d); // read afresh: the lookup's read served once
        conn.osType(d);
        assertTrue(conn.isPersistent(d));
        assertEquals(2, total());
        // only the very reference the lookup returned takes its read
        DomainRef again = conn.lookupByUuid(listed.uuid());
        DomainRef copy = new DomainRef(again.name(), again.uuid(), again.id());
        assertNotSame(again, copy);
        conn.info(copy);
        assertEquals(2, total());
    }

    @Test
    void aChangeElsewhereIsSeenByTheNextCall() throws Exception {
        DomainRef d = conn.lookupByName("ha-host_VM2");
        assertEquals(DomainState.RUNNING, conn.state(d).state()); // takes the lookup's read
        other.destroy(other.lookupByName("ha-host_VM2"), 0);
        assertEquals(DomainState.SHUTOFF, conn.state(d).state());
        other.create(other.lookupByName("ha-host_VM2"), 0);
        // a read older than the hand-on time is not handed on
        DomainRef late = conn.lookupByUuid(d.uuid());
        Thread.sleep(VmInventory.FRESH_NANOS / 1_000_000 + 200);
        calls();
        conn.info(late);
        assertEquals(1, total());
    }

    @Test
    void aChangeHereDropsWhatWasRead() throws Exception {
        DomainRef d = conn.listAllDomains(0).get(3);
        calls();
        DomainRef ref = conn.lookupByUuid(d.uuid()); // the listing's read
        conn.destroy(ref, 0); // a read of its own: the lookup used the listing's
        // the power-off task had ended when it answered (the simulator's are synchronous): read once,
        // no property filter
        assertEquals(Map.of("PowerOffVM_Task", 1, "RetrievePropertiesEx", 2, "total", 3), calls());
        // a listing's read is not handed on past a change made here
        conn.listAllDomains(0);
        DomainRef copy = new DomainRef(d.name(), d.uuid(), -1); // no lookup's: read afresh
        conn.create(copy, 0);
        DomainRef after = conn.lookupByUuid(d.uuid());
        assertEquals(d.id(), after.id());
        assertEquals(DomainState.RUNNING, conn.state(after).state());
        calls();
        conn.destroy(conn.lookupByUuid(d.uuid()), 0); // the lookup's read, then the task
        assertEquals(Map.of("PowerOffVM_Task", 1, "RetrievePropertiesEx", 2, "total", 3), calls());
        assertEquals(-1, conn.lookupByUuid(d.uuid()).id());
        conn.create(conn.lookupByUuid(d.uuid()), 0);
        assertEquals(DomainState.RUNNING, conn.state(conn.lookupByUuid(d.uuid())).state());
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
        // the RPC server's order for snapshot-dumpxml: the domain, the snapshot, the call
        DomainRef ref = conn.lookupByUuid(d.uuid());
        snaps.lookupByName(ref, "rt1", 0);
        assertTrue(snaps.xmlDesc(ref, "rt1", 0).contains("<name>rt1</name>"));
        assertEquals(Map.of("RetrievePropertiesEx", 3, "total", 3), calls());
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
