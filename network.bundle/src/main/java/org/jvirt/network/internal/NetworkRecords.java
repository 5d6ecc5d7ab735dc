package org.jvirt.network.internal;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;

import org.jvirt.api.VirtException;
import org.jvirt.api.spi.RecordKind;
import org.jvirt.api.spi.StateStore;

/**
 * The network driver's records in the core's state store (driver {@code network}), keyed by UUID:
 * config {@code UUID.xml} (the persistent definition), {@code UUID.autostart}; status
 * {@code UUID.xml} (the running definition) and {@code UUID.pid} (dnsmasq) while a network runs, so
 * that a restarted or updated driver finds its running networks again; status
 * {@code NETWORK-UUID.PORT-UUID.port} for each port of a running network (libvirt's port status files).
 */
final class NetworkRecords {
    static final String DRIVER = "network";
    private static final String PORT = ".port";

    private final StateStore store;

    NetworkRecords(StateStore store) {
        this.store = store;
    }

    void writeConfig(UUID uuid, String xml) throws VirtException {
        store.write(DRIVER, RecordKind.CONFIG, uuid + ".xml", xml.getBytes(StandardCharsets.UTF_8));
    }

    void deleteConfig(UUID uuid) throws VirtException {
        store.delete(DRIVER, RecordKind.CONFIG, uuid + ".xml");
        store.delete(DRIVER, RecordKind.CONFIG, uuid + ".autostart");
    }

    void setAutostart(UUID uuid, boolean on) throws VirtException {
        if (on) {
            store.write(DRIVER, RecordKind.CONFIG, uuid + ".autostart", new byte[0]);
        } else {
            store.delete(DRIVER, RecordKind.CONFIG, uuid + ".autostart");
        }
    }

    boolean autostart(UUID uuid) throws VirtException {
        return store.read(DRIVER, RecordKind.CONFIG, uuid + ".autostart").isPresent();
    }

    void writeStatus(UUID uuid, String xml, long pid) throws VirtException {
        store.write(DRIVER, RecordKind.STATUS, uuid + ".pid", Long.toString(pid).getBytes(StandardCharsets.UTF_8));
        store.write(DRIVER, RecordKind.STATUS, uuid + ".xml", xml.getBytes(StandardCharsets.UTF_8));
    }

    void deleteStatus(UUID uuid) throws VirtException {
        store.delete(DRIVER, RecordKind.STATUS, uuid + ".xml");
        store.delete(DRIVER, RecordKind.STATUS, uuid + ".pid");
    }

    void writePort(UUID network, UUID port, String xml) throws VirtException {
        store.write(DRIVER, RecordKind.STATUS, network + "." + port + PORT, xml.getBytes(StandardCharsets.UTF_8));
    }

    void deletePort(UUID network, UUID port) throws VirtException {
        store.delete(DRIVER, RecordKind.STATUS, network + "." + port + PORT);
    }

    /** The port records of a network, XML by record name. */
    Map<String, String> ports(UUID network) throws VirtException {
        Map<String, String> out = new TreeMap<>();
        for (Map.Entry<String, byte[]> e : statuses().entrySet()) {
            if (e.getKey().startsWith(network + ".") && e.getKey().endsWith(PORT)) {
                out.put(e.getKey(), new String(e.getValue(), StandardCharsets.UTF_8));
            }
        }
        return out;
    }

    /** Persistent definitions by UUID. */
    Map<String, byte[]> configs() throws VirtException {
        return store.readAll(DRIVER, RecordKind.CONFIG);
    }

    Map<String, byte[]> statuses() throws VirtException {
        return store.readAll(DRIVER, RecordKind.STATUS);
    }

    Optional<byte[]> status(UUID uuid, String suffix) throws VirtException {
        return store.read(DRIVER, RecordKind.STATUS, uuid + suffix);
    }
}
