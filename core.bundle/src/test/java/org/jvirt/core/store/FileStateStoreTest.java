package org.jvirt.core.store;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import org.jvirt.api.ErrorCode;
import org.jvirt.api.VirtException;
import org.jvirt.api.spi.HostDirectories;
import org.jvirt.api.spi.RecordKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileStateStoreTest {
    @TempDir
    Path dir;

    @Test
    void writeReadListDeleteWithTheDocumentedLayout() throws Exception {
        FileStateStore store = new FileStateStore(dir);
        store.write("test", RecordKind.CONFIG, "6695eb01-f6a4-8304-79aa-97f2502e193f", "<domain/>".getBytes(UTF_8));
        store.write("test", RecordKind.STATUS, "6695eb01-f6a4-8304-79aa-97f2502e193f", "running".getBytes(UTF_8));
        store.write("test", RecordKind.CONFIG, "b", "two".getBytes(UTF_8));

        assertEquals("<domain/>", Files.readString(dir.resolve("test/config/6695eb01-f6a4-8304-79aa-97f2502e193f")));
        assertEquals("running", Files.readString(dir.resolve("test/status/6695eb01-f6a4-8304-79aa-97f2502e193f")));
        assertEquals("two", new String(store.read("test", RecordKind.CONFIG, "b").orElseThrow(), UTF_8));
        assertEquals(Optional.empty(), store.read("test", RecordKind.CONFIG, "missing"));
        assertEquals(Set.of("6695eb01-f6a4-8304-79aa-97f2502e193f", "b"),
                store.readAll("test", RecordKind.CONFIG).keySet());
        assertEquals(Map.of(), store.readAll("qemu", RecordKind.CONFIG));

        store.write("test", RecordKind.CONFIG, "b", "replaced".getBytes(UTF_8));
        assertEquals("replaced", new String(store.read("test", RecordKind.CONFIG, "b").orElseThrow(), UTF_8));
        store.delete("test", RecordKind.CONFIG, "b");
        store.delete("test", RecordKind.CONFIG, "b"); // nothing happens
        assertEquals(Optional.empty(), store.read("test", RecordKind.CONFIG, "b"));

        // a new store on the same directory (a restarted driver) reads it all back
        FileStateStore again = new FileStateStore(dir);
        assertEquals(1, again.readAll("test", RecordKind.CONFIG).size());
        assertEquals(List.of(), tempFiles());
    }

    @Test
    void badNamesAreRefusedWithInvalidArg() {
        FileStateStore store = new FileStateStore(dir);
        for (String bad : Arrays.asList(null, "", ".", "..", ".hidden", "a/b", "../x", "a b", "x\0y",
                "k".repeat(201))) {
            VirtException e = assertThrows(VirtException.class,
                    () -> store.write("test", RecordKind.CONFIG, bad, new byte[1]), "key " + bad);
            assertEquals(ErrorCode.INVALID_ARG, e.code());
            assertTrue(e.getMessage().contains("state store key"), e.getMessage());
            VirtException d = assertThrows(VirtException.class,
                    () -> store.read(bad, RecordKind.CONFIG, "k"), "driver " + bad);
            assertEquals(ErrorCode.INVALID_ARG, d.code());
        }
        assertThrows(VirtException.class, () -> store.write("test", null, "k", new byte[1]));
        assertThrows(VirtException.class, () -> store.write("test", RecordKind.CONFIG, "k", null));
        assertFalse(Files.exists(dir.resolve("test/config/k")));
    }

    @Test
    void concurrentWritersNeverLeaveATornRecord() throws Exception {
        FileStateStore store = new FileStateStore(dir);
        // each writer writes records of its own letter and length; a torn record would mix them
        int writers = 6;
        int writesEach = 150;
        store.write("test", RecordKind.STATUS, "dom", content(0, 1));
        ExecutorService pool = Executors.newFixedThreadPool(writers + 1);
        AtomicBoolean done = new AtomicBoolean();
        AtomicInteger reads = new AtomicInteger();
        Future<?> reader = pool.submit(() -> {
            while (!done.get()) {
                byte[] got = store.read("test", RecordKind.STATUS, "dom").orElseThrow();
                assertWhole(got);
                reads.incrementAndGet();
            }
            return null;
        });
        List<Future<?>> futures = new ArrayList<>();
        for (int w = 0; w < writers; w++) {
            int writer = w;
            futures.add(pool.submit(() -> {
                for (int i = 0; i < writesEach; i++) {
                    store.write("test", RecordKind.STATUS, "dom", content(writer, 1000 + writer * 4096 + i));
                }
                return null;
            }));
        }
        for (Future<?> f : futures) {
            f.get();
        }
        done.set(true);
        reader.get();
        pool.shutdown();
        assertWhole(store.read("test", RecordKind.STATUS, "dom").orElseThrow());
        assertTrue(reads.get() > 0);
        assertEquals(List.of(), tempFiles(), "no temporary file is left behind");
        System.out.printf("state store: %d concurrent writes, %d reads, no torn record%n",
                writers * writesEach, reads.get());
    }

    private static byte[] content(int writer, int length) {
        byte[] b = new byte[length];
        Arrays.fill(b, (byte) ('a' + writer));
        return b;
    }

    private static void assertWhole(byte[] got) {
        Set<Byte> letters = new HashSet<>();
        for (byte x : got) {
            letters.add(x);
        }
        assertEquals(1, letters.size(), "a record holds one writer's content only");
    }

    @Test
    void aTempFileLeftByACrashIsIgnoredAndCleanedOnRead() throws Exception {
        FileStateStore store = new FileStateStore(dir);
        store.write("test", RecordKind.CONFIG, "dom", "old".getBytes(UTF_8));
        // a crash between writing the temporary file and renaming it leaves this behind
        Path leftover = dir.resolve("test/config/.dom.8841213.tmp");
        Files.writeString(leftover, "half-writ");
        assertEquals("old", new String(store.read("test", RecordKind.CONFIG, "dom").orElseThrow(), UTF_8));
        Map<String, byte[]> all = store.readAll("test", RecordKind.CONFIG);
        assertEquals(Set.of("dom"), all.keySet());
        assertArrayEquals("old".getBytes(UTF_8), all.get("dom"));
        assertFalse(Files.exists(leftover), "the leftover temporary file is removed");
    }

    @Test
    void directoryComesFromConfigurationThenPropertyThenTheHostsStateBase() {
        HostDirectories user = HostDirectories.resolve(p -> null, e -> null, false);
        HostDirectories root = HostDirectories.resolve(p -> null, e -> null, true);
        assertEquals(Path.of("/srv/a"), FileStateStore.directory("/srv/a", "/srv/b", root));
        assertEquals(Path.of("/srv/b"), FileStateStore.directory("", "/srv/b", root));
        assertEquals(Path.of("/srv/b"), FileStateStore.directory(null, " /srv/b ", root));
        assertEquals(Path.of(System.getProperty("user.dir"), "var", "state"), FileStateStore.directory(" ", null, user));
        assertEquals(Path.of("/var/lib/jvirt/state"), FileStateStore.directory(" ", null, root));
    }

    private List<Path> tempFiles() throws Exception {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(p -> p.getFileName().toString().endsWith(".tmp")).toList();
        }
    }
}
