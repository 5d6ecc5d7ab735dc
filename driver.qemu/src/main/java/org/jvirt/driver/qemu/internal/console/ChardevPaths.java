package org.jvirt.driver.qemu.internal.console;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jvirt.api.xml.CharDevice;
import org.jvirt.api.xml.CharSource;
import org.jvirt.api.xml.Device;
import org.jvirt.api.xml.DomainDef;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The host side of the guest's {@code pty} character devices, which QEMU picks at start-up
 * (libvirt's qemuProcessRefreshChardevPaths): {@code query-chardev} names each backend
 * {@code char<alias>} with {@code pty:/dev/pts/N}; the live definition gets that path as its
 * {@code <source path=>}, so {@code dumpxml} shows it and the console can open it.
 */
public final class ChardevPaths {
    private static final String PTY_PREFIX = "pty:";

    private ChardevPaths() {
    }

    /** {@code live} with the pty paths of {@code queryChardev} (the command's return array) filled in. */
    public static DomainDef fill(DomainDef live, JsonNode queryChardev) {
        Map<String, String> ptyByLabel = new HashMap<>();
        for (JsonNode c : queryChardev) {
            String file = c.path("filename").asText("");
            if (file.startsWith(PTY_PREFIX)) {
                ptyByLabel.put(c.path("label").asText(), file.substring(PTY_PREFIX.length()));
            }
        }
        if (ptyByLabel.isEmpty()) {
            return live;
        }
        List<Device> all = new ArrayList<>();
        boolean changed = false;
        for (Device d : live.devices().all()) {
            if (d instanceof CharDevice c && isPty(c)) {
                String path = ptyByLabel.get("char" + ConsoleDevices.backendAlias(live, c));
                if (path != null) {
                    CharSource src = c.source() == null ? CharSource.builder().path(path).build()
                            : c.source().toBuilder().path(path).build();
                    d = c.toBuilder().source(src).build();
                    changed = true;
                }
            }
            all.add(d);
        }
        return changed ? live.withDevices(live.devices().withAll(all)) : live;
    }

    static boolean isPty(CharDevice c) {
        return c.type() == null || "pty".equals(c.type());
    }
}
