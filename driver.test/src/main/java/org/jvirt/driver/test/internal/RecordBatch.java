package org.jvirt.driver.test.internal;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

import org.jvirt.api.VirtException;
import org.jvirt.api.spi.RecordKind;
import org.jvirt.api.spi.StateStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Several state store records written as one change. The store makes each record atomic; this
 * makes the set all-or-nothing as far as the store lets it: before a record is replaced its old
 * content is read, and when a later write fails the earlier ones are put back in reverse order.
 * (A store that fails the put-back too is logged; the caller still gets the first error.)
 */
final class RecordBatch {
    private static final Logger LOG = LoggerFactory.getLogger(RecordBatch.class);

    /** One record to write, or to delete when {@code content} is null. */
    private record Change(RecordKind kind, String key, byte[] content) {
    }

    private final String driver;
    private final List<Change> changes = new ArrayList<>();

    RecordBatch(String driver) {
        this.driver = driver;
    }

    RecordBatch write(RecordKind kind, String key, byte[] content) {
        changes.add(new Change(kind, key, content));
        return this;
    }

    RecordBatch delete(RecordKind kind, String key) {
        changes.add(new Change(kind, key, null));
        return this;
    }

    void apply(StateStore store) throws VirtException {
        Deque<Change> undo = new ArrayDeque<>();
        try {
            for (Change c : changes) {
                Optional<byte[]> old = store.read(driver, c.kind(), c.key());
                put(store, c);
                undo.push(new Change(c.kind(), c.key(), old.orElse(null)));
            }
        } catch (VirtException | RuntimeException e) {
            while (!undo.isEmpty()) {
                Change back = undo.pop();
                try {
                    put(store, back);
                } catch (VirtException | RuntimeException again) {
                    LOG.error("state record {}/{}/{} could not be put back after a failed change ({}); "
                            + "it now holds the new content", driver, back.kind(), back.key(), again.getMessage());
                }
            }
            throw e;
        }
    }

    private void put(StateStore store, Change c) throws VirtException {
        if (c.content() == null) {
            store.delete(driver, c.kind(), c.key());
        } else {
            store.write(driver, c.kind(), c.key(), c.content());
        }
    }
}
