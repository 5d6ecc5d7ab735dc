package org.jvirt.driver.qemu.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.jvirt.api.ConnectUri;
import org.jvirt.api.ErrorCode;
import org.jvirt.api.VirtException;
import org.jvirt.api.spi.DomainRef;
import org.jvirt.api.spi.DriverConnection;
import org.jvirt.api.spi.RecordKind;
import org.jvirt.api.xml.DomainDef;
import org.jvirt.api.xml.DomainXmlCodec;
import org.jvirt.api.xml.GuestDefaults;
import org.jvirt.core.store.FileStateStore;
import org.jvirt.driver.qemu.internal.vcpu.DefaultVcpuThreadResolver;
import org.jvirt.testing.FaultyCodec;
import org.jvirt.xml.internal.DomainXmlCodecImpl;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The QEMU driver's definitions are all or nothing (issue 8, section 3): a domain is published
 * only once its definition is stored; a failed define, undefine or autostart change leaves the
 * registry and the state store as they were. No guest is started here (the emulator binary must
 * exist for a definition to be accepted).
 */
class QemuDefinitionsTest {
    static final String BOOM = FaultyCodec.BOOM;

    @TempDir
    Path dir;
    GatedStore store;
    final FaultyCodec codec = new FaultyCodec(new DomainXmlCodecImpl());
    QemuDriver driver;
    DriverConnection conn;

    @BeforeEach
    void open() throws VirtException {
        assumeTrue(TestBed.qemuInstalled(), "qemu-system-x86_64 not installed");
        store = new GatedStore(new FileStateStore(dir.resolve("state")));
        driver = new QemuDriver(codec, store);
        driver.bindResolver(new DefaultVcpuThreadResolver(), Map.of("service.ranking", 0, "service.id", 1L));
        driver.activate(TestBed.config(dir), null);
        conn = driver.open(ConnectUri.parse("qemu:///system"), 0).orElseThrow();
    }

    @AfterEach
    void close() {
        if (driver != null) {
            conn.close();
            driver.deactivate();
        }
    }

    private boolean listed(UUID uuid) throws VirtException {
        return conn.listAllDomains(0).stream().anyMatch(r -> r.uuid().equals(uuid));
    }

    private boolean record(String key) throws VirtException {
        return store.read("qemu", RecordKind.CONFIG, key).isPresent();
    }

    @Test
    void aDomainBeingDefinedIsNotVisibleUntilItsDefinitionIsStored() throws Exception {
        UUID uuid = UUID.randomUUID();
        store.gated = key -> key.equals(uuid.toString());
        store.failing = key -> key.equals(uuid.toString());
        Queue<Throwable> outcome = new ConcurrentLinkedQueue<>();
        Thread definer = new Thread(() -> {
            try {
                conn.defineXml(TestBed.xml("pending", uuid, 1, ""), 0);
                outcome.add(new AssertionError("the define succeeded"));
            } catch (Throwable t) {
                outcome.add(t);
            }
        });
        definer.start();
        try {
            assertTrue(store.entered.await(10, TimeUnit.SECONDS));
            // the define is in the middle of writing its definition: nobody else sees the domain yet
            assertFalse(listed(uuid), "listed while its definition is being written");
            assertEquals(ErrorCode.NO_DOMAIN,
                    assertThrows(VirtException.class, () -> conn.lookupByName("pending")).code());
            assertEquals(ErrorCode.NO_DOMAIN, assertThrows(VirtException.class, () -> conn.lookupByUuid(uuid)).code());
        } finally {
            store.release.countDown();
        }
        definer.join(10_000);
        Throwable t = outcome.poll();
        assertTrue(t instanceof VirtException v && v.code() == ErrorCode.WRITE_FAILED, String.valueOf(t));
        assertFalse(listed(uuid), "a failed define left its domain behind");
        assertFalse(record(uuid.toString()));
        store.failing = key -> false;
        store.gated = key -> false;
        DomainRef ref = conn.defineXml(TestBed.xml("pending", uuid, 1, ""), 0);
        assertTrue(conn.isPersistent(ref));
    }

    @Test
    void aDefinitionThatCannotBeFormattedLeavesNothingBehind() throws Exception {
        UUID uuid = UUID.randomUUID();
        Throwable t = assertThrows(Throwable.class, () -> conn.defineXml(TestBed.xml(BOOM, uuid, 1, ""), 0));
        assertTrue(t instanceof StackOverflowError || t instanceof VirtException v
                && v.code() == ErrorCode.INTERNAL_ERROR, t.toString());
        assertFalse(listed(uuid), "a definition that could not be stored left a domain: " + conn.listAllDomains(0));
        assertFalse(record(uuid.toString()));
        codec.armed = false;
        DomainRef ref = conn.defineXml(TestBed.xml(BOOM, uuid, 1, ""), 0);
        conn.undefine(ref, 0);
        assertFalse(listed(uuid));
    }

