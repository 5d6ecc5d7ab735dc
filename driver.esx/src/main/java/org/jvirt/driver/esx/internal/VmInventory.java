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
 */
final class VmInventory {
    private final PropertyCollector collector;
    private final EsxHost host;
    private final Map<UUID, MoRef> known = new ConcurrentHashMap<>();

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
        for (Vm vm : out) {
            known.put(vm.uuid(), vm.ref());
        }
        return out;
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

    /** The VM behind a reference the core holds, found by UUID (names and IDs can change). */
    Vm of(DomainRef dom) throws VirtException {
        return byUuid(dom.uuid());
    }
}
