package org.jvirt.driver.test.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArraySet;

import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.StoragePoolEvent;
import org.jvirt.api.StoragePoolEventType;
import org.jvirt.api.StoragePoolInfo;
import org.jvirt.api.StoragePoolListFlag;
import org.jvirt.api.VirtException;
import org.jvirt.api.spi.StorageConf;
import org.jvirt.api.spi.StorageEventSink;
import org.jvirt.api.spi.StoragePoolDefinition;
import org.jvirt.api.spi.StoragePoolRef;

/**
 * The storage pools of one test host, in memory only: libvirt's test driver pool functions
 * ({@code testStoragePool*}) over its {@code virStoragePoolObjList}, with the storage bundle's XML
 * ({@link StorageConf}); {@link TestVolumes} has the volume functions. Nothing touches the host's
 * disks. The driver's own checks fail in the TEST error domain, the object list's (duplicates,
 * source conflicts) in STORAGE, as in libvirt. One lock, this object's, for pools and volumes.
 */
final class TestPools {
    private static final int FLAG_VALIDATE = 1;

    private final StorageConf conf;
    private final Map<UUID, TestPoolObj> pools = new LinkedHashMap<>();
    private final CopyOnWriteArraySet<StorageEventSink> sinks = new CopyOnWriteArraySet<>();

    TestPools(StorageConf conf) {
        this.conf = conf;
    }

    StorageConf conf() {
        return conf;
    }

    void addSink(StorageEventSink sink) {
        sinks.add(sink);
    }

    void removeSink(StorageEventSink sink) {
        sinks.remove(sink);
    }

    /** A pool of the host's file or of the default host: persistent and running ({@code testParseStorage}). */
    synchronized TestPoolObj load(StoragePoolDefinition def) throws VirtException {
        TestPoolObj obj = add(def, false);
        obj.active = true;
        return obj;
    }

    synchronized List<StoragePoolRef> list(int flags) throws VirtException {
        TestDriverErrors.checkFlags(flags, StoragePoolListFlag.all(), "testConnectListAllStoragePools");
        int types = flags & ~(StoragePoolListFlag.DIR.bit() - 1);
        List<StoragePoolRef> out = new ArrayList<>();
        for (TestPoolObj o : pools.values()) {
            if (pair(flags, StoragePoolListFlag.ACTIVE, StoragePoolListFlag.INACTIVE, o.active)
                    && pair(flags, StoragePoolListFlag.PERSISTENT, StoragePoolListFlag.TRANSIENT, o.persistent)
                    && pair(flags, StoragePoolListFlag.AUTOSTART, StoragePoolListFlag.NO_AUTOSTART, o.autostart)
                    && (types == 0 || (types & typeBit(o.def.type())) != 0)) {
                out.add(o.ref());
            }
        }
        return out;
    }

    private static int typeBit(String type) {
        for (StoragePoolListFlag f : StoragePoolListFlag.values()) {
            if (f.name().replace("_", "-").equalsIgnoreCase(type)) {
                return f.bit();
            }
        }
        return 0;
    }

    private static boolean pair(int flags, StoragePoolListFlag yes, StoragePoolListFlag no, boolean value) {
        boolean y = (flags & yes.bit()) != 0;
        boolean n = (flags & no.bit()) != 0;
        return y == n || (y ? value : !value);
    }

    synchronized StoragePoolRef lookupByName(String name) throws VirtException {
        return byName(name).ref();
    }

    synchronized StoragePoolRef lookupByUuid(UUID uuid) throws VirtException {
        TestPoolObj o = pools.get(uuid);
        if (o == null) {
            throw noPool("no storage pool with matching uuid '" + uuid + "'");
        }
        return o.ref();
    }

    synchronized StoragePoolRef define(String xml, int flags) throws VirtException {
        TestDriverErrors.checkFlags(flags, FLAG_VALIDATE, "testStoragePoolDefineXML");
        TestPoolObj obj = add(conf.parsePool(xml), false);
        emit(obj, StoragePoolEventType.DEFINED);
        return obj.ref();
    }

    synchronized StoragePoolRef create(String xml, int flags) throws VirtException {
        TestDriverErrors.checkFlags(flags, 0, "testStoragePoolCreateXML");
        TestPoolObj obj = add(conf.parsePool(xml), true);
        obj.active = true;
        emit(obj, StoragePoolEventType.STARTED);
        return obj.ref();
    }

    /** virStoragePoolObjListAdd: a new pool, or the new definition of the one with this UUID. */
    private TestPoolObj add(StoragePoolDefinition def, boolean live) throws VirtException {
        TestPoolObj obj = pools.get(def.uuid());
        if (obj != null) {
            if (!obj.def.name().equals(def.name())) {
                throw failed("pool '" + obj.def.name() + "' is already defined with uuid " + def.uuid());
            }
            if (live && obj.active) {
                throw new VirtException(ErrorCode.OPERATION_INVALID, ErrorDomain.STORAGE,
                        "pool is already active as '" + obj.def.name() + "'");
            }
        } else {
            for (TestPoolObj o : pools.values()) {
                if (o.def.name().equals(def.name())) {
                    throw failed("pool '" + def.name() + "' already exists with uuid " + o.def.uuid());
                }
            }
        }
        for (TestPoolObj o : pools.values()) {
            // virStoragePoolObjSourceFindDuplicate, for the pools that are a directory
            if (o != obj && def.targetPath() != null && o.def.type().equals(def.type())
                    && Objects.equals(o.def.targetPath(), def.targetPath())
                    && (def.type().equals("dir") || def.type().equals("fs") || def.type().equals("netfs"))) {
                throw failed("Storage source conflict with pool: '" + o.def.name() + "'");
            }
        }
        if (obj == null) {
            obj = new TestPoolObj(def);
            pools.put(def.uuid(), obj);
        } else {
            obj.def = def;
        }
        obj.persistent |= !live;
        return obj;
    }

