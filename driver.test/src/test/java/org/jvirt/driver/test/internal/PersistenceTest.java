package org.jvirt.driver.test.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jvirt.api.ConnectUri;
import org.jvirt.api.Connection;
import org.jvirt.api.Domain;
import org.jvirt.api.DomainState;
import org.jvirt.api.ErrorCode;
import org.jvirt.api.ListFlag;
import org.jvirt.api.StateReason;
import org.jvirt.api.VirtException;
import org.jvirt.api.XmlFlag;
import org.jvirt.api.spi.DriverConnection;
import org.jvirt.api.spi.RecordKind;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The default host survives a new driver instance (a bundle update): everything goes through the
 * core's file state store, and a connection opened before the update keeps working after it.
 */
class PersistenceTest {
    @TempDir
    Path stateDir;
    private Fixture fixture;
    private Connection conn;

    @BeforeEach
    void open() throws Exception {
        fixture = new Fixture(stateDir);
        conn = fixture.open();
    }

    @AfterEach
    void close() {
        conn.close();
        fixture.close();
    }

    private static String xml(String name, UUID uuid) {
        return "<domain type='test'><name>" + name + "</name><uuid>" + uuid + "</uuid><memory>4096</memory>"
                + "<vcpu>2</vcpu><os><type>hvm</type></os></domain>";
    }

    /** What a client can observe of every domain. */
    private Map<String, String> snapshot() throws Exception {
        Map<String, String> out = new LinkedHashMap<>();
        for (Domain d : conn.listAllDomains(0)) {
            String live = d.isActive() ? d.xmlDesc(0) + d.vcpuPinInfo(0) : "";
            String inactive = d.isPersistent() ? d.xmlDesc(XmlFlag.INACTIVE.bit()) : "";
            out.put(d.name(), d.uuid() + " id=" + d.id() + " " + d.state() + " persistent=" + d.isPersistent()
                    + " autostart=" + d.autostart() + "\n" + live + "\n" + inactive);
        }
        return out;
    }

    @Test
    void everythingComesBackAfterAnUpdate() throws Exception {
        Domain test = conn.lookupByName("test");
        test.suspend();
        Domain web = conn.defineXml(xml("web", UUID.randomUUID()), 0);
        web.setAutostart(true);
        web.create(0);
        BitSet cpus = new BitSet();
        cpus.set(2, 4);
        web.pinVcpu(1, cpus, 0);
        conn.defineXml(xml("web", web.uuid()).replace("4096", "8192"), 0);
        Domain db = conn.defineXml(xml("db", UUID.randomUUID()), 0);
        db.create(0);
        db.undefine(0);
        Domain tmp = conn.createXml(xml("tmp", UUID.randomUUID()), 0);
        Domain off = conn.defineXml(xml("off", UUID.randomUUID()), 0);
        off.create(0);
        off.destroy(0);
        Map<String, String> before = snapshot();

        fixture.updateDriver();

        assertEquals(before, snapshot());
        assertEquals(StateReason.PAUSED_USER, test.state().namedReason(), "the old handle still works");
        assertEquals(StateReason.SHUTOFF_DESTROYED, off.state().namedReason());
        assertFalse(conn.lookupByName("db").isPersistent());
        assertTrue(tmp.isActive());
        web.destroy(0);
        assertEquals(8192, web.info().maxMemKiB(), "the pending definition took over");
        web.create(0);
        assertEquals(6, web.id(), "IDs continue where the old instance stopped (5 went to off)");
    }

    @Test
    void aManagedSaveImageSurvivesAnUpdate() throws Exception {
        Domain test = conn.lookupByName("test");
        test.managedSave(0);
        Domain other = conn.defineXml(xml("other", UUID.randomUUID()), 0);
        fixture.updateDriver();
        assertTrue(test.hasManagedSaveImage(0));
        assertFalse(other.hasManagedSaveImage(0));
        assertEquals(StateReason.SHUTOFF_SAVED, test.state().namedReason());
        assertEquals(List.of("test"), conn.listAllDomains(ListFlag.MANAGEDSAVE.bit()).stream().map(Domain::name)
                .toList());
        test.create(0);
        fixture.updateDriver();
        assertFalse(test.hasManagedSaveImage(0), "a start drops the image, and the store knows");
    }

    @Test
    void aPinToNoCpuIsDroppedRatherThanTheDomain() throws Exception {
        Domain test = conn.lookupByName("test");
        test.pinVcpu(0, new BitSet(), 0);
        assertEquals(new BitSet(), test.vcpuPinInfo(0).get(0));
        fixture.updateDriver();
        assertEquals(16, test.vcpuPinInfo(0).get(0).cardinality());
        assertEquals(DomainState.RUNNING, test.state().state());
    }

    @Test
    void goneDomainsStayGone() throws Exception {
        Domain tmp = conn.createXml(xml("tmp", UUID.randomUUID()), 0);
        tmp.destroy(0);
        conn.lookupByName("test").undefine(0);
        conn.lookupByName("test").destroy(0);
        fixture.updateDriver();
        assertEquals(0, conn.listAllDomains(0).size(), "an emptied host does not get the default back");
        assertTrue(fixture.store.readAll(StoreJournal.DRIVER, RecordKind.CONFIG).isEmpty());
    }

    @Test
    void recordsAreLibvirtXmlAndStatus() throws Exception {
        String key = DefaultHostTest.TEST_UUID.toString();
        String config = new String(fixture.store.read(StoreJournal.DRIVER, RecordKind.CONFIG, key).orElseThrow(),
                StandardCharsets.UTF_8);
        assertEquals(Fixture.resource("libvirt-dumpxml-inactive-test.xml"), config);
        String status = new String(fixture.store.read(StoreJournal.DRIVER, RecordKind.STATUS, key).orElseThrow(),
                StandardCharsets.ISO_8859_1);
        assertTrue(status.contains("state=1"), status);
        assertTrue(status.contains("id=1"), status);
        assertTrue(fixture.store.read(StoreJournal.DRIVER, RecordKind.STATUS, StoreJournal.HOST_KEY).isPresent());
    }

    @Test
    void aStoppedInstanceChangesNothing() throws Exception {
        DriverConnection old = fixture.driver.open(ConnectUri.parse("test:///default"), 0).orElseThrow();
        fixture.updateDriver();
        assertFalse(old.isAlive());
        UUID uuid = UUID.randomUUID();
        VirtException e = assertThrows(VirtException.class, () -> old.defineXml(xml("late", uuid), 0));
        assertEquals(ErrorCode.NO_CONNECT, e.code());
        assertFalse(fixture.store.read(StoreJournal.DRIVER, RecordKind.CONFIG, uuid.toString()).isPresent());
        assertEquals(1, conn.listAllDomains(0).size());
    }

    @Test
    void aDamagedRecordDoesNotCostTheOthers() throws Exception {
        Domain web = conn.defineXml(xml("web", UUID.randomUUID()), 0);
        fixture.store.write(StoreJournal.DRIVER, RecordKind.CONFIG, web.uuid().toString(),
                "<domain".getBytes(StandardCharsets.UTF_8));
        fixture.updateDriver();
        assertEquals(DomainState.RUNNING, conn.lookupByName("test").state().state());
        assertEquals(1, conn.listAllDomains(0).size());
        assertTrue(fixture.store.read(StoreJournal.DRIVER, RecordKind.CONFIG, web.uuid().toString()).isPresent(),
                "the damaged record is kept for inspection");
    }
}
