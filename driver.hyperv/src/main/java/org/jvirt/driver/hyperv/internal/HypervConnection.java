package org.jvirt.driver.hyperv.internal;

import static org.jvirt.api.ListFlag.ACTIVE;
import static org.jvirt.api.ListFlag.AUTOSTART;
import static org.jvirt.api.ListFlag.INACTIVE;
import static org.jvirt.api.ListFlag.MANAGEDSAVE;
import static org.jvirt.api.ListFlag.NO_AUTOSTART;
import static org.jvirt.api.ListFlag.NO_MANAGEDSAVE;
import static org.jvirt.api.ListFlag.OTHER;
import static org.jvirt.api.ListFlag.PAUSED;
import static org.jvirt.api.ListFlag.PERSISTENT;
import static org.jvirt.api.ListFlag.RUNNING;
import static org.jvirt.api.ListFlag.SHUTOFF;
import static org.jvirt.api.ListFlag.TRANSIENT;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.jvirt.api.DomainInfo;
import org.jvirt.api.DomainStateInfo;
import org.jvirt.api.Flag;
import org.jvirt.api.ListFlag;
import org.jvirt.api.MemoryFlag;
import org.jvirt.api.ModificationFlag;
import org.jvirt.api.NodeInfo;
import org.jvirt.api.VirtException;
import org.jvirt.api.spi.DomainRef;
import org.jvirt.api.spi.DriverConnection;
import org.jvirt.api.spi.ManagedSaveDriver;
import org.jvirt.api.xml.DomainXmlCodec;
import org.jvirt.driver.hyperv.internal.wsman.HypervErrors;
import org.jvirt.driver.hyperv.internal.wsman.WmiObject;

/**
 * A connection to a Hyper-V host: every call reads the VMs afresh over WS-Management (no cache to
 * go stale); changes go through WMI methods and their jobs. Every VM is persistent.
 */
final class HypervConnection implements DriverConnection {
    private static final int LIST_FLAGS = Flag.mask(ACTIVE, INACTIVE, PERSISTENT, TRANSIENT, RUNNING, PAUSED,
            SHUTOFF, OTHER, MANAGEDSAVE, NO_MANAGEDSAVE, AUTOSTART, NO_AUTOSTART);
    private static final int MODIFY = Flag.mask(ModificationFlag.LIVE, ModificationFlag.CONFIG);

    private final VmInventory vms;
    private final VmSettings settings;
    private final VmOps ops;
    private final VmDefinitions definitions;
    private final HostInfo host;
    private final DomainXml domainXml;
    private final Wmi wmi;
    private final VmKeyboard keyboard;
    private final HypervManagedSave managedSave;

    HypervConnection(Wmi wmi, DomainXmlCodec codec) {
        this.wmi = wmi;
        this.vms = new VmInventory(wmi);
        this.settings = new VmSettings(wmi);
        this.ops = new VmOps(wmi);
        this.managedSave = new HypervManagedSave(vms, ops);
        this.host = new HostInfo(wmi);
        ManagementService vsms = new ManagementService(wmi);
        this.definitions = new VmDefinitions(vms, settings, vsms, codec, new DeviceAttach(wmi, settings, vsms, host));
        this.domainXml = new DomainXml(settings, codec);
        this.keyboard = new VmKeyboard(wmi);
    }

    @Override
    public String type() {
        return "Hyper-V";
    }

    @Override
    public long hypervisorVersion() throws VirtException {
        return host.version();
    }

    @Override
    public String hostname() throws VirtException {
        return host.hostname();
    }

    @Override
    public String capabilities() {
        return host.capabilities();
    }

    @Override
    public NodeInfo nodeInfo() throws VirtException {
        return host.nodeInfo();
    }

    /**
     * {@code hypervConnectListAllDomains}: active or inactive is chosen in the WQL query by
     * EnabledState; the other filters are applied here (no VM is transient).
     */
    @Override
    public List<DomainRef> listAllDomains(int flags) throws VirtException {
        HypervErrors.checkFlags(flags, LIST_FLAGS, "hypervConnectListAllDomains");
        boolean active = Flag.isSet(flags, ACTIVE);
        boolean inactive = Flag.isSet(flags, INACTIVE);
        List<DomainRef> out = new ArrayList<>();
        if (Flag.isSet(flags, TRANSIENT) && !Flag.isSet(flags, PERSISTENT)) {
            return out;
        }
        for (Vm vm : vms.list(active == inactive ? null : active)) {
            if (matchesState(flags, vm) && group(flags, vm.enabledState() == VmStates.SUSPENDED, MANAGEDSAVE,
                    NO_MANAGEDSAVE) && ((flags & Flag.mask(AUTOSTART, NO_AUTOSTART)) == 0
                    || group(flags, definitions.autostart(vm), AUTOSTART, NO_AUTOSTART))) {
                out.add(vm.domainRef());
            }
        }
        return out;
    }

    private static boolean matchesState(int flags, Vm vm) {
        if ((flags & Flag.mask(RUNNING, PAUSED, SHUTOFF, OTHER)) == 0) {
            return true;
        }
        ListFlag wanted = switch (vm.state()) {
            case RUNNING -> RUNNING;
            case PAUSED -> PAUSED;
            case SHUTOFF -> SHUTOFF;
            default -> OTHER;
        };
        return Flag.isSet(flags, wanted);
    }

