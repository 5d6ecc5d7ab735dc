package org.jvirt.driver.esx.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.jvirt.api.ErrorCode;
import org.jvirt.api.VirtException;
import org.jvirt.api.spi.DomainRef;
import org.jvirt.driver.esx.internal.vi.MoRef;
import org.jvirt.driver.esx.internal.vi.ObjectContent;
import org.jvirt.driver.esx.internal.vi.PropertyCollector;
import org.jvirt.driver.esx.internal.vi.ViErrors;

/**
 * The virtual machines of the connection's compute resource: every VM under its root resource
 * pool, with all the properties the driver shows, in one PropertyCollector call
 * ({@code esxVI_LookupVirtualMachineList}). Lookups read it afresh, so they see changes made
 * elsewhere (the vSphere client, another connection) at once, as libvirt does. A VM the core
 * already holds is read alone by its managed object reference, remembered from the last listing
 * (libvirt asks the SearchIndex, {@code FindByUuid}, each time); when that reference no longer
 * answers with the same UUID, the whole list is read again.
 *
 * <p>A read is handed on once ({@link Fresh}), so that a lookup and the call made right after it
 * on what it found cost one read, not two. The core and the RPC server look a domain up before
 * every call on it (the RPC server by UUID, for every remote call; the core for a domain's ID), so
 * without this every remote call read the VM twice, and every domain a listing returned was read
 * again for its ID. libvirt's handles carry what their lookup found the same way (a listing's
 * {@code virDomainPtr} keeps the ID it was listed with). A read is handed on only within
 * {@link #FRESH_NANOS} and only once, and a VM's changes through this connection drop it
 * ({@link #forget}): later calls read afresh.
 */
final class VmInventory {
    /** How long a read may be handed on to the call after it (a lookup's and its call's distance). */
    static final long FRESH_NANOS = 1_000_000_000L;

    private final PropertyCollector collector;
    private final EsxHost host;
    private final Map<UUID, MoRef> known = new ConcurrentHashMap<>();
    private final Map<UUID, Fresh> fresh = new ConcurrentHashMap<>();

    /**
     * A VM just read, for one more call: by a listing ({@code ref} null) or a lookup, for the next
     * lookup of its UUID; by a lookup, also for the next call on the very reference it returned
     * ({@code ref}, by identity). Whichever comes first takes it.
     */
    private record Fresh(DomainRef ref, Vm vm, long readAt) {
        boolean young() {
            return System.nanoTime() - readAt < FRESH_NANOS;
        }
    }

    VmInventory(PropertyCollector collector, EsxHost host) {
        this.collector = collector;
        this.host = host;
    }

    List<Vm> all() throws VirtException {
        List<Vm> out = new ArrayList<>();
        for (ObjectContent o : collector.retrieve(host.resourcePool(), Map.of("VirtualMachine", Vm.PROPERTIES))) {
            out.add(Vm.of(o));
        }
        known.clear();
        long now = System.nanoTime();
        for (Vm vm : out) {
            known.put(vm.uuid(), vm.ref());
            fresh.put(vm.uuid(), new Fresh(null, vm, now));
        }
        return out;
    }

    /**
     * {@code lookupByUuid}: the VM's reference for the core, its read handed on to the first call
     * made on that reference or the next lookup (the core's, for the ID of what a remote lookup
     * returns). The young read of a listing or an earlier lookup serves instead, once.
     */
    DomainRef lookup(UUID uuid) throws VirtException {
        Fresh f = fresh.remove(uuid);
        if (f != null && f.young()) {
            return f.vm().domainRef();
        }
        return handOn(byUuid(uuid));
    }

    /**
     * {@code vm}'s reference for the core after a lookup, its read handed on to the first call made
     * on it or to the next lookup of its UUID.
     */
    DomainRef handOn(Vm vm) {
        DomainRef ref = vm.domainRef();
        fresh.put(vm.uuid(), new Fresh(ref, vm, System.nanoTime()));
        return ref;
    }

    /** Drops what was read of the VM: the next call reads it afresh (after a change made here). */
    void forget(UUID uuid) {
        fresh.remove(uuid);
    }

    Vm byName(String name) throws VirtException {
        for (Vm vm : all()) {
            if (vm.name().equals(name)) {
                return vm;
            }
        }
        throw ViErrors.of(ErrorCode.NO_DOMAIN, "Could not find domain with name '" + name + "'");
    }

    /**
     * By UUID: the VM remembered from the last listing, read alone, else the whole list. (The RPC
     * server looks every domain of a remote call up by UUID first: one VM, not all, per call.)
     */
    Vm byUuid(UUID uuid) throws VirtException {
        MoRef ref = known.get(uuid);
        if (ref != null) {
            try {
                Vm vm = Vm.of(collector.retrieveOne(ref, Vm.PROPERTIES));
                if (vm.uuid().equals(uuid)) {
                    return vm;
                }
            } catch (VirtException gone) {
                // unregistered or replaced meanwhile: the full listing below decides
            }
        }
        for (Vm vm : all()) {
            if (vm.uuid().equals(uuid)) {
                return vm;
            }
        }
        throw ViErrors.of(ErrorCode.NO_DOMAIN, "Could not find domain with UUID '" + uuid + "'");
    }

    /** {@code esxDomainLookupByID}: only a VM that is not powered off has an ID. */
    Vm byId(int id) throws VirtException {
        for (Vm vm : all()) {
            if (vm.active() && vm.idNumber() == id) {
                return vm;
            }
        }
        throw ViErrors.of(ErrorCode.NO_DOMAIN, "No domain with ID " + id);
    }

    /**
     * The VM behind a reference the core holds, found by UUID (names and IDs can change): the read
     * of the lookup that returned this very reference when it is young and not yet used, else afresh.
     */
    Vm of(DomainRef dom) throws VirtException {
        Vm handedOn = takeFresh(dom);
        return handedOn != null ? handedOn : byUuid(dom.uuid());
    }

    /** A VM with more of its properties ({@link #of(DomainRef, List)}). */
    record VmRead(Vm vm, ObjectContent more) {
    }

    /**
     * The VM behind {@code dom} and its properties {@code more}, in one round trip: read with the
     * VM when the VM must be read, else alone (after a handed-on read, see {@link #of(DomainRef)}).
     */
    VmRead of(DomainRef dom, List<String> more) throws VirtException {
        Vm handedOn = takeFresh(dom);
        if (handedOn != null) {
            return new VmRead(handedOn, collector.retrieveOne(handedOn.ref(), more));
        }
        MoRef ref = known.get(dom.uuid());
        if (ref != null) {
            List<String> paths = new ArrayList<>(Vm.PROPERTIES);
            paths.addAll(more);
            try {
                ObjectContent o = collector.retrieveOne(ref, paths);
                Vm vm = Vm.of(o);
                if (vm.uuid().equals(dom.uuid())) {
                    return new VmRead(vm, o);
                }
            } catch (VirtException gone) {
                // unregistered or replaced meanwhile: found anew below
            }
        }
        Vm vm = byUuid(dom.uuid());
        return new VmRead(vm, collector.retrieveOne(vm.ref(), more));
    }

    /** The young, unused read of the lookup that returned {@code dom} (this very instance), or null. */
    private Vm takeFresh(DomainRef dom) {
        Fresh f = fresh.get(dom.uuid());
        if (f != null && f.ref() == dom && f.young() && fresh.remove(dom.uuid(), f)) {
            return f.vm();
        }
        return null;
    }
}
