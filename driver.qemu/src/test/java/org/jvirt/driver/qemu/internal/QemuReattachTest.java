package org.jvirt.driver.qemu.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jvirt.api.DomainState;
import org.jvirt.api.StateReason;
import org.jvirt.api.spi.DomainRef;
import org.jvirt.api.spi.RecordKind;
import org.jvirt.driver.qemu.internal.domain.QemuDomainObj;
import org.jvirt.driver.qemu.internal.process.QemuProcesses;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Guests outlive the driver: a new driver instance takes over running guests. */
class QemuReattachTest {
    @TempDir
    Path dir;
    private TestBed bed;

    @BeforeEach
    void setUp() throws Exception {
        bed = TestBed.openIfQemuInstalled(dir);
    }

    @AfterEach
    void tearDown() {
        if (bed != null) {
            bed.closeAndAssertNoGuestLeft();
        }
    }

    @Test
    void aNewDriverInstanceReattachesToRunningGuests() throws Exception {
        List<DomainRef> refs = new ArrayList<>();
        List<Long> pids = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            DomainRef ref = i == 2 ? bed.conn.createXml(TestBed.xml("re" + i, UUID.randomUUID(), 2, ""), 0)
                    : bed.conn.defineXml(TestBed.xml("re" + i, UUID.randomUUID(), 2, ""), 0);
            if (i < 2) {
                bed.conn.create(ref, 0);
            }
            ref = bed.conn.lookupByUuid(ref.uuid());
            refs.add(ref);
            pids.add(bed.pid(ref));
        }
        bed.conn.suspend(refs.get(1));
        Map<Integer, Long> threadsBefore = bed.driver.hosts().get(0).byUuid(refs.get(0).uuid()).vcpuThreads();

        long t0 = System.nanoTime();
        bed.newDriver();
        long reattachMs = (System.nanoTime() - t0) / 1_000_000;
        System.out.println("reattach: 3 guests in " + reattachMs + " ms");

        for (int i = 0; i < 3; i++) {
            QemuDomainObj d = bed.driver.hosts().get(0).byUuid(refs.get(i).uuid());
            assertEquals(pids.get(i), d.pid(), "guest re" + i + " has another pid");
            assertTrue(QemuProcesses.isAlive(pids.get(i)));
            assertEquals(refs.get(i).id(), bed.conn.lookupByName("re" + i).id());
        }
        assertEquals(StateReason.RUNNING_BOOTED, bed.conn.state(refs.get(0)).namedReason());
        assertEquals(StateReason.PAUSED_USER, bed.conn.state(refs.get(1)).namedReason());
        assertFalse(bed.conn.isPersistent(refs.get(2)));
        assertEquals(threadsBefore, bed.driver.hosts().get(0).byUuid(refs.get(0).uuid()).vcpuThreads());
        assertEquals(2, bed.conn.vcpuInfo(refs.get(0)).size());

        // still operable through the new instance
        bed.conn.resume(refs.get(1));
        assertEquals(DomainState.RUNNING, bed.conn.state(refs.get(1)).state());
        bed.conn.suspend(refs.get(0));
        assertEquals(DomainState.PAUSED, bed.conn.state(refs.get(0)).state());
        for (DomainRef r : refs) {
            bed.conn.destroy(r, 0);
        }
        for (long pid : pids) {
            assertFalse(QemuProcesses.isAlive(pid));
        }
        // a new id does not collide with the reattached ones
        bed.conn.create(refs.get(0), 0);
        bed.pid(refs.get(0));
        assertTrue(bed.conn.lookupByName("re0").id() > refs.get(2).id());
        bed.conn.destroy(refs.get(0), 0);
    }

    @Test
    void aGuestThatDiedWhileNoDriverWatchedIsCrashed() throws Exception {
        DomainRef persistent = bed.conn.defineXml(TestBed.xml("gone1", UUID.randomUUID(), 1, ""), 0);
        bed.conn.create(persistent, 0);
        DomainRef trans = bed.conn.createXml(TestBed.xml("gone2", UUID.randomUUID(), 1, ""), 0);
        long p1 = bed.pid(persistent);
        long p2 = bed.pid(trans);
        bed.conn.close();
        bed.driver.deactivate();
        ProcessHandle.of(p1).orElseThrow().destroyForcibly();
        ProcessHandle.of(p2).orElseThrow().destroyForcibly();
        assertTrue(QemuProcesses.waitGone(p1, Duration.ofSeconds(5)));
        assertTrue(QemuProcesses.waitGone(p2, Duration.ofSeconds(5)));
        bed.driver = null;
        bed.newDriver();
        assertEquals(StateReason.SHUTOFF_CRASHED, bed.conn.state(persistent).namedReason());
        assertTrue(bed.conn.listAllDomains(0).stream().noneMatch(r -> r.name().equals("gone2")));
        assertTrue(bed.store.readAll("qemu", RecordKind.STATUS).isEmpty());
    }

    @Test
    void autostartDomainsStartOncePerHostBoot() throws Exception {
        DomainRef ref = bed.conn.defineXml(TestBed.xml("auto1", UUID.randomUUID(), 1, ""), 0);
        bed.conn.setAutostart(ref, true);
        assertTrue(bed.conn.autostart(ref));
        bed.newDriver();
        // same boot: the first driver instance already did the autostart round
        assertEquals(DomainState.SHUTOFF, bed.conn.state(ref).state());
        Files.delete(dir.resolve("run/system/autostarted"));
        bed.newDriver();
        assertEquals(StateReason.RUNNING_BOOTED, bed.conn.state(ref).namedReason());
        assertTrue(QemuProcesses.isAlive(bed.pid(ref)));
        assertTrue(bed.conn.autostart(ref));
        bed.conn.destroy(ref, 0);
    }
}
