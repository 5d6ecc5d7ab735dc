package org.jvirt.driver.hyperv.internal;

import org.jvirt.api.ErrorCode;
import org.jvirt.api.VirtException;
import org.jvirt.api.xml.DomainDef;
import org.jvirt.api.xml.DomainXmlCodec;
import org.jvirt.driver.hyperv.internal.devices.DevicePlan;
import org.jvirt.driver.hyperv.internal.wsman.EmbeddedInstance;
import org.jvirt.driver.hyperv.internal.wsman.HypervErrors;
import org.jvirt.driver.hyperv.internal.wsman.WmiObject;
import org.jvirt.driver.hyperv.internal.wsman.WmiReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Defining and changing VMs, as libvirt's {@code hypervDomainDefineXML}: DefineSystem with an
 * embedded {@code Msvm_VirtualSystemSettingData} (name, notes), then ModifyResourceSettings of its
 * {@code Msvm_ProcessorSettingData} (VirtualQuantity: the vCPUs) and {@code Msvm_MemorySettingData}
 * (VirtualQuantity, Reservation and Limit in MiB, a multiple of 2 as Hyper-V requires), then the
 * devices ({@link DeviceAttach}). The XML is checked completely first ({@link DevicePlan}); a
 * failure after DefineSystem destroys the new VM again, so nothing is left half-defined.
 */
final class VmDefinitions {
    private static final Logger LOG = LoggerFactory.getLogger(VmDefinitions.class);
    /** {@code AutomaticStartupAction} (Msvm_VirtualSystemSettingData): None 2, Always Startup 4. */
    static final int STARTUP_NONE = 2;
    static final int STARTUP_ALWAYS = 4;

    private final VmInventory vms;
    private final VmSettings settings;
    private final ManagementService vsms;
    private final DomainXmlCodec codec;
    private final DeviceAttach devices;

    VmDefinitions(VmInventory vms, VmSettings settings, ManagementService vsms, DomainXmlCodec codec,
                  DeviceAttach devices) {
        this.vms = vms;
        this.settings = settings;
        this.vsms = vsms;
        this.codec = codec;
        this.devices = devices;
    }

    Vm define(String xml) throws VirtException {
        DomainDef def = codec.parse(xml, DomainXmlCodec.PARSE_INACTIVE);
        if (!"hyperv".equals(def.type())) {
            throw HypervErrors.of(ErrorCode.CONFIG_UNSUPPORTED, "domain type '" + def.type()
                    + "' is not supported by the Hyper-V driver (expecting 'hyperv')");
        }
        if (def.memory() == null && def.currentMemory() == null) {
            throw HypervErrors.of(ErrorCode.XML_ERROR, "domain '" + def.name() + "' has no <memory>");
        }
        refuseExisting(def);
        EmbeddedInstance vssd = new EmbeddedInstance("Msvm_VirtualSystemSettingData")
                .property("ElementName", "string", def.name());
        if (def.description() != null && !def.description().isEmpty()) {
            vssd.property("Notes", "string", def.description());
        }
        // the values are checked before DefineSystem, so that bad XML creates nothing
        long kib = def.currentMemory() != null ? def.currentMemory().kib() : def.memory().kib();
        long maxKib = def.memory() != null ? def.memory().kib() : kib;
        if (mib(maxKib) < mib(kib)) {
            throw HypervErrors.of(ErrorCode.INVALID_ARG, "cannot set memory higher than max memory");
        }
        int vcpus = def.vcpu() == null ? 1 : def.vcpu().current();
        if (vcpus < 1) {
            throw HypervErrors.of(ErrorCode.INVALID_ARG, "argument unsupported: vcpus must be at least 1");
        }
        DevicePlan plan = DevicePlan.of(def);
        WmiReference created = vsms.defineSystem(vssd);
        try {
            // the instance DefineSystem names (libvirt looks the new VM up by name, which
            // refuseExisting made unique): one Get, and the VM it is even if another takes the name meanwhile
            WmiObject system = vms.get(created);
            if (system == null) {
                throw HypervErrors.internal("Could not lookup Msvm_ComputerSystem for DefineSystem invocation");
            }
            Vm vm = Vm.of(system);
            setMemory(vm, kib, maxKib);
            setVcpus(vm, vcpus);
            devices.attach(vm, plan);
            return vm;
        } catch (VirtException | RuntimeException e) {
            LOG.debug("Domain {} creation failed, rolling back", def.name());
            try {
                vsms.destroySystem(created.selectors().get("Name"));
            } catch (VirtException undo) {
                e.addSuppressed(undo);
            }
            throw e;
        }
    }

