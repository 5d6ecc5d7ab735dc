package org.jvirt.driver.qemu.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.jvirt.api.ErrorCode;
import org.jvirt.api.VirtException;
import org.jvirt.api.spi.DomainRef;

/**
 * Domain names become file names (the guest's log, libvirt's config file): hostile names are
 * refused before anything is stored, and the longest accepted names still make files inside the
 * driver's folders.
 */
class QemuDomainNamesTest {
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

    private Set<Path> files() throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).map(dir::relativize)
                    .filter(p -> !p.startsWith(Path.of("run", "probe"))).collect(Collectors.toSet());
        }
    }

    @Test
    void namesThatCannotNameAFileAreRefusedBeforeAnythingIsStored() throws Exception {
        Set<Path> before = files();
        for (String name : new String[] {"n".repeat(1000), "\u00e9".repeat(124), "a/b", "../../etc"}) {
            VirtException e = assertThrows(VirtException.class,
                    () -> bed.conn.defineXml(TestBed.xml(name, UUID.randomUUID(), 1, ""), 0), name);
            VirtException t = assertThrows(VirtException.class,
                    () -> bed.conn.createXml(TestBed.xml(name, UUID.randomUUID(), 1, ""), 0), name);
            if (name.contains("/")) {
                assertEquals(ErrorCode.XML_ERROR, e.code(), e.getMessage());
                assertEquals("XML error: name " + name + " cannot contain '/'", e.getMessage());
            } else {
                assertEquals(ErrorCode.SYSTEM_ERROR, e.code(), e.getMessage());
                assertTrue(e.getMessage().endsWith("File name too long"), e.getMessage());
            }
            assertEquals(e.getMessage(), t.getMessage());
        }
        VirtException newline = assertThrows(VirtException.class,
                () -> bed.conn.defineXml(TestBed.xml("a\nb", UUID.randomUUID(), 1, ""), 0));
        assertEquals(ErrorCode.XML_DETAIL, newline.code());
        assertEquals("invalid char in name: \n", newline.getMessage());
        assertEquals(0, bed.conn.listAllDomains(0).size());
        assertEquals(before, files());
    }

    @Test
    void theLongestAndOddestNamesStillMakeFilesInsideTheFolders() throws Exception {
        String longest = "\u00e9".repeat(123) + "x"; // 247 bytes in UTF-8
        assertEquals(DomainNames.MAX_BYTES, longest.getBytes(StandardCharsets.UTF_8).length);
        for (String name : new String[] {longest, "..", "r\u00e9seau \u65e5\u672c \uD83D\uDE00"}) {
            DomainRef ref = bed.conn.createXml(TestBed.xml(name, UUID.randomUUID(), 1, ""), 0);
            bed.pid(ref);
            Path log = dir.resolve("log").resolve("system").resolve(name + ".log");
            assertTrue(Files.isRegularFile(log), "no " + log);
            assertEquals(dir.resolve("log").resolve("system"), log.getParent());
            bed.conn.destroy(ref, 0);
        }
        assertEquals(0, bed.conn.listAllDomains(0).size());
    }
}
