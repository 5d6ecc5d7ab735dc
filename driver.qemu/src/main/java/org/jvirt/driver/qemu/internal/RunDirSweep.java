package org.jvirt.driver.qemu.internal;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jvirt.driver.qemu.internal.domain.QemuDomainObj;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Removes from a host's run folder what no running guest owns: pid files and
 * domain folders ({@code domain-<id>-<name>}, the master key) of guests a killed daemon was
 * starting or stopping. libvirt removes them in qemuProcessStop; a daemon that died before that
 * leaves them, and the next guest with the same id would find them. Runs after the reattach and
 * before any start.
 */
final class RunDirSweep {
    private static final Logger LOG = LoggerFactory.getLogger(RunDirSweep.class);
    private static final Pattern GUEST_FILE = Pattern.compile("[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}\\.pid");
    private static final Pattern DOMAIN_DIR = Pattern.compile("domain-(\\d+)-.*");

    private final Path runDir;

    RunDirSweep(Path runDir) {
        this.runDir = runDir;
    }

    void sweep(Collection<QemuDomainObj> domains) {
        if (!Files.isDirectory(runDir)) {
            return;
        }
        Set<String> owned = new HashSet<>();
        Set<String> ids = new HashSet<>();
        for (QemuDomainObj d : domains) {
            if (d.isActive()) {
                owned.add(d.uuid() + ".pid");
                ids.add(Integer.toString(d.id()));
            }
        }
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(runDir)) {
            for (Path p : entries) {
                String name = p.getFileName().toString();
                Matcher dir = DOMAIN_DIR.matcher(name);
                if (GUEST_FILE.matcher(name).matches() && !owned.contains(name)) {
                    LOG.info("removing {}, left by a guest that no longer runs", p);
                    Lifecycle.deleteQuietly(p);
                } else if (dir.matches() && Files.isDirectory(p) && !ids.contains(dir.group(1))) {
                    LOG.info("removing {}, left by a guest that no longer runs", p);
                    deleteTree(p);
                }
            }
        } catch (IOException e) {
            LOG.warn("cannot sweep {}: {}", runDir, e.toString());
        }
    }

    private static void deleteTree(Path dir) {
        try (var paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            LOG.warn("cannot remove {}: {}", dir, e.toString());
        }
    }
}
