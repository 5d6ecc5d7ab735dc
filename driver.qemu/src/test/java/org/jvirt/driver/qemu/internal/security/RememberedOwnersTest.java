package org.jvirt.driver.qemu.internal.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Optional;
import java.util.UUID;

import org.jvirt.api.spi.RecordKind;
import org.jvirt.core.store.FileStateStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** libvirt's remember_owner with its refcount, kept in the state store by the guests' UUIDs. */
class RememberedOwnersTest {
    @TempDir
    Path dir;

    @Test
    void theFirstOwnerComesBackWhenTheLastGuestLeaves() throws Exception {
        FileStateStore store = new FileStateStore(dir);
        RememberedOwners owners = new RememberedOwners(store, "qemu");
        UUID a = UUID.randomUUID();
        UUID b = UUID.randomUUID();
        assertEquals(1, owners.remember("/img", new DacLabel(1000, 1000), a));
        // the second guest sees the file already given to the first: the original owner stays
        assertEquals(2, owners.remember("/img", new DacLabel(64055, 108), b));
        assertEquals(2, owners.remember("/img", new DacLabel(64055, 108), b), "a guest counts once");
        assertEquals(Optional.empty(), owners.recall("/img", a));
        assertEquals(Optional.empty(), owners.recall("/img", a), "a second stop changes nothing");
        // a new instance reads the record back
        RememberedOwners restarted = new RememberedOwners(new FileStateStore(dir), "qemu");
        assertEquals(Optional.of("+1000:+1000"), restarted.recall("/img", b));
        assertTrue(store.readAll("qemu-dac", RecordKind.STATUS).isEmpty());
        assertEquals(Optional.empty(), restarted.recall("/img", b), "nothing remembered any more");
    }
}
