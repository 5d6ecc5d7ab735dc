package org.jvirt.driver.esx.internal;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

import org.jvirt.api.DefineFlag;
import org.jvirt.api.ErrorCode;
import org.jvirt.api.Flag;
import org.jvirt.api.VirtException;
import org.jvirt.api.spi.DomainRef;
import org.jvirt.api.xml.Disk;
import org.jvirt.api.xml.DomainDef;
import org.jvirt.driver.esx.internal.vi.MoRef;
import org.jvirt.driver.esx.internal.vi.PropertyCollector;
import org.jvirt.driver.esx.internal.vi.SoapXml;
import org.jvirt.driver.esx.internal.vi.TaskWaiter;
import org.jvirt.driver.esx.internal.vi.ViClient;
import org.jvirt.driver.esx.internal.vi.ViErrors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code define} and {@code undefine} as libvirt's {@code esxDomainDefineXMLFlags} and
 * {@code esxDomainUndefineFlags}: the XML becomes a VMX file for the host's virtual hardware
 * version, uploaded beside the first file-based hard disk as {@code <escaped name>.vmx} and
 * registered with {@code RegisterVM_Task} in the datacenter's VM folder, on the compute resource's
 * pool and the host; undefine unregisters (the files stay, as in libvirt). Unlike libvirt (whose
 * code says "FIXME: Add proper rollback"), a VMX file this call uploaded is deleted again when the
 * registration fails, so nothing is left half-defined.
 */
final class VmDefinitions {
    private static final Logger LOG = LoggerFactory.getLogger(VmDefinitions.class);
    /** VIR_DOMAIN_UNDEFINE_SNAPSHOTS_METADATA: ESX keeps no snapshot metadata outside the VM. */
    static final int UNDEFINE_SNAPSHOTS_METADATA = 2;

    private final ViClient client;
    private final PropertyCollector collector;
    private final EsxHost host;
    private final VmInventory vms;
    private final DatastoreFiles files;
    private final DomainXml xml;
    private final VmTasks tasks;

    VmDefinitions(ViClient client, PropertyCollector collector, EsxHost host, VmInventory vms, DatastoreFiles files,
                  DomainXml xml) {
        this.client = client;
        this.collector = collector;
        this.host = host;
        this.vms = vms;
        this.files = files;
        this.xml = xml;
        this.tasks = new VmTasks(client);
    }

    DomainRef define(String domainXml, int flags) throws VirtException {
        // the schema check VALIDATE asks for is not made: the codec's own checks apply either way
        ViErrors.checkFlags(flags, Flag.mask(DefineFlag.VALIDATE), "esxDomainDefineXMLFlags");
        DomainDef def = xml.converter().parseXml(domainXml);
        for (Vm vm : vms.all(Vm.IDENTITY)) {
            if (vm.uuid().equals(def.uuid()) || vm.name().equals(def.name())) {
                throw ViErrors.internal("Domain already exists, editing existing domains is not supported yet");
            }
        }
        var service = client.service();
        String vmx = xml.converter().format(def,
                xml.formatContext(DomainXml.defaultVirtualHwVersion(service.productLine(), service.versionNumber())));
        DatastorePath disk = DatastorePath.parse(firstHardDiskSource(def));
        DatastorePath target = disk.sibling(DatastorePath.escapeItem(def.name()) + ".vmx");
        boolean existed = files.exists(target);
        LOG.debug("uploading {} for domain {}", target, def.name());
        files.upload(target, vmx.getBytes(StandardCharsets.UTF_8));
        try {
            return register(target);
        } catch (VirtException | RuntimeException e) {
            if (!existed) {
                removeQuietly(target);
            }
            throw e;
        }
    }

    /** libvirt's choice of the VMX file's place: the first file-based hard disk, a VMDK image. */
    private static String firstHardDiskSource(DomainDef def) throws VirtException {
        List<Disk> disks = def.devices().ofType(Disk.class);
        if (disks.isEmpty()) {
            throw ViErrors.internal("Domain XML doesn't contain any disks, cannot deduce datastore and path for"
                    + " VMX file");
        }
        Disk first = disks.stream().filter(d -> "disk".equals(device(d)) && "file".equals(d.type())).findFirst()
                .orElseThrow(() -> ViErrors.internal("Domain XML doesn't contain any file-based harddisks, cannot"
                        + " deduce datastore and path for VMX file"));
        String src = first.sourcePath();
        if (src == null) {
            throw ViErrors.internal("First file-based harddisk has no source, cannot deduce datastore and path for"
                    + " VMX file");
        }
        DatastorePath.parse(src); // its errors come first, as in libvirt
        if (!src.toLowerCase(Locale.ROOT).endsWith(".vmdk")) {
            throw ViErrors.internal("Expecting source '" + src + "' of first file-based harddisk to be a VMDK image");
        }
        return src;
    }

    private static String device(Disk disk) {
        return disk.device() == null ? "disk" : disk.device();
    }

    /** RegisterVM_Task; the domain is the VM the task answers, as the server registered it. */
    private DomainRef register(DatastorePath vmx) throws VirtException {
        MoRef vmFolder = collector.retrieveOne(host.datacenter(), List.of("vmFolder")).moRef("vmFolder");
        if (vmFolder == null) {
            throw ViErrors.internal("Could not retrieve the datacenter's VM folder");
        }
        String params = SoapXml.element("path", vmx.toString()) + "<asTemplate>false</asTemplate>"
                + host.resourcePool().toXml("pool") + host.hostSystem().toXml("host");
        TaskWaiter.Outcome outcome = tasks.run("RegisterVM_Task", vmFolder, params, "define domain");
        if (outcome.result() == null) {
            throw ViErrors.internal("Could not define domain: the task named no virtual machine");
        }
        return Vm.of(collector.retrieveOne(outcome.result(), Vm.PROPERTIES)).domainRef();
    }

    private void removeQuietly(DatastorePath file) {
        try {
            files.delete(file);
        } catch (VirtException e) {
            LOG.warn("could not remove {} after a failed define: {}", file, e.getMessage());
        }
    }

    /** {@code esxDomainUndefineFlags}: only a suspended or powered off VM. */
    void undefine(Vm vm, int flags) throws VirtException {
        ViErrors.checkFlags(flags, UNDEFINE_SNAPSHOTS_METADATA, "esxDomainUndefineFlags");
        if (!"suspended".equals(vm.powerState()) && !"poweredOff".equals(vm.powerState())) {
            throw ViErrors.of(ErrorCode.OPERATION_INVALID, "Domain is not suspended or powered off");
        }
        client.invoke("UnregisterVM", vm.ref(), "");
    }
}
