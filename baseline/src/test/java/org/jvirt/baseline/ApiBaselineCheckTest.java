package org.jvirt.baseline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import aQute.bnd.service.diff.Delta;
import aQute.bnd.version.Version;

/**
 * bnd's semantic versioning rules as the check applies them, on bundles compiled here: the
 * reference is taken from version 1 and goes through its text form, as a committed one does.
 */
class ApiBaselineCheckTest {
    private static final String SERVICE_V1 = """
            package demo.api;
            /** Implemented by the API's provider only. */
            @org.osgi.annotation.versioning.ProviderType
            public interface Service {
                String name();
            }
            """;
    private static final String LISTENER_V1 = """
            package demo.api;
            /** Implemented by the API's users. */
            @org.osgi.annotation.versioning.ConsumerType
            public interface Listener {
                void changed(String what);
            }
            """;
    private static final String EXTRA = """
            package demo.extra;
            public record Extra(int value) {
            }
            """;

    @TempDir
    Path tmp;
    private FixtureBundles fixtures;
    private ApiReference reference;

    @BeforeEach
    void takeReference() throws Exception {
        fixtures = new FixtureBundles(tmp);
        ApiReference v1 = ApiReference.of(fixtures.bundle("demo.api;version=1.0.0,demo.extra;version=1.0.0",
                Map.of("demo/api/Service.java", SERVICE_V1, "demo/api/Listener.java", LISTENER_V1, "demo/extra/Extra.java", EXTRA)));
        Path file = tmp.resolve("demo.txt");
        v1.store(file, List.of("test reference"));
        reference = ApiReference.load(file);
    }

    @Test
    void theReferenceSurvivesItsTextForm() throws Exception {
        assertEquals("demo", reference.bsn());
        assertEquals(Map.of("demo.api", new Version(1, 0, 0), "demo.extra", new Version(1, 0, 0)), reference.exports());
        Path again = tmp.resolve("again.txt");
        reference.store(again, List.of());
        assertEquals(ApiTreeText.write(reference.api()), ApiTreeText.write(ApiReference.load(again).api()));
        assertEquals("a\\\\b\\tc\\nd", ApiTreeText.escape("a\\b\tc\nd"));
        assertEquals("a\\b\tc\nd", ApiTreeText.unescape(ApiTreeText.escape("a\\b\tc\nd")));
    }

    @Test
    void anUnchangedApiPasses() throws Exception {
        List<ApiBaselineCheck.PackageResult> results = check("1.0.0", SERVICE_V1, LISTENER_V1);
        assertEquals(2, results.size());
        results.forEach(r -> assertEquals(Delta.UNCHANGED, r.delta(), r.describe()));
        results.forEach(r -> assertFalse(r.problem(), r.describe()));
    }

    @Test
    void aRemovedMethodNeedsTheNextMajorVersion() throws Exception {
        String without = SERVICE_V1.replace("String name();", "");
        ApiBaselineCheck.PackageResult api = api(check("1.1.0", without, LISTENER_V1));
        assertTrue(api.problem(), api.describe());
        assertEquals(Delta.MAJOR, api.delta());
        assertEquals(new Version(2, 0, 0), api.required());
        assertTrue(api.reason().contains("needs version 2.0.0") && api.reason().contains("name()"), api.reason());

        assertFalse(api(check("2.0.0", without, LISTENER_V1)).problem());
    }

    @Test
    void aMethodAddedToAProviderTypeNeedsAMinorBump() throws Exception {
        String added = SERVICE_V1.replace("String name();", "String name();\n    String id();");
        ApiBaselineCheck.PackageResult same = api(check("1.0.0", added, LISTENER_V1));
        assertTrue(same.problem(), same.describe());
        assertEquals(Delta.MINOR, same.delta());
        assertEquals(new Version(1, 1, 0), same.required());

        ApiBaselineCheck.PackageResult bumped = api(check("1.1.0", added, LISTENER_V1));
        assertFalse(bumped.problem(), bumped.describe());
        assertEquals(Delta.MINOR, bumped.delta());
    }

    @Test
    void aMethodAddedToAConsumerTypeIsMajor() throws Exception {
        String added = LISTENER_V1.replace("void changed(String what);", "void changed(String what);\n    void closed();");
        ApiBaselineCheck.PackageResult api = api(check("1.1.0", SERVICE_V1, added));
        assertTrue(api.problem(), api.describe());
        assertEquals(Delta.MAJOR, api.delta());
        assertEquals(new Version(2, 0, 0), api.required());
    }

    @Test
    void aDefaultMethodAddedToAConsumerTypeIsMinor() throws Exception {
        // the SPI's habit: optional operations get a default, existing implementations keep working
        String added = LISTENER_V1.replace("void changed(String what);",
                "void changed(String what);\n    default void closed() {\n    }");
        assertTrue(api(check("1.0.0", SERVICE_V1, added)).problem());
        ApiBaselineCheck.PackageResult api = api(check("1.1.0", SERVICE_V1, added));
        assertFalse(api.problem(), api.describe());
        assertEquals(Delta.MINOR, api.delta());
    }

    @Test
    void aPackageThatIsNoLongerExportedIsABreak() throws Exception {
        List<ApiBaselineCheck.PackageResult> results = ApiBaselineCheck.compare(reference, ApiReference.of(fixtures.bundle(
                "demo.api;version=1.0.0", Map.of("demo/api/Service.java", SERVICE_V1, "demo/api/Listener.java", LISTENER_V1))));
        ApiBaselineCheck.PackageResult extra = results.stream().filter(r -> r.pkg().equals("demo.extra")).findFirst().orElseThrow();
        assertEquals(Delta.REMOVED, extra.delta());
        assertTrue(extra.problem(), extra.describe());
        assertEquals(new Version(2, 0, 0), extra.required());
    }

    private List<ApiBaselineCheck.PackageResult> check(String apiVersion, String service, String listener) throws Exception {
        ApiReference current = ApiReference.of(fixtures.bundle("demo.api;version=" + apiVersion + ",demo.extra;version=1.0.0",
                Map.of("demo/api/Service.java", service, "demo/api/Listener.java", listener, "demo/extra/Extra.java", EXTRA)));
        return ApiBaselineCheck.compare(reference, current);
    }

    private static ApiBaselineCheck.PackageResult api(List<ApiBaselineCheck.PackageResult> results) {
        return results.stream().filter(r -> r.pkg().equals("demo.api")).findFirst().orElseThrow();
    }
}
