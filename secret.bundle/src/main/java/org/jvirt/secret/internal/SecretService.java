package org.jvirt.secret.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.locks.ReentrantLock;

import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.SecretEventType;
import org.jvirt.api.SecretListFlag;
import org.jvirt.api.SecretUsageType;
import org.jvirt.api.VirtException;
import org.jvirt.api.spi.SecretRef;
import org.jvirt.secret.internal.conf.SecretDef;
import org.jvirt.secret.internal.conf.SecretSchema;
import org.jvirt.secret.internal.conf.SecretXml;
import org.jvirt.secret.internal.store.SecretRecords;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The secrets of this host and what can be done to them: libvirt's {@code secret_driver.c}, with
 * its checks, its order of persisting and rolling back, its messages and its events. One lock
 * serialises every change, as the driver's own lock does in libvirt. Thread-safe.
 */
final class SecretService {
    private static final Logger LOG = LoggerFactory.getLogger(SecretService.class);
    /** {@code VIR_SECRET_DEFINE_VALIDATE}: the XML is validated against libvirt's secret.rng first. */
    static final int DEFINE_VALIDATE = 1;

    private final SecretXml xml;
    private final SecretSchema schema;
    private final SecretRecords records;
    private final SecretObjects objects = new SecretObjects();
    private final SecretEvents events = new SecretEvents();
    private final ReentrantLock lock = new ReentrantLock();

    SecretService(SecretXml xml, SecretSchema schema, SecretRecords records) {
        this.xml = xml;
        this.schema = schema;
        this.records = records;
    }

    /** Reads the stored secrets ({@code secretStateInitialize}). */
    SecretService load() throws VirtException {
        lock.lock();
        try {
            SecretDef[] backup = new SecretDef[1];
            for (SecretRecords.Loaded l : records.loadAll(xml)) {
                try {
                    objects.add(l.def(), backup).value = l.value();
                } catch (VirtException e) {
                    LOG.warn("stored secret {} is skipped: {}", l.def().uuid(), e.getMessage());
                }
            }
            LOG.debug("{} secrets loaded", objects.list(0).size());
            return this;
        } finally {
            lock.unlock();
        }
    }

    SecretEvents events() {
        return events;
    }

    List<SecretRef> list(int flags) throws VirtException {
        checkFlags(flags, SecretListFlag.all(), "secretConnectListAllSecrets");
        lock.lock();
        try {
            List<SecretRef> out = new ArrayList<>();
            for (SecretDef d : objects.list(flags)) {
                out.add(d.ref());
            }
            return out;
        } finally {
            lock.unlock();
        }
    }

    SecretRef lookupByUuid(UUID uuid) throws VirtException {
        lock.lock();
        try {
            return obj(uuid).def.ref();
        } finally {
            lock.unlock();
        }
    }

    SecretRef lookupByUsage(SecretUsageType type, String usageId) throws VirtException {
        lock.lock();
        try {
            SecretObjects.Obj o = objects.findByUsage(type, usageId);
            if (o == null) {
                throw new VirtException(ErrorCode.NO_SECRET, ErrorDomain.SECRET,
                        "no secret with matching usage '" + usageId + "'");
            }
            return o.def.ref();
        } finally {
            lock.unlock();
        }
    }

    /** {@code secretDefineXML}: add, persist (or forget on disk when it became ephemeral), roll back on failure. */
    SecretRef define(String xmlText, int flags) throws VirtException {
        checkFlags(flags, DEFINE_VALIDATE, "secretDefineXML");
        if ((flags & DEFINE_VALIDATE) != 0) {
            schema.validate(xmlText);
        }
        SecretDef def = xml.parse(xmlText, SecretXml.URL);
        lock.lock();
        try {
            SecretDef[] backup = new SecretDef[1];
            SecretObjects.Obj obj = objects.add(def, backup);
            SecretDef old = backup[0];
            try {
                persistDefinition(obj, old);
            } catch (VirtException e) {
                if (old != null) {
                    obj.def = old;
                } else {
                    objects.remove(def.uuid());
                }
                throw e;
            }
            events.raise(def, SecretEventType.DEFINED);
            LOG.debug("secret {} defined", def.uuid());
            return def.ref();
        } finally {
            lock.unlock();
        }
    }

    private void persistDefinition(SecretObjects.Obj obj, SecretDef old) throws VirtException {
        SecretDef def = obj.def;
        if (!def.ephemeral()) {
            boolean wasEphemeral = old != null && old.ephemeral();
            if (wasEphemeral && obj.value != null) {
                records.saveValue(def.uuid(), obj.value);
            }
            try {
                records.saveConfig(def);
            } catch (VirtException e) {
                if (wasEphemeral) {
                    records.deleteValue(def.uuid());
                }
                throw e;
            }
        } else if (old != null && !old.ephemeral()) {
            records.deleteConfig(def.uuid());
            records.deleteValue(def.uuid());
        }
    }

    String xmlDesc(SecretRef ref, int flags) throws VirtException {
        checkFlags(flags, 0, "secretGetXMLDesc");
        lock.lock();
        try {
            return SecretXml.format(obj(ref.uuid()).def);
        } finally {
            lock.unlock();
        }
    }

    void setValue(SecretRef ref, byte[] value, int flags) throws VirtException {
        checkFlags(flags, 0, "secretSetValue");
        lock.lock();
        try {
            SecretObjects.Obj o = obj(ref.uuid());
            if (!o.def.ephemeral()) {
                records.saveValue(o.def.uuid(), value);
            }
            o.value = value.clone();
            events.raise(o.def, SecretEventType.VALUE_CHANGED);
        } finally {
            lock.unlock();
        }
    }

    byte[] value(SecretRef ref, int flags, boolean internal) throws VirtException {
        checkFlags(flags, 0, "secretGetValue");
        lock.lock();
        try {
            SecretObjects.Obj o = obj(ref.uuid());
            if (!internal && o.def.isPrivate()) {
                throw new VirtException(ErrorCode.INVALID_SECRET, ErrorDomain.SECRET, "secret is private");
            }
            if (o.value == null) {
                throw new VirtException(ErrorCode.NO_SECRET, ErrorDomain.SECRET,
                        "secret '" + o.def.uuid() + "' does not have a value");
            }
            return o.value.clone();
        } finally {
            lock.unlock();
        }
    }

    void undefine(SecretRef ref) throws VirtException {
        lock.lock();
        try {
            SecretObjects.Obj o = obj(ref.uuid());
            if (!o.def.ephemeral()) {
                records.deleteConfig(o.def.uuid());
                records.deleteValue(o.def.uuid());
            }
            objects.remove(o.def.uuid());
            events.raise(o.def, SecretEventType.UNDEFINED);
            LOG.debug("secret {} undefined", o.def.uuid());
        } finally {
            lock.unlock();
        }
    }

    private SecretObjects.Obj obj(UUID uuid) throws VirtException {
        SecretObjects.Obj o = objects.find(uuid);
        if (o == null) {
            throw new VirtException(ErrorCode.NO_SECRET, ErrorDomain.SECRET, "no secret with matching uuid '" + uuid + "'");
        }
        return o;
    }

    /** libvirt's {@code virCheckFlags}: {@code unsupported flags (0x40) in function secretGetValue}. */
    static void checkFlags(int flags, int known, String function) throws VirtException {
        int unknown = flags & ~known;
        if (unknown != 0) {
            throw new VirtException(ErrorCode.INVALID_ARG.number(), ErrorDomain.SECRET.number(),
                    "unsupported flags (0x" + Integer.toHexString(unknown) + ") in function " + function);
        }
    }
}