    @Test
    void aRedefineThatFailsKeepsTheOldDefinition() throws Exception {
        UUID uuid = UUID.randomUUID();
        DomainRef ref = conn.defineXml(TestBed.xml("kept", uuid, 1, ""), 0);
        String before = conn.xmlDesc(ref, 0);
        store.failing = key -> key.equals(uuid.toString());
        assertEquals(ErrorCode.WRITE_FAILED, assertThrows(VirtException.class,
                () -> conn.defineXml(TestBed.xml("kept", uuid, 2, ""), 0)).code());
        assertEquals(before, conn.xmlDesc(ref, 0));
        assertTrue(conn.isPersistent(ref));
    }

    @Test
    void anUndefineThatFailsKeepsTheDomainAndItsAutostart() throws Exception {
        for (String failingSuffix : List.of("", ".autostart")) {
            UUID uuid = UUID.randomUUID();
            DomainRef ref = conn.defineXml(TestBed.xml("u" + failingSuffix.length(), uuid, 1, ""), 0);
            conn.setAutostart(ref, true);
            store.failing = key -> key.equals(uuid + failingSuffix);
            VirtException e = assertThrows(VirtException.class, () -> conn.undefine(ref, 0));
            assertEquals(ErrorCode.WRITE_FAILED, e.code(), failingSuffix);
            store.failing = key -> false;
            assertTrue(listed(uuid), failingSuffix);
            assertTrue(conn.isPersistent(ref), failingSuffix);
            assertTrue(conn.autostart(ref), failingSuffix);
            assertTrue(record(uuid.toString()), "the definition is still stored " + failingSuffix);
            assertTrue(record(uuid + ".autostart"), "the autostart mark is still stored " + failingSuffix);
            conn.undefine(ref, 0);
            assertFalse(listed(uuid));
            assertFalse(record(uuid.toString()) || record(uuid + ".autostart"));
        }
    }

    /**
     * Two threads race on one domain's definition (define, undefine, autostart, lookups), while
     * one definition write in ten fails: after each round the domain is listed at most once, is
     * persistent exactly when its definition is stored, autostart exactly when its mark is, and
     * every listed domain answers (no half-built entry); the only errors are a gone domain and
     * the injected write failures.
     */
    @Test
    @Timeout(value = 120, threadMode = Timeout.ThreadMode.SEPARATE_THREAD) // a deadlock fails, not hangs
    void twoThreadsRacingOnOneDefinitionAlwaysLeaveItConsistent() throws Exception {
        UUID uuid = UUID.randomUUID();
        String key = uuid.toString();
        String xml = TestBed.xml("raced", uuid, 1, "");
        store.failing = k -> k.equals(key) && ThreadLocalRandom.current().nextInt(10) == 0;
        Queue<Throwable> unexpected = new ConcurrentLinkedQueue<>();
        CyclicBarrier start = new CyclicBarrier(2);
        int rounds = 200;
        AtomicInteger ok = new AtomicInteger();
        for (int round = 0; round < rounds; round++) {
            List<Thread> racers = new ArrayList<>();
            for (int t = 0; t < 2; t++) {
                Random random = new Random(round * 2L + t);
                Thread racer = new Thread(() -> {
                    try {
                        start.await(10, TimeUnit.SECONDS);
                        for (int i = 0; i < 4; i++) {
                            try {
                                switch (random.nextInt(5)) {
                                    case 0, 1 -> conn.defineXml(xml, 0);
                                    case 2 -> conn.undefine(conn.lookupByUuid(uuid), 0);
                                    case 3 -> conn.setAutostart(conn.lookupByUuid(uuid), random.nextBoolean());
                                    default -> {
                                        for (DomainRef r : conn.listAllDomains(0)) {
                                            conn.info(r);
                                            conn.xmlDesc(r, 0);
                                        }
                                    }
                                }
                                ok.incrementAndGet();
                            } catch (VirtException e) {
                                if (e.code() != ErrorCode.NO_DOMAIN && e.code() != ErrorCode.WRITE_FAILED) {
                                    unexpected.add(e);
                                }
                            }
                        }
                    } catch (Throwable t2) {
                        unexpected.add(t2);
                    }
                });
                racer.start();
                racers.add(racer);
            }
            for (Thread r : racers) {
                r.join(30_000);
            }
            assertTrue(unexpected.isEmpty(), "round " + round + ": " + unexpected);
            long listed = conn.listAllDomains(0).stream().filter(r -> r.uuid().equals(uuid)).count();
            assertTrue(listed <= 1, "round " + round + ": listed " + listed + " times");
            boolean stored = record(key);
            assertEquals(stored, listed == 1, "round " + round + ": listed " + listed + ", definition stored " + stored);
            if (listed == 1) {
                DomainRef ref = conn.lookupByUuid(uuid);
                assertTrue(conn.isPersistent(ref), "round " + round);
                assertEquals(record(key + ".autostart"), conn.autostart(ref), "round " + round + ": autostart");
            } else {
                assertFalse(record(key + ".autostart"), "round " + round + ": an autostart mark without a domain");
            }
        }
        System.out.printf("domain race (QEMU definitions): %d rounds x 2 threads x 4 calls, %d succeeded%n",
                rounds, ok.get());
        assertTrue(ok.get() > rounds, "the calls mostly worked: " + ok.get());
    }
}
