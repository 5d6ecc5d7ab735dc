package org.jvirt.api.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;

class HostDirectoriesTest {
    private static final Map<String, String> USER_ENV = Map.of("XDG_RUNTIME_DIR", "/run/user/1000",
            "XDG_CACHE_HOME", "/home/u/.xcache", "HOME", "/home/u");

    @Test
    void rootUsesTheSystemFoldersWhateverTheEnvironment() {
        HostDirectories d = HostDirectories.resolve(p -> null, USER_ENV::get, true);
        assertEquals(Path.of("/run/jvirt"), d.run());
        assertEquals(Path.of("/var/lib/jvirt"), d.state());
    }

    @Test
    void aUserRunsInXdgRuntimeDirThenFallsBackToTheCacheDirectoryAsLibvirt() {
        assertEquals(Path.of("/run/user/1000/jvirt"), HostDirectories.resolve(p -> null, USER_ENV::get, false).run());
        Map<String, String> noRuntime = Map.of("XDG_RUNTIME_DIR", "", "XDG_CACHE_HOME", "/home/u/.xcache",
                "HOME", "/home/u");
        assertEquals(Path.of("/home/u/.xcache/jvirt"), HostDirectories.resolve(p -> null, noRuntime::get, false).run());
        Map<String, String> homeOnly = Map.of("HOME", "/home/u");
        assertEquals(Path.of("/home/u/.cache/jvirt"), HostDirectories.resolve(p -> null, homeOnly::get, false).run());
    }

    @Test
    void aUsersStateIsVarUnderTheWorkingDirectory() {
        HostDirectories d = HostDirectories.resolve(p -> null, USER_ENV::get, false);
        assertEquals(Path.of(System.getProperty("user.dir"), "var"), d.state());
    }

    @Test
    void propertiesOverrideTheDefaultsForRootAndUsers() {
        Map<String, String> props = Map.of(HostDirectories.RUN_DIR_PROPERTY, " /tmp/r ",
                HostDirectories.STATE_BASE_PROPERTY, "/srv/jvirt/../jv");
        for (boolean root : new boolean[] {true, false}) {
            HostDirectories d = HostDirectories.resolve(props::get, USER_ENV::get, root);
            assertEquals(Path.of("/tmp/r"), d.run());
            assertEquals(Path.of("/srv/jv"), d.state(), "normalized");
        }
    }

    @Test
    void socketPathsHoldAtMost107Bytes() {
        String dir = "/" + "d".repeat(93);          // 94 bytes
        assertTrue(HostDirectories.fitsUnixSocket(Path.of(dir, "monitor.sock")));   // 94 + 1 + 12 = 107
        assertFalse(HostDirectories.fitsUnixSocket(Path.of(dir, "monitor.sockx")));
        // bytes, not characters: 'é' takes two
        assertFalse(HostDirectories.fitsUnixSocket(Path.of("/" + "é".repeat(54))));
        assertTrue(HostDirectories.fitsUnixSocket(Path.of("/" + "é".repeat(53))));
    }
}
