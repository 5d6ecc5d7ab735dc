package org.jvirt.driver.test.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import org.jvirt.api.Connection;
import org.jvirt.api.Domain;
import org.jvirt.api.DomainEvent;
import org.jvirt.api.ErrorCode;
import org.jvirt.api.VirtException;
import org.jvirt.api.XmlFlag;
import org.jvirt.api.spi.RecordKind;
import org.jvirt.testing.FaultyCodec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A state change that fails changes nothing (issue 8, section 3): whichever write of the state
 * store fails, and when formatting fails after the definition was accepted, the domains a client
 * sees, the store's records and the events are as before; a new driver instance rebuilds the same
 * host from the store.
 */
class AtomicChangeTest {
    private static final String NEW_UUID = "0a0b0c0d-1111-2222-3333-444455556666";

    @TempDir
    Path dir;

    /** One scenario: what to prepare (succeeds), then the change that is made to fail. */
    private interface Step {
        void run(Connection c) throws Exception;
    }

    private static String xml(String name, String uuid, int vcpus) {
        return "<domain type='test'><name>" + name + "</name><uuid>" + uuid + "</uuid><memory>4096</memory>"
                + "<vcpu>" + vcpus + "</vcpu><os><type>hvm</type></os></domain>";
    }

    @Test
    void defineOfANewDomain() throws Exception {
        failEveryStoreChangeInTurn(c -> { }, c -> c.defineXml(xml("fresh", NEW_UUID, 2), 0));
    }

    @Test
    void redefineOfAnInactiveDomain() throws Exception {
        failEveryStoreChangeInTurn(c -> c.defineXml(xml("fresh", NEW_UUID, 2), 0),
                c -> c.defineXml(xml("fresh", NEW_UUID, 4), 0));
    }

    @Test
    void defineOfARunningTransientDomainMakesItPersistent() throws Exception {
        failEveryStoreChangeInTurn(c -> c.createXml(xml("fresh", NEW_UUID, 2), 0),
                c -> c.defineXml(xml("fresh", NEW_UUID, 4), 0));
    }

    @Test
    void createXmlOfATransientDomain() throws Exception {
        failEveryStoreChangeInTurn(c -> { }, c -> c.createXml(xml("fresh", NEW_UUID, 2), 0));
    }

    @Test
    void createXmlOfADefinedDomain() throws Exception {
        failEveryStoreChangeInTurn(c -> c.defineXml(xml("fresh", NEW_UUID, 2), 0),
                c -> c.createXml(xml("fresh", NEW_UUID, 3), 0));
    }

    @Test
    void startDestroySuspendResume() throws Exception {
        failEveryStoreChangeInTurn(c -> c.lookupByName("test").destroy(0), c -> c.lookupByName("test").create(0));
        failEveryStoreChangeInTurn(c -> { }, c -> c.lookupByName("test").destroy(0));
        failEveryStoreChangeInTurn(c -> { }, c -> c.lookupByName("test").suspend());
        failEveryStoreChangeInTurn(c -> c.lookupByName("test").suspend(), c -> c.lookupByName("test").resume());
        failEveryStoreChangeInTurn(c -> { }, c -> c.lookupByName("test").shutdown(0));
        failEveryStoreChangeInTurn(c -> { }, c -> c.lookupByName("test").reboot(0));
    }

    @Test
    void destroyOfATransientDomainThatDisappears() throws Exception {
        failEveryStoreChangeInTurn(c -> c.createXml(xml("fresh", NEW_UUID, 2), 0),
                c -> c.lookupByName("fresh").destroy(0));
    }

    @Test
    void undefineOfAnInactiveAndOfARunningDomain() throws Exception {
        failEveryStoreChangeInTurn(c -> c.defineXml(xml("fresh", NEW_UUID, 2), 0),
                c -> c.lookupByName("fresh").undefine(0));
        failEveryStoreChangeInTurn(c -> { }, c -> c.lookupByName("test").undefine(0));
    }

    @Test
    void autostartAndPinning() throws Exception {
        failEveryStoreChangeInTurn(c -> { }, c -> c.lookupByName("test").setAutostart(true));
        BitSet cpu1 = new BitSet();
        cpu1.set(1);
        failEveryStoreChangeInTurn(c -> { }, c -> c.lookupByName("test").pinVcpu(0, cpu1, 0));
    }

    /** The phantom: the definition is accepted, then formatting it for the store blows up. */
    @Test
    void aDefinitionThatCannotBeFormattedLeavesNoDomainBehind() throws Exception {
        FaultyCodec[] codec = new FaultyCodec[1];
        try (Fixture f = new Fixture(dir, s -> s, c -> codec[0] = new FaultyCodec(c));
             Connection c = f.open()) {
            Observed before = observe(f, c);
            List<DomainEvent> events = listen(c);
            assertFormatFailure(assertThrows(Throwable.class, () -> c.defineXml(xml(FaultyCodec.BOOM, NEW_UUID, 2), 0)));
            assertFormatFailure(assertThrows(Throwable.class, () -> c.createXml(xml(FaultyCodec.BOOM, NEW_UUID, 2), 0)));
            assertUnchanged(f, c, before, events);
            VirtException gone = assertThrows(VirtException.class, () -> c.lookupByName(FaultyCodec.BOOM));
            assertEquals(ErrorCode.NO_DOMAIN, gone.code());
            codec[0].armed = false;
            Domain d = c.defineXml(xml(FaultyCodec.BOOM, NEW_UUID, 2), 0);
            d.undefine(0); // the name and UUID are free: nothing half-made holds them
        }
    }

