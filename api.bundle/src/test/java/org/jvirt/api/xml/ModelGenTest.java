package org.jvirt.api.xml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The generated model classes are exactly what {@code api.bundle/modelgen/gen.py} writes from
 * {@code specs.py}: a class edited by hand, or a spec changed without regenerating, fails here.
 */
class ModelGenTest {
    private static final Path MODULE = Path.of("").toAbsolutePath();
    private static final Path SOURCES = MODULE.resolve("src/main/java/org/jvirt/api/xml");

    @Test
    void committedClassesAreTheGeneratorsOutput(@TempDir Path out) throws Exception {
        Path python = Stream.of("/usr/bin/python3", "/usr/local/bin/python3").map(Path::of)
                .filter(Files::isExecutable).findFirst().orElse(null);
        boolean ci = "true".equals(System.getenv("CI"));
        assumeTrue(python != null || ci, "python3 not installed: the generator check needs it");
        Process p = new ProcessBuilder(String.valueOf(python), "gen.py", "specs.py", out.toString())
                .directory(MODULE.resolve("modelgen").toFile()).redirectErrorStream(true).start();
        String log = new String(p.getInputStream().readAllBytes());
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "gen.py did not finish");
        assertEquals(0, p.exitValue(), log);
        List<String> differing = new ArrayList<>();
        List<Path> generated;
        try (Stream<Path> files = Files.list(out)) {
            generated = files.sorted().toList();
        }
        for (Path g : generated) {
            Path committed = SOURCES.resolve(g.getFileName());
            if (!Files.exists(committed) || !Files.readString(committed).equals(Files.readString(g))) {
                differing.add(g.getFileName().toString());
            }
        }
        assertTrue(generated.size() > 50, "the generator wrote only " + generated.size() + " classes");
        assertEquals(List.of(), differing, "committed classes differ from modelgen's output: regenerate them");
    }
}
