package org.jvirt.storage.internal;

import java.util.LinkedHashMap;
import java.util.Map;

import org.jvirt.storage.internal.conf.PoolDef;
import org.jvirt.storage.internal.conf.VolDef;

/** One pool as the driver holds it (libvirt's {@code virStoragePoolObj}); guarded by the service's lock. */
final class PoolObject {
    PoolDef def;
    /** The definition to take effect at the next start, when a running pool was redefined. */
    PoolDef newDef;
    boolean active;
    boolean persistent;
    boolean autostart;
    long capacity;
    long allocation;
    long available;
    final Map<String, VolDef> volumes = new LinkedHashMap<>();

    PoolObject(PoolDef def) {
        this.def = def;
    }
}
