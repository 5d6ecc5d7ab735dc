package org.jvirt.storage.internal;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.jvirt.api.VirtException;
import org.jvirt.api.spi.RecordKind;
import org.jvirt.api.spi.StateStore;
import org.jvirt.storage.internal.conf.PoolDef;
import org.jvirt.storage.internal.conf.PoolXml;

/**
 * Where pools persist, in the core's state store (driver {@code storage}), keyed by UUID because
 * pool names may hold characters a record key may not: config records {@code <uuid>.xml} (the
 * definition) and {@code <uuid>.autostart}, status records {@code <uuid>.xml} for running pools
 * (libvirt's state files), so a restarted or updated driver finds them running again.
 */
final class PoolRecords {
    static final String DRIVER = "storage";

    private final StateStore store;

    PoolRecords(StateStore store) {
        this.store = store;
    }

    void saveConfig(PoolDef def) throws VirtException {
        store.write(DRIVER, RecordKind.CONFIG, def.uuid() + ".xml", bytes(PoolXml.format(def, 0, 0, 0)));
    }

    void deleteConfig(PoolDef def) throws VirtException {
        store.delete(DRIVER, RecordKind.CONFIG, def.uuid() + ".xml");
        store.delete(DRIVER, RecordKind.CONFIG, def.uuid() + ".autostart");
    }

    void setAutostart(PoolDef def, boolean on) throws VirtException {
        if (on) {
            store.write(DRIVER, RecordKind.CONFIG, def.uuid() + ".autostart", bytes("yes\n"));
        } else {
            store.delete(DRIVER, RecordKind.CONFIG, def.uuid() + ".autostart");
        }
    }

    void saveStatus(PoolDef def) throws VirtException {
        store.write(DRIVER, RecordKind.STATUS, def.uuid() + ".xml", bytes(PoolXml.format(def, 0, 0, 0)));
    }

    void deleteStatus(PoolDef def) throws VirtException {
        store.delete(DRIVER, RecordKind.STATUS, def.uuid() + ".xml");
    }

    Map<String, byte[]> configs() throws VirtException {
        return store.readAll(DRIVER, RecordKind.CONFIG);
    }

    Map<String, byte[]> statuses() throws VirtException {
        return store.readAll(DRIVER, RecordKind.STATUS);
    }

    static String text(byte[] b) {
        return new String(b, StandardCharsets.UTF_8);
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