    synchronized void build(StoragePoolRef ref, int flags) throws VirtException {
        TestDriverErrors.checkFlags(flags, 0, "testStoragePoolBuild");
        inactive(ref.name());
    }

    synchronized void start(StoragePoolRef ref, int flags) throws VirtException {
        TestDriverErrors.checkFlags(flags, 0, "testStoragePoolCreate");
        TestPoolObj obj = inactive(ref.name());
        obj.active = true;
        emit(obj, StoragePoolEventType.STARTED);
    }

    synchronized void destroy(StoragePoolRef ref) throws VirtException {
        TestPoolObj obj = active(ref.name());
        obj.active = false;
        emit(obj, StoragePoolEventType.STOPPED);
        if (!obj.persistent) {
            pools.remove(obj.def.uuid());
        }
    }

    synchronized void delete(StoragePoolRef ref, int flags) throws VirtException {
        TestDriverErrors.checkFlags(flags, 0, "testStoragePoolDelete");
        inactive(ref.name());
    }

    synchronized void undefine(StoragePoolRef ref) throws VirtException {
        TestPoolObj obj = inactive(ref.name());
        emit(obj, StoragePoolEventType.UNDEFINED);
        pools.remove(obj.def.uuid());
    }

    synchronized void refresh(StoragePoolRef ref, int flags) throws VirtException {
        TestDriverErrors.checkFlags(flags, 0, "testStoragePoolRefresh");
        emit(active(ref.name()), StoragePoolEventType.REFRESHED);
    }

    synchronized StoragePoolInfo info(StoragePoolRef ref) throws VirtException {
        return byName(ref.name()).info();
    }

    synchronized String xml(StoragePoolRef ref, int flags) throws VirtException {
        TestDriverErrors.checkFlags(flags, 0, "testStoragePoolGetXMLDesc");
        return byName(ref.name()).xml();
    }

    synchronized boolean autostart(StoragePoolRef ref) throws VirtException {
        return byName(ref.name()).autostart;
    }

    synchronized void setAutostart(StoragePoolRef ref, boolean on) throws VirtException {
        TestPoolObj obj = byName(ref.name());
        if (!obj.persistent) {
            throw TestDriverErrors.invalidArg(ErrorDomain.TEST, "pool has no config file");
        }
        obj.autostart = on;
    }

    synchronized boolean isActive(StoragePoolRef ref) throws VirtException {
        return byUuid(ref).active;
    }

    synchronized boolean isPersistent(StoragePoolRef ref) throws VirtException {
        return byUuid(ref).persistent;
    }

    /** The pools to search by volume key or path. Lock held. */
    List<TestPoolObj> all() {
        return new ArrayList<>(pools.values());
    }

    /** testStoragePoolObjFindByName. Lock held. */
    TestPoolObj byName(String name) throws VirtException {
        for (TestPoolObj o : pools.values()) {
            if (o.def.name().equals(name)) {
                return o;
            }
        }
        throw noPool("no storage pool with matching name '" + name + "'");
    }

    /** testStoragePoolObjFindByUUID. Lock held. */
    TestPoolObj byUuid(StoragePoolRef ref) throws VirtException {
        TestPoolObj o = pools.get(ref.uuid());
        if (o == null) {
            throw noPool("no storage pool with matching uuid '" + ref.uuid() + "'");
        }
        return o;
    }

    /** testStoragePoolObjFindActiveByName. Lock held. */
    TestPoolObj active(String name) throws VirtException {
        TestPoolObj o = byName(name);
        if (!o.active) {
            throw TestDriverErrors.invalid(ErrorDomain.TEST, "storage pool '" + name + "' is not active");
        }
        return o;
    }

    private TestPoolObj inactive(String name) throws VirtException {
        TestPoolObj o = byName(name);
        if (o.active) {
            throw TestDriverErrors.invalid(ErrorDomain.TEST, "storage pool '" + name + "' is active");
        }
        return o;
    }

    private static VirtException noPool(String message) {
        return new VirtException(ErrorCode.NO_STORAGE_POOL, ErrorDomain.TEST, message);
    }

    private static VirtException failed(String message) {
        return new VirtException(ErrorCode.OPERATION_FAILED, ErrorDomain.STORAGE, message);
    }

    private void emit(TestPoolObj obj, StoragePoolEventType type) {
        StoragePoolEvent event = new StoragePoolEvent(obj.def.uuid(), obj.def.name(), type);
        sinks.forEach(s -> s.accept(event));
    }
}