    /**
     * libvirt 9.0's {@code hypervDomainDefineXML} aborts when a VM has the XML's UUID ({@code
     * VIR_ERR_DOM_EXIST}, {@code Domain already exists with UUID '…'}). It does not look at the name:
     * Hyper-V takes a second VM of the same name, and libvirt's lookup by name after DefineSystem then
     * fails with {@code Multiple domains exist with the name …}, leaving the new VM behind. jvirt
     * refuses the name before DefineSystem instead, with the same code, so nothing is created.
     */
    private void refuseExisting(DomainDef def) throws VirtException {
        if (def.uuid() != null && exists(() -> vms.byUuid(def.uuid()))) {
            throw HypervErrors.of(ErrorCode.DOM_EXIST, "Domain already exists with UUID '" + def.uuid() + "'");
        }
        if (exists(() -> vms.byName(def.name()))) {
            throw HypervErrors.of(ErrorCode.DOM_EXIST, "Domain already exists with name '" + def.name() + "'");
        }
    }

    private interface Lookup {
        Vm find() throws VirtException;
    }

    private static boolean exists(Lookup lookup) throws VirtException {
        try {
            lookup.find();
            return true;
        } catch (VirtException e) {
            if (e.code() == ErrorCode.NO_DOMAIN) {
                return false;
            }
            // several VMs of that name exist already
            if (e.code() == ErrorCode.MULTIPLE_DOMAINS) {
                return true;
            }
            throw e;
        }
    }

    /** {@code hypervDomainUndefineFlags}: DestroySystem of an inactive VM. */
    void undefine(Vm vm) throws VirtException {
        if (vm.active()) {
            throw HypervErrors.of(ErrorCode.OPERATION_INVALID, "Cannot undefine active domain");
        }
        vsms.destroySystem(vm);
    }

    /** The current memory, and the maximum when {@code maxKib} is not negative. */
    void setMemory(Vm vm, long kib, long maxKib) throws VirtException {
        WmiObject memory = settings.memory(settings.systemSettings(vm));
        EmbeddedInstance change = new EmbeddedInstance("Msvm_MemorySettingData")
                .property("InstanceID", "string", memory.string("InstanceID"))
                .property("VirtualQuantity", "uint64", Long.toString(mib(kib)))
                .property("Reservation", "uint64", Long.toString(mib(kib)));
        if (maxKib >= 0) {
            if (mib(maxKib) < mib(kib)) {
                throw HypervErrors.of(ErrorCode.INVALID_ARG, "cannot set memory higher than max memory");
            }
            change.property("Limit", "uint64", Long.toString(mib(maxKib)));
        } else if (mib(kib) > memory.number("Limit", Long.MAX_VALUE)) {
            throw HypervErrors.of(ErrorCode.INVALID_ARG, "cannot set memory higher than max memory");
        }
        vsms.modifyResourceSettings(change);
    }

    /** The maximum memory alone ({@code setmaxmem}). */
    void setMaxMemory(Vm vm, long maxKib) throws VirtException {
        WmiObject memory = settings.memory(settings.systemSettings(vm));
        long current = memory.number("VirtualQuantity", 0);
        if (mib(maxKib) < current) {
            throw HypervErrors.of(ErrorCode.INVALID_ARG, "cannot set max memory lower than current memory");
        }
        vsms.modifyResourceSettings(new EmbeddedInstance("Msvm_MemorySettingData")
                .property("InstanceID", "string", memory.string("InstanceID"))
                .property("Limit", "uint64", Long.toString(mib(maxKib))));
    }

    void setVcpus(Vm vm, int count) throws VirtException {
        if (count < 1) {
            throw HypervErrors.of(ErrorCode.INVALID_ARG, "argument unsupported: vcpus must be at least 1");
        }
        WmiObject processor = settings.processor(settings.systemSettings(vm));
        vsms.modifyResourceSettings(new EmbeddedInstance("Msvm_ProcessorSettingData")
                .property("InstanceID", "string", processor.string("InstanceID"))
                .property("VirtualQuantity", "uint64", Integer.toString(count)));
    }

    boolean autostart(Vm vm) throws VirtException {
        return settings.systemSettings(vm).number("AutomaticStartupAction", STARTUP_NONE) == STARTUP_ALWAYS;
    }

    void setAutostart(Vm vm, boolean autostart) throws VirtException {
        WmiObject vssd = settings.systemSettings(vm);
        vsms.modifySystemSettings(new EmbeddedInstance("Msvm_VirtualSystemSettingData")
                .property("InstanceID", "string", vssd.string("InstanceID"))
                .property("AutomaticStartupAction", "uint16",
                        Integer.toString(autostart ? STARTUP_ALWAYS : STARTUP_NONE)));
    }

    /** KiB to MiB, rounded up to Hyper-V's 2 MiB granularity. */
    static long mib(long kib) {
        long mib = (kib + 1023) / 1024;
        return (mib + 1) / 2 * 2;
    }
}