    /** The error itself, or the core's INTERNAL_ERROR made of it: either way the caller hears of it. */
    private static void assertFormatFailure(Throwable t) {
        assertTrue(t instanceof StackOverflowError
                || t instanceof VirtException v && v.code() == ErrorCode.INTERNAL_ERROR, t.toString());
    }

    /** When even the restore fails, the driver's view is still the one before the call. */
    @Test
    void aStoreThatStaysBrokenStillLeavesTheHostAsBefore() throws Exception {
        FaultyStore[] store = new FaultyStore[1];
        try (Fixture f = new Fixture(dir, s -> store[0] = new FaultyStore(s), c -> c); Connection c = f.open()) {
            Map<String, String> before = observe(f, c).domains();
            store[0].failChange(2, true);
            VirtException e = assertThrows(VirtException.class, () -> c.defineXml(xml("fresh", NEW_UUID, 2), 0));
            assertEquals(ErrorCode.WRITE_FAILED, e.code());
            assertThrows(VirtException.class, () -> c.lookupByName("test").destroy(0));
            store[0].heal();
            assertEquals(before, observe(f, c).domains());
        }
    }

    /**
     * Runs {@code prepare} and {@code change} on a fresh host once per store change the change
     * makes, failing that one: each time the change must fail with the store's error and leave
     * everything as it was. Ends when the change no longer reaches the failing write.
     */
    private void failEveryStoreChangeInTurn(Step prepare, Step change) throws Exception {
        for (int n = 1; ; n++) {
            Path stateDir = dir.resolve("run" + System.nanoTime());
            FaultyStore[] store = new FaultyStore[1];
            try (Fixture f = new Fixture(stateDir, s -> store[0] = new FaultyStore(s), c -> c);
                 Connection c = f.open()) {
                prepare.run(c);
                Observed before = observe(f, c);
                List<DomainEvent> events = listen(c);
                store[0].failChange(n, false);
                try {
                    change.run(c);
                } catch (VirtException e) {
                    assertEquals(ErrorCode.WRITE_FAILED, e.code(), "store change " + n + ": " + e.getMessage());
                    assertEquals(1, store[0].failures.get(), "store change " + n);
                    assertUnchanged(f, c, before, events);
                    continue;
                }
                assertEquals(0, store[0].failures.get(), "store change " + n + " failed but the call succeeded");
                assertTrue(n > 1, "the change wrote nothing to the store");
                return;
            }
        }
    }

    private static List<DomainEvent> listen(Connection c) throws VirtException {
        List<DomainEvent> events = new CopyOnWriteArrayList<>();
        c.addLifecycleListener((d, e) -> events.add(e));
        return events;
    }

    /** Nothing changed, no event was sent, and a new driver instance rebuilds the same host. */
    private static void assertUnchanged(Fixture f, Connection c, Observed before, List<DomainEvent> events)
            throws Exception {
        assertEquals(before.domains(), observe(f, c).domains(), "the domains a client sees");
        assertEquals(before.records(), observe(f, c).records(), "the state store's records");
        // a marker change proves the event queue has drained: nothing may come before its event
        Domain marker = c.defineXml(xml("marker", UUID.randomUUID().toString(), 1), 0);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (events.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(1);
        }
        assertEquals("marker", events.isEmpty() ? "(none)" : events.get(0).name(),
                "events of the failed call: " + events);
        marker.undefine(0);
        f.updateDriver();
        assertEquals(before.domains(), observe(f, c).domains(), "the host rebuilt from the store");
    }

    private record Observed(Map<String, String> domains, Map<String, String> records) {
    }

    private static Observed observe(Fixture f, Connection c) throws Exception {
        Map<String, String> domains = new LinkedHashMap<>();
        for (Domain d : c.listAllDomains(0)) {
            String live = d.isActive() ? d.xmlDesc(0) + d.vcpuPinInfo(0) : "";
            String inactive = d.isPersistent() ? d.xmlDesc(XmlFlag.INACTIVE.bit()) : "";
            domains.put(d.name(), d.uuid() + " id=" + d.id() + " " + d.state() + " persistent=" + d.isPersistent()
                    + " autostart=" + d.autostart() + "\n" + live + "\n" + inactive);
        }
        Map<String, String> records = new TreeMap<>();
        for (RecordKind kind : RecordKind.values()) {
            f.store.readAll(StoreJournal.DRIVER, kind).forEach((k, v) ->
                    records.put(kind + "/" + k, new String(v, StandardCharsets.UTF_8).replaceAll("(?m)^#.*\n", "")));
        }
        return new Observed(domains, records);
    }
}
