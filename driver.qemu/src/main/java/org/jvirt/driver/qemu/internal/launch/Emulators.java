package org.jvirt.driver.qemu.internal.launch;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jvirt.api.VirtException;
import org.jvirt.api.xml.DomainDef;
import org.jvirt.driver.qemu.internal.QemuErrors;

/** Finds the emulator binary of a domain: its {@code <emulator>}, or qemu-system-ARCH on the search path. */
public final class Emulators {
    private final List<Path> searchPath;

    /** @param configured folders to search; empty means the {@code PATH} environment variable */
    public Emulators(String[] configured) {
        List<Path> dirs = new ArrayList<>();
        if (configured != null && configured.length > 0) {
            for (String d : configured) {
                dirs.add(Path.of(d));
            }
        } else {
            String path = System.getenv("PATH");
            for (String d : (path == null ? "" : path).split(File.pathSeparator)) {
                if (!d.isEmpty()) {
                    dirs.add(Path.of(d));
                }
            }
        }
        this.searchPath = List.copyOf(dirs);
    }

    public Path find(DomainDef def) throws VirtException {
        String explicit = def.devices().emulator();
        if (explicit != null && !explicit.isEmpty()) {
            Path p = Path.of(explicit);
            if (!Files.isExecutable(p)) {
                throw QemuErrors.system("Cannot check QEMU binary " + explicit + ": No such file or directory");
            }
            return p;
        }
        return forArch(def.os() == null || def.os().arch() == null ? "x86_64" : def.os().arch());
    }

    /** qemu-system-{@code arch} from the search path. */
    public Path forArch(String arch) throws VirtException {
        String binary = "qemu-system-" + arch;
        for (Path dir : searchPath) {
            Path p = dir.resolve(binary);
            if (Files.isExecutable(p)) {
                return p;
            }
        }
        throw QemuErrors.unsupported("no emulator for arch '" + arch + "': " + binary + " not found in "
                + searchPath);
    }

    /**
     * Every {@code qemu-system-ARCH} binary on the search path, the first of each name, in search
     * path order; variants such as {@code qemu-system-x86_64-microvm} are not architectures.
     */
    public List<Path> all() {
        Map<String, Path> found = new LinkedHashMap<>();
        for (Path dir : searchPath) {
            if (!Files.isDirectory(dir)) {
                continue;
            }
            try (var s = Files.list(dir)) {
                s.sorted().forEach(p -> {
                    String n = p.getFileName().toString();
                    if (n.matches("qemu-system-[a-z0-9_]+") && Files.isExecutable(p)) {
                        found.putIfAbsent(n, p);
                    }
                });
            } catch (IOException e) {
                // an unreadable folder offers no emulator, as for PATH lookups
            }
        }
        return List.copyOf(found.values());
    }
}
