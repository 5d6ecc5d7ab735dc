package org.jvirt.storage.internal;

import java.util.UUID;

import org.jvirt.api.spi.StoragePoolDefinition;
import org.jvirt.storage.internal.conf.PoolDef;
import org.jvirt.storage.internal.conf.PoolXml;

/** A {@link PoolDef} handed to another driver through {@link StorageConfComponent}. */
record ParsedPool(PoolDef def) implements StoragePoolDefinition {

    @Override
    public String name() {
        return def.name();
    }

    @Override
    public UUID uuid() {
        return def.uuid();
    }

    @Override
    public String type() {
        return def.type().xmlName();
    }

    @Override
    public String targetPath() {
        return def.targetPath();
    }

    @Override
    public String format(long capacity, long allocation, long available) {
        return PoolXml.format(def, capacity, allocation, available);
    }
}
