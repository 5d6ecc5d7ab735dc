package org.jvirt.driver.hyperv.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.jvirt.api.ErrorCode;
import org.jvirt.api.VirtException;
import org.jvirt.api.spi.DomainRef;
import org.jvirt.driver.hyperv.internal.wsman.HypervErrors;
import org.jvirt.driver.hyperv.internal.wsman.WmiObject;
import org.jvirt.driver.hyperv.internal.wsman.WmiReference;

/**
 * The host's virtual machines: the {@code Msvm_ComputerSystem} instances whose Description is
 * {@code Microsoft Virtual Machine} (the host itself is {@code Microsoft Hosting Computer System}),
 * read afresh on every call, with libvirt's lookup errors.
 */
final class VmInventory {
    static final String SELECT = "SELECT * FROM Msvm_ComputerSystem WHERE Description = \"Microsoft Virtual Machine\"";

    private final Wmi wmi;

    VmInventory(Wmi wmi) {
        this.wmi = wmi;
    }

    /** Every VM, or only the active ({@code true}) or inactive ({@code false}) ones, by EnabledState in the query. */
    List<Vm> list(Boolean active) throws VirtException {
        String wql = SELECT + (active == null ? "" : " AND " + (active ? VmStates.WQL_ACTIVE : VmStates.WQL_INACTIVE));
        List<Vm> out = new ArrayList<>();
        for (WmiObject cs : wmi.query("Msvm_ComputerSystem", wql)) {
            out.add(Vm.of(cs));
        }
        return out;
    }

    /**
     * libvirt's {@code hypervDomainLookupByName}: Hyper-V lets VMs share a name, and then a lookup
     * by name is refused rather than answered with one of them.
     */
    Vm byName(String name) throws VirtException {
        List<WmiObject> found = wmi.query("Msvm_ComputerSystem", SELECT + " AND ElementName = " + Wmi.quote(name));
        if (found.isEmpty()) {
            throw HypervErrors.of(ErrorCode.NO_DOMAIN, "No domain with name " + name);
        }
        if (found.size() > 1) {
            throw HypervErrors.of(ErrorCode.MULTIPLE_DOMAINS, "Multiple domains exist with the name '" + name
                    + "': repeat the request using a UUID");
        }
        return Vm.of(found.get(0));
    }

    /** The instance a reference addresses (DefineSystem's ResultingSystem), or null when it is gone. */
    WmiObject get(WmiReference ref) throws VirtException {
        return wmi.get(ref);
    }

    Vm byUuid(UUID uuid) throws VirtException {
        return one(SELECT + " AND Name = " + Wmi.quote(uuid.toString()), "No domain with UUID " + uuid);
    }

    Vm byId(int id) throws VirtException {
        Vm vm = one(SELECT + " AND ProcessID = " + id, "No domain with ID " + id);
        if (!vm.active()) {
            throw HypervErrors.of(ErrorCode.NO_DOMAIN, "No domain with ID " + id);
        }
        return vm;
    }

    /** The VM a caller's handle names, as it is now. */
    Vm of(DomainRef dom) throws VirtException {
        return byUuid(dom.uuid());
    }

    private Vm one(String wql, String notFound) throws VirtException {
        List<WmiObject> found = wmi.query("Msvm_ComputerSystem", wql);
        if (found.isEmpty()) {
            throw HypervErrors.of(ErrorCode.NO_DOMAIN, notFound);
        }
        return Vm.of(found.get(0));
    }
}
