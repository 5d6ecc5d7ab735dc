package org.jvirt.driver.esx.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

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
 * ({@code esxVI_LookupVirtualMachineList}). Every lookup and every call on a domain reads the VM
 * afresh, so changes made elsewhere (the vSphere client, another connection) show at once, as in
 * libvirt; nothing read is reused.
 *
 * <p>What is remembered is where each VM is: the managed object references of the last listing,
 * by UUID, name and ID. A VM found there is read alone, in one round trip, and its answer checked
 * (the same UUID; the name or the running ID asked for): libvirt asks the SearchIndex first
 * ({@code FindByUuid}) and reads all VMs for a name or an ID. When the reference no longer answers
 * as expected (the VM was unregistered, renamed, powered off, replaced), all VMs are read again.
 * VM names are unique per folder, not per host: for a name two VMs share, a lookup answers the
 * one the last listing met first (libvirt: the one the current listing meets first).
 */
final class VmInventory {
    private final PropertyCollector collector;
    private final EsxHost host;
    private volatile Known known = new Known(Map.of(), Map.of(), Map.of());

    /** Where the VMs of the last listing are (immutable maps, replaced whole). */
    private record Known(Map<UUID, MoRef> byUuid, Map<String, MoRef> byName, Map<Integer, MoRef> byId) {
    }

    VmInventory(PropertyCollector collector, EsxHost host) {
        this.collector = collector;
        this.host = host;
    }

    /**
     * All VMs with the properties {@code paths} ({@link Vm#PROPERTIES}, or fewer: the fields of
     * those not read keep their defaults), and where each one is, for the lookups after.
     */
    List<Vm> all(List<String> paths) throws VirtException {
        List<Vm> out = new ArrayList<>();
        for (ObjectContent o : collector.retrieve(host.resourcePool(), Map.of("VirtualMachine", paths))) {
            out.add(Vm.of(o));
        }
        Map<UUID, MoRef> byUuid = new LinkedHashMap<>();
        Map<String, MoRef> byName = new LinkedHashMap<>();
        Map<Integer, MoRef> byId = new LinkedHashMap<>();
        for (Vm vm : out) {
            byUuid.putIfAbsent(vm.uuid(), vm.ref());
            byName.putIfAbsent(vm.name(), vm.ref());
            byId.putIfAbsent(vm.idNumber(), vm.ref());
        }
        known = new Known(Map.copyOf(byUuid), Map.copyOf(byName), Map.copyOf(byId));
        return out;
    }

    /**
     * {@code esxDomainLookupByName}: the VM the last listing had by that name, else all VMs read.
     * Only its {@link Vm#IDENTITY} is read (for a lookup's answer).
     */
    Vm byName(String name) throws VirtException {
        Vm vm = readIf(known.byName().get(name), Vm.IDENTITY);
        if (vm != null && vm.name().equals(name)) {
            return vm;
        }
        for (Vm each : all(Vm.IDENTITY)) {
            if (each.name().equals(name)) {
                return each;
            }
        }
        throw ViErrors.of(ErrorCode.NO_DOMAIN, "Could not find domain with name '" + name + "'");
    }

    /** {@code esxDomainLookupByUUID} and every call on a domain: one VM read, else all. */
    Vm byUuid(UUID uuid) throws VirtException {
        return byUuid(uuid, Vm.PROPERTIES);
    }

    /** {@link #byUuid(UUID)} with only {@code paths} read when the VM's place is known ({@link Vm#IDENTITY}). */
    Vm byUuid(UUID uuid, List<String> paths) throws VirtException {
        Vm vm = readIf(refOf(uuid), paths);
        if (vm != null && vm.uuid().equals(uuid)) {
            return vm;
        }
        for (Vm each : all(paths)) {
            if (each.uuid().equals(uuid)) {
                return each;
            }
        }
        throw ViErrors.of(ErrorCode.NO_DOMAIN, "Could not find domain with UUID '" + uuid + "'");
    }

    /** {@code esxDomainLookupByID}: only a VM that is not powered off has an ID ({@link Vm#IDENTITY} read). */
    Vm byId(int id) throws VirtException {
        Vm vm = readIf(known.byId().get(id), Vm.IDENTITY);
        if (vm != null && vm.active() && vm.idNumber() == id) {
            return vm;
        }
        for (Vm each : all(Vm.IDENTITY)) {
            if (each.active() && each.idNumber() == id) {
                return each;
            }
        }
        throw ViErrors.of(ErrorCode.NO_DOMAIN, "No domain with ID " + id);
    }

    /** The VM behind a reference the core holds, found by UUID (names and IDs can change). */
    Vm of(DomainRef dom) throws VirtException {
        return byUuid(dom.uuid());
    }

    /** A VM with the properties of another object read in the same round trip ({@link #of(DomainRef, List)}). */
    record VmRead(Vm vm, ObjectContent more) {
    }

    /** The VM behind {@code dom} and its properties {@code more}, in one round trip. */
    VmRead of(DomainRef dom, List<String> more) throws VirtException {
        MoRef ref = refOf(dom.uuid());
        if (ref != null) {
            List<String> paths = new ArrayList<>(Vm.PROPERTIES);
            paths.addAll(more);
            ObjectContent o = readOrNull(ref, paths);
            Vm vm = o == null ? null : Vm.of(o);
            if (vm != null && vm.uuid().equals(dom.uuid())) {
                return new VmRead(vm, o);
            }
        }
        Vm vm = byUuid(dom.uuid());
        return new VmRead(vm, collector.retrieveOne(vm.ref(), more));
    }

    /**
     * The VM behind {@code dom} (its {@link Vm#IDENTITY} when its place is known) and the properties
     * {@code paths} of another object (the host's autostart manager), in one round trip then.
     */
    VmRead of(DomainRef dom, MoRef other, List<String> paths) throws VirtException {
        MoRef ref = refOf(dom.uuid());
        if (ref != null) {
            try {
                Map<MoRef, ObjectContent> read = collector.retrieveObjects(Map.of(ref, Vm.IDENTITY, other, paths));
                ObjectContent vmContent = read.get(ref);
                Vm vm = vmContent == null ? null : Vm.of(vmContent);
                if (vm != null && vm.uuid().equals(dom.uuid()) && read.containsKey(other)) {
                    return new VmRead(vm, read.get(other));
                }
            } catch (VirtException gone) {
                // the VM was unregistered meanwhile: found anew below
            }
        }
        Vm vm = byUuid(dom.uuid());
        return new VmRead(vm, collector.retrieveOne(other, paths));
    }

    private MoRef refOf(UUID uuid) {
        return known.byUuid().get(uuid);
    }

    /** The VM at {@code ref} read alone, or null when there is no reference or it no longer answers. */
    private Vm readIf(MoRef ref, List<String> paths) throws VirtException {
        ObjectContent o = ref == null ? null : readOrNull(ref, paths);
        return o == null ? null : Vm.of(o);
    }

    private ObjectContent readOrNull(MoRef ref, List<String> paths) {
        try {
            return collector.retrieveOne(ref, paths);
        } catch (VirtException gone) {
            return null; // unregistered or replaced meanwhile: the caller reads all VMs
        }
    }
}
