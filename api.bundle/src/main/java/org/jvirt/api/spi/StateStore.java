package org.jvirt.api.spi;

import java.util.Map;
import java.util.Optional;

import org.jvirt.api.VirtException;
import org.osgi.annotation.versioning.ProviderType;

/**
 * A durable store for driver state, registered by the core: per driver, config and status
 * records keyed by name (for example a domain UUID). Writes are atomic (temporary file, fsync,
 * rename), so a record is either the old or the new content, never torn; a restarted or upgraded
 * driver reads back everything it wrote. Thread-safe.
 * <p>
 * {@code driver} and {@code key} must be 1 to 200 characters of letters, digits, {@code . _ -},
 * not starting with {@code .}; others fail with {@link org.jvirt.api.ErrorCode#INVALID_ARG}. I/O failures raise
 * {@link org.jvirt.api.ErrorCode#WRITE_FAILED} or {@link org.jvirt.api.ErrorCode#READ_FAILED}.
 */
@ProviderType
public interface StateStore {

    /** Writes (replaces) a record atomically. */
    void write(String driver, RecordKind kind, String key, byte[] content) throws VirtException;

    /** Reads a record, empty when there is none. */
    Optional<byte[]> read(String driver, RecordKind kind, String key) throws VirtException;

    /** All records of one kind of one driver, by key. */
    Map<String, byte[]> readAll(String driver, RecordKind kind) throws VirtException;

    /** Deletes a record; nothing happens when there is none. */
    void delete(String driver, RecordKind kind, String key) throws VirtException;
}
