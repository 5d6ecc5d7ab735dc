package org.jvirt.driver.qemu.internal.caps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The cache probes a binary once per modification time. */
class QemuCapsCacheTest {

    @Test
    void probesAgainOnlyWhenTheBinaryChanges(@TempDir Path dir) throws IOException {
        Path bin = Files.writeString(dir.resolve("qemu-system-x86_64"), "#!/bin/sh\n");
        Files.setLastModifiedTime(bin, FileTime.fromMillis(1_000_000));
        AtomicInteger probes = new AtomicInteger();
        QemuCapsCache cache = new QemuCapsCache(key -> {
            probes.incrementAndGet();
            return new QemuCapsBuilder(key).version(7, 2, probes.get(), "").flag("tcg")
                    .qomTypes(List.of("qemu-xhci", "virtio-net-pci", "not-a-flag"))
                    .commands(List.of("set-action")).build();
        });
        QemuCaps first = cache.get(bin);
        assertSame(first, cache.get(bin));
        assertEquals(1, probes.get());
        assertEquals(1_000_000, first.key().mtimeMillis());
        assertEquals(Set.of("tcg", "qemu-xhci", "virtio-net", "set-action"), first.flags());

        Files.setLastModifiedTime(bin, FileTime.fromMillis(2_000_000));
        QemuCaps second = cache.get(bin);
        assertEquals(2, probes.get());
        assertEquals("7.2.2", second.versionString());
        cache.invalidate(bin);
        cache.get(bin);
        assertEquals(3, probes.get());
    }
}
