package org.jvirt.core.store;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.VirtException;
import org.jvirt.api.spi.HostDirectories;
import org.jvirt.api.spi.RecordKind;
import org.jvirt.api.spi.StateStore;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link StateStore} as files: {@code <dir>/<driver>/<config|status>/<key>}.
 * <p>
 * A write goes to a temporary file in the record's directory ({@code .<key>.<random>.tmp}), is
 * forced to disk, renamed over the record atomically, and the directory is forced too: after a
 * crash a record holds the old or the new content, never a mix. Temporary files a crash left
 * behind are never read as records and are deleted by {@link #readAll}. Names may not start with
 * a dot, so no key can collide with a temporary file or climb out of its directory.
 * <p>
 * Without OSGi: {@code new FileStateStore(tempDir)}.
 */
@Component(service = StateStore.class, configurationPid = StateStoreConfig.PID)
@Designate(ocd = StateStoreConfig.class)
public final class FileStateStore implements StateStore {
    private static final Logger LOG = LoggerFactory.getLogger(FileStateStore.class);

    /** Framework (or system) property naming the directory when the configuration does not. */
    public static final String DIR_PROPERTY = "jvirt.state.dir";

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-][A-Za-z0-9._-]{0,199}");
    private static final String TEMP_SUFFIX = ".tmp";

    private final Path root;
    /** Temporary files being written right now, which cleaning must not touch. */
    private final Set<Path> inFlight = ConcurrentHashMap.newKeySet();

    @Activate
    public FileStateStore(StateStoreConfig config, BundleContext context) {
        this(directory(config.directory(), context.getProperty(DIR_PROPERTY),
                HostDirectories.ofThisProcess(context::getProperty)));
        LOG.info("state store in {}", root);
    }

    public FileStateStore(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    /**
     * The configured directory, else the property, else {@code state} in the host's state base
     * ({@code /var/lib/jvirt/state} for root, {@code var/state} under the working directory otherwise).
     */
    static Path directory(String configured, String property, HostDirectories host) {
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured.trim());
        }
        if (property != null && !property.isBlank()) {
            return Path.of(property.trim());
        }
        return host.state().resolve("state");
    }

    /** The root directory of this store. */
    public Path root() {
        return root;
    }

    @Override
    public void write(String driver, RecordKind kind, String key, byte[] content) throws VirtException {
        Path dir = dir(driver, kind);
        Path target = dir.resolve(checkName("key", key));
        if (content == null) {
            throw invalid("content of state record " + driver + "/" + key + " must not be null");
        }
        Path tmp = null;
        try {
            ensureDirectory(dir);
            tmp = Files.createTempFile(dir, "." + key + ".", TEMP_SUFFIX);
            inFlight.add(tmp);
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
                ByteBuffer buf = ByteBuffer.wrap(content);
                while (buf.hasRemaining()) {
                    ch.write(buf);
                }
                ch.force(true);
            }
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            syncDirectory(dir);
        } catch (IOException e) {
            throw new VirtException(ErrorCode.WRITE_FAILED, ErrorDomain.CONF, target + ": " + e, e);
        } finally {
            if (tmp != null) {
                inFlight.remove(tmp);
                deleteQuietly(tmp);
            }
        }
    }

    @Override
    public Optional<byte[]> read(String driver, RecordKind kind, String key) throws VirtException {
        Path file = dir(driver, kind).resolve(checkName("key", key));
        try {
            return Optional.of(Files.readAllBytes(file));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new VirtException(ErrorCode.READ_FAILED, ErrorDomain.CONF, file + ": " + e, e);
        }
    }

    @Override
    public Map<String, byte[]> readAll(String driver, RecordKind kind) throws VirtException {
        Path dir = dir(driver, kind);
        Map<String, byte[]> out = new TreeMap<>();
        if (!Files.isDirectory(dir)) {
            return out;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir)) {
            for (Path file : files) {
                String name = file.getFileName().toString();
                if (name.startsWith(".")) {
                    if (name.endsWith(TEMP_SUFFIX) && !inFlight.contains(file)) {
                        LOG.info("removing {}, left over by an interrupted write", file);
                        deleteQuietly(file);
                    }
                    continue;
                }
                if (!NAME.matcher(name).matches() || !Files.isRegularFile(file)) {
                    continue;
                }
                try {
                    out.put(name, Files.readAllBytes(file));
                } catch (NoSuchFileException e) {
                    // deleted since it was listed
                }
            }
        } catch (IOException e) {
            throw new VirtException(ErrorCode.READ_FAILED, ErrorDomain.CONF, dir + ": " + e, e);
        }
        return out;
    }

    @Override
    public void delete(String driver, RecordKind kind, String key) throws VirtException {
        Path dir = dir(driver, kind);
        Path file = dir.resolve(checkName("key", key));
        try {
            if (Files.deleteIfExists(file)) {
                syncDirectory(dir);
            }
        } catch (IOException e) {
            throw new VirtException(ErrorCode.WRITE_FAILED, ErrorDomain.CONF, file + ": " + e, e);
        }
    }

    private Path dir(String driver, RecordKind kind) throws VirtException {
        if (kind == null) {
            throw invalid("record kind must not be null");
        }
        return root.resolve(checkName("driver", driver)).resolve(kind.name().toLowerCase(Locale.ROOT));
    }

    private static String checkName(String what, String name) throws VirtException {
        if (name == null || !NAME.matcher(name).matches()) {
            throw invalid("state store " + what + " '" + name + "' must be 1 to 200 letters, digits,"
                    + " '.', '_' or '-' and must not start with '.'");
        }
        return name;
    }

    private static VirtException invalid(String message) {
        return new VirtException(ErrorCode.INVALID_ARG, ErrorDomain.CONF, message);
    }

    /** Creates the directory and makes its new entries in the parents durable. */
    private void ensureDirectory(Path dir) throws IOException {
        if (Files.isDirectory(dir)) {
            return;
        }
        Files.createDirectories(dir);
        syncDirectory(dir.getParent()); // the driver directory lists the new kind directory
        syncDirectory(root);            // the root lists the driver directory
        if (root.getParent() != null) {
            syncDirectory(root.getParent());
        }
    }

    private static void syncDirectory(Path dir) throws IOException {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            LOG.debug("cannot delete {}", file, e);
        }
    }
}
