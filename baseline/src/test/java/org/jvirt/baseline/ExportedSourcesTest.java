package org.jvirt.baseline;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExportedSourcesTest {
    @TempDir
    Path repo;

    @Test
    void findsThePackagesWithExportInTheirPackageInfo() throws Exception {
        write("a.bundle/src/main/java/org/a/package-info.java", "@Export\n@Version(\"1.0.0\")\npackage org.a;\n");
        write("a.bundle/src/main/java/org/a/internal/package-info.java", "/** private */\npackage org.a.internal;\n");
        write("b.bundle/src/main/java/org/b/spi/package-info.java",
                "/** text */\n@org.osgi.annotation.bundle.Export\npackage org.b.spi;\n");
        write("b.bundle/src/test/java/org/b/fixture/package-info.java", "@Export\npackage org.b.fixture;\n");
        assertEquals(Set.of("org.a", "org.b.spi"), ExportedSources.packages(repo));
    }

    private void write(String path, String text) throws Exception {
        Path file = repo.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }
}
