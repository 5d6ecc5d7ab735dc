package org.jvirt.driver.xen.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.SortedSet;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Xen package cache of the xl oracle follows Debian: packages of another version than apt
 * would download now are replaced, current ones are not downloaded again.
 */
class XlToolstackCacheTest {
    @TempDir
    Path dir;

    @Test
    void printUrisNamesTheFiles() {
        String out = "'http://deb.example/pool/main/y/yajl/libyajl2_2.1.0-3%2bdeb12u2_amd64.deb' "
                + "libyajl2_2.1.0-3+deb12u2_amd64.deb 22960 SHA256:b512\n"
                + "'http://deb.example/pool/updates/main/x/xen/xen-utils-4.17_4.17.7%2b13-g2445b30a44-0%2bdeb12u1_amd64.deb'"
                + " xen-utils-4.17_4.17.7+13-g2445b30a44-0+deb12u1_amd64.deb 1372500 SHA256:1c92\n"
                + "W: some warning\n";
        assertEquals(List.of("libyajl2_2.1.0-3+deb12u2_amd64.deb", "xen-utils-4.17_4.17.7+13-g2445b30a44-0+deb12u1_amd64.deb"),
                XlToolstack.debFileNames(out));
    }

    @Test
    void anOutdatedPackageIsReplacedAndCurrentOnesAreKept() throws Exception {
        Path shared = XlToolstack.cachedDebs();
        SortedSet<String> current = XlToolstack.cachedFiles(shared);
        Path cache = Files.createDirectories(dir.resolve("cache"));
        FileTime old = FileTime.fromMillis(1_000_000_000_000L);
        String replaced = current.stream().filter(f -> f.startsWith("xen-utils-common_")).findFirst().orElseThrow();
        for (String f : current) {
            if (!f.equals(replaced)) {
                Files.copy(shared.resolve(f), cache.resolve(f));
                Files.setLastModifiedTime(cache.resolve(f), old);
            }
        }
        Path stale = cache.resolve("xen-utils-common_4.17.0-1_all.deb");
        Files.writeString(stale, "an older version");
        Files.writeString(cache.resolve(".complete"), "what an earlier run downloaded");

        XlToolstack.cachedDebs(cache);
        assertEquals(current, XlToolstack.cachedFiles(cache));
        assertFalse(Files.exists(stale), "the older version is gone");
        assertTrue(Files.size(cache.resolve(replaced)) > 1000, "the current version was downloaded");
        assertEquals(old, Files.getLastModifiedTime(cache.resolve(current.first())), "current packages are kept");
        assertEquals(String.join("\n", current), Files.readString(cache.resolve(".complete")));

        FileTime downloaded = Files.getLastModifiedTime(cache.resolve(replaced));
        XlToolstack.cachedDebs(cache);
        assertEquals(downloaded, Files.getLastModifiedTime(cache.resolve(replaced)), "an up-to-date cache is reused");
    }
}
