package org.jvirt.storage.internal;

import org.jvirt.api.StorageVolType;
import org.jvirt.api.spi.StoragePoolDefinition;
import org.jvirt.api.spi.StorageVolDefinition;
import org.jvirt.storage.internal.conf.PoolType;
import org.jvirt.storage.internal.conf.VolDef;
import org.jvirt.storage.internal.conf.VolXml;

/** A {@link VolDef} handed to another driver through {@link StorageConfComponent}. */
record ParsedVolume(VolDef def) implements StorageVolDefinition {

    @Override
    public String name() {
        return def.name();
    }

    @Override
    public String key() {
        return def.key();
    }

    @Override
    public String path() {
        return def.path();
    }

    @Override
    public StorageVolType type() {
        return def.type();
    }

    @Override
    public long capacity() {
        return def.capacity();
    }

    @Override
    public long allocation() {
        return def.allocation();
    }

    @Override
    public StorageVolDefinition withTarget(String path, String key) {
        return new ParsedVolume(def.withTarget(path, key, def.type()));
    }

    @Override
    public StorageVolDefinition withSizes(long capacity, long allocation) {
        return new ParsedVolume(def.withSizes(capacity, allocation));
    }

    @Override
    public String format(StoragePoolDefinition pool) {
        PoolType type = pool instanceof ParsedPool p ? p.def().type() : PoolType.DIR;
        return VolXml.format(def, type);
    }
}