    private static boolean group(int flags, boolean value, ListFlag yes, ListFlag no) {
        boolean wantYes = Flag.isSet(flags, yes);
        boolean wantNo = Flag.isSet(flags, no);
        return wantYes == wantNo || (value ? wantYes : wantNo);
    }

    @Override
    public DomainRef lookupByName(String name) throws VirtException {
        return vms.byName(name).domainRef();
    }

    @Override
    public DomainRef lookupByUuid(UUID uuid) throws VirtException {
        return vms.byUuid(uuid).domainRef();
    }

    @Override
    public DomainRef lookupById(int id) throws VirtException {
        return vms.byId(id).domainRef();
    }

    @Override
    public String osType(DomainRef dom) {
        return "hvm";
    }

    @Override
    public DomainStateInfo state(DomainRef dom) throws VirtException {
        return new DomainStateInfo(vms.of(dom).state(), 0);
    }

    /** {@code hypervDomainGetInfo}: maximum memory is the memory Limit, memory VirtualQuantity; no CPU time. */
    @Override
    public DomainInfo info(DomainRef dom) throws VirtException {
        Vm vm = vms.of(dom);
        WmiObject vssd = settings.systemSettings(vm);
        WmiObject memory = settings.memory(vssd);
        WmiObject processor = settings.processor(vssd);
        return new DomainInfo(vm.state(), memory.number("Limit", 0) * 1024,
                memory.number("VirtualQuantity", 0) * 1024, (int) processor.number("VirtualQuantity", 0), 0);
    }

    @Override
    public boolean isPersistent(DomainRef dom) throws VirtException {
        vms.of(dom);
        return true;
    }

    @Override
    public String xmlDesc(DomainRef dom, int flags) throws VirtException {
        return domainXml.xmlDesc(vms.of(dom), flags);
    }

    @Override
    public DomainRef defineXml(String xml, int flags) throws VirtException {
        HypervErrors.checkFlags(flags, 0, "hypervDomainDefineXML");
        return definitions.define(xml).domainRef();
    }

    @Override
    public void undefine(DomainRef dom, int flags) throws VirtException {
        HypervErrors.checkFlags(flags, 0, "hypervDomainUndefineFlags");
        definitions.undefine(vms.of(dom));
    }

    @Override
    public void create(DomainRef dom, int flags) throws VirtException {
        HypervErrors.checkFlags(flags, 0, "hypervDomainCreateWithFlags");
        ops.start(vms.of(dom));
    }

    @Override
    public void destroy(DomainRef dom, int flags) throws VirtException {
        HypervErrors.checkFlags(flags, 0, "hypervDomainDestroyFlags");
        ops.destroy(vms.of(dom));
    }

    @Override
    public void shutdown(DomainRef dom, int flags) throws VirtException {
        HypervErrors.checkFlags(flags, 0, "hypervDomainShutdownFlags");
        ops.shutdown(vms.of(dom));
    }

    @Override
    public void reboot(DomainRef dom, int flags) throws VirtException {
        HypervErrors.checkFlags(flags, 0, "hypervDomainReboot");
        ops.reboot(vms.of(dom));
    }

    @Override
    public void reset(DomainRef dom, int flags) throws VirtException {
        HypervErrors.checkFlags(flags, 0, "hypervDomainReset");
        ops.reset(vms.of(dom));
    }

    @Override
    public void suspend(DomainRef dom) throws VirtException {
        ops.suspend(vms.of(dom));
    }

    @Override
    public void resume(DomainRef dom) throws VirtException {
        ops.resume(vms.of(dom));
    }

    @Override
    public Optional<ManagedSaveDriver> ownManagedSave() {
        return Optional.of(managedSave);
    }

    @Override
    public void sendKey(DomainRef dom, int codeset, int holdtime, int[] keycodes, int flags) throws VirtException {
        HypervErrors.checkFlags(flags, 0, "hypervDomainSendKey");
        keyboard.sendKey(vms.of(dom), codeset, holdtime, keycodes);
    }

    @Override
    public boolean autostart(DomainRef dom) throws VirtException {
        return definitions.autostart(vms.of(dom));
    }

    @Override
    public void setAutostart(DomainRef dom, boolean autostart) throws VirtException {
        definitions.setAutostart(vms.of(dom), autostart);
    }

    /** {@code setmem} (VirtualQuantity) or, with MAXIMUM, {@code setmaxmem} (Limit). One definition: live and config alike. */
    @Override
    public void setMemory(DomainRef dom, long kib, int flags) throws VirtException {
        HypervErrors.checkFlags(flags, MODIFY | MemoryFlag.MAXIMUM.bit(), "hypervDomainSetMemoryFlags");
        Vm vm = vms.of(dom);
        if (Flag.isSet(flags, MemoryFlag.MAXIMUM)) {
            definitions.setMaxMemory(vm, kib);
        } else {
            definitions.setMemory(vm, kib, -1);
        }
    }

    @Override
    public void setVcpus(DomainRef dom, int count, int flags) throws VirtException {
        HypervErrors.checkFlags(flags, MODIFY, "hypervDomainSetVcpusFlags");
        definitions.setVcpus(vms.of(dom), count);
    }

    @Override
    public boolean isAlive() {
        return true;
    }

    @Override
    public boolean usesSharedSecrets() {
        return false;
    }

    @Override
    public boolean usesSharedNetworks() {
        return false;
    }

    @Override
    public boolean usesSharedStorage() {
        return false;
    }

    /** Closes the HTTP connections (an NTLM login lives with them); WinRM keeps no other session. */
    @Override
    public void close() {
        wmi.close();
    }
}
