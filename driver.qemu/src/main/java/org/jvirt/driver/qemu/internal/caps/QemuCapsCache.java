package org.jvirt.driver.qemu.internal.caps;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Capabilities per emulator binary, probed once and kept while the binary's modification time is
 * unchanged (libvirt's virQEMUCapsCache). Thread-safe; a probe of one binary runs at most once at
 * a time.
 */
public final class QemuCapsCache {
    private static final Logger LOG = LoggerFactory.getLogger(QemuCapsCache.class);

    /** Fills a builder for one binary, typically by starting it and asking over QMP. */
    @FunctionalInterface
    public interface Prober {
        QemuCaps probe(CapsKey key) throws IOException;
    }

    private final Prober prober;
    private final Map<String, QemuCaps> byPath = new ConcurrentHashMap<>();

    public QemuCapsCache(Prober prober) {
        this.prober = prober;
    }

    /** The capabilities of {@code binary}, probed again when it changed since the last probe. */
    public QemuCaps get(Path binary) throws IOException {
        Path abs = binary.toAbsolutePath();
        CapsKey key = new CapsKey(abs.toString(), Files.getLastModifiedTime(abs).toMillis());
        QemuCaps cached = byPath.get(key.binaryPath());
        if (cached != null && cached.key().equals(key)) {
            return cached;
        }
        synchronized (this) {
            cached = byPath.get(key.binaryPath());
            if (cached != null && cached.key().equals(key)) {
                return cached;
            }
            LOG.info("probing capabilities of {} (mtime {})", key.binaryPath(), key.mtimeMillis());
            QemuCaps caps = prober.probe(key);
            byPath.put(key.binaryPath(), caps);
            return caps;
        }
    }

    /** Puts capabilities known by other means (a loaded dump) under their key. */
    public void put(QemuCaps caps) {
        byPath.put(caps.key().binaryPath(), caps);
    }

    public void invalidate(Path binary) {
        byPath.remove(binary.toAbsolutePath().toString());
    }
}
