package org.jvirt.driver.qemu.internal;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.VirtException;
import org.jvirt.api.xml.Address;
import org.jvirt.api.xml.Disk;
import org.jvirt.api.xml.DomainDef;
import org.jvirt.driver.qemu.internal.command.DeviceAliases;
import org.jvirt.driver.qemu.internal.command.UsbPorts;
import org.jvirt.driver.qemu.internal.domain.QemuDomainObj;
import org.jvirt.driver.qemu.internal.hotplug.DeviceConfig;
import org.jvirt.driver.qemu.internal.hotplug.DeviceKinds;
import org.jvirt.driver.qemu.internal.hotplug.DeviceLists;
import org.jvirt.driver.qemu.internal.hotplug.DiskBuses;
import org.jvirt.driver.qemu.internal.hotplug.NodeIndexes;
import org.jvirt.driver.qemu.internal.qmp.QmpClient;
import org.jvirt.driver.qemu.internal.qmp.QmpException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Disks plugged into and out of a running guest over QMP, as libvirt 9.0's qemu_hotplug.c with
 * {@code -blockdev}: {@code blockdev-add} of the storage (and format) node, then
 * {@code device_add}; out: {@code device_del}, the guest's acknowledgement ({@code DEVICE_DELETED}),
 * then {@code blockdev-del}. The image is labelled for the guest (DAC) and, if it is a device node,
 * allowed in the guest's device cgroup, both undone on unplug. virtio, SCSI and USB disks, as
 * libvirt ({@link DiskBuses}); a removal ends with the device-removed event. Callers hold the domain's lock.
 */
final class DiskHotplug {
    private static final Logger LOG = LoggerFactory.getLogger(DiskHotplug.class);

    private final QemuHost host;
    private final HostContext ctx;
    private final ScsiControllers scsi;

    DiskHotplug(QemuHost host) {
        this.host = host;
        this.ctx = host.context();
        this.scsi = new ScsiControllers(host);
    }

    /**
     * qemuDomainAttachDeviceDiskLiveInternal for a disk, LUN or (SCSI, USB) cdrom: its address
     * and alias as a start gives them, the SCSI controllers it needs plugged first.
     */
    void attach(QemuDomainObj dom, Disk disk) throws VirtException {
        DomainDef live = DeviceAliases.assign(NodeIndexes.numbered(dom.liveDef()));
        if (DeviceConfig.diskByTarget(live, disk.targetDev()) != null) {
            throw QemuErrors.failed("target " + disk.targetDev() + " already exists");
        }
        DiskBuses.checkAttach(disk);
        String type = disk.type() == null ? "file" : disk.type();
        if (!type.equals("file") && !type.equals("block") || disk.encryption() != null || disk.auth() != null) {
            throw unsupported("live attach of disk type '" + type + "' with secrets or not backed by a local file "
                    + "or block device is not supported");
        }
        if ("scsi".equals(busOf(disk)) && disk.info().address() != null) {
            DiskBuses.checkScsiAddressFree(live, disk); // before the whole definition's checks see the clash
        }
        Path emulator = ctx.emulators().find(live);
        QmpClient qmp = monitor(dom);
        DomainDef completed = ctx.argv().complete(DeviceLists.with(live, disk), emulator);
        Disk added = DeviceConfig.diskByTarget(completed, disk.targetDev());
        if ("scsi".equals(busOf(added))) {
            DiskBuses.checkScsiAddressFree(live, added);
            Address a = added.info().address();
            live = scsi.ensure(dom, live, completed, emulator, qmp, a == null || a.controller() == null ? 0
                    : a.controller());
        }
        boolean medium = NodeIndexes.hasSource(added);
        int node = NodeIndexes.next(live, QmpJson.blockNodeNames(qmp));
        if (medium) {
            added = NodeIndexes.withIndex(added, node);
        }
        String alias = DeviceAliases.disk(live, added);
        added = (Disk) added.withInfo(added.info().toBuilder().alias(alias).build());
        DomainDef plugged = DeviceLists.with(live, added);
        if ("usb".equals(busOf(added)) && added.info().address() == null) {
            // a free port, past those of the devices there (virDomainUSBAddressEnsure)
            plugged = UsbPorts.assign(DeviceLists.with(UsbPorts.assign(live), added));
            added = DeviceConfig.diskByTarget(plugged, added.targetDev());
        }
        List<String> args = ctx.argv().diskHotplug(plugged, emulator, added, node, false);
        String path = medium ? added.source().path() : null;
        ctx.security().setDisk(live, added);
        List<String> nodes = new ArrayList<>();
        try {
            if (path != null) {
                ctx.cgroups().allowDevicePath(dom.uuid().toString(), path, added.readOnly());
            }
            for (int i = 0; i + 1 < args.size(); i += 2) {
                JsonNode props = QmpJson.parse(args.get(i + 1));
                switch (args.get(i)) {
                    case "-blockdev" -> {
                        qmp.execute("blockdev-add", QmpJson.object(props));
                        nodes.add(props.path("node-name").asText());
                    }
                    case "-device" -> qmp.execute("device_add", QmpJson.object(props));
                    default -> throw QemuErrors.internal("cannot hot-plug " + args.get(i) + " " + args.get(i + 1));
                }
            }
        } catch (QmpException | VirtException | RuntimeException e) {
            for (int i = nodes.size() - 1; i >= 0; i--) {
                blockdevDel(qmp, nodes.get(i));
            }
            ctx.security().restoreDisk(live, added);
            if (path != null) {
                denyQuietly(dom, path);
            }
            throw e instanceof QmpException q ? QemuErrors.internal(q.getMessage(), q)
                    : e instanceof VirtException v ? v : QemuErrors.internal(e.toString(), e);
        }
        dom.setLiveDef(plugged);
        host.saveStatusQuietly(dom);
        LOG.info("domain '{}': disk {} ({}) attached as {}", dom.name(), added.targetDev(), path, alias);
    }

    /** qemuDomainDetachPrepDisk + qemuDomainDetachDeviceLive for a disk. */
    void detach(QemuDomainObj dom, Disk match) throws VirtException {
        DomainDef live = DeviceAliases.assign(NodeIndexes.numbered(dom.liveDef()));
        Disk disk = DeviceConfig.diskByTarget(live, match.targetDev());
        if (disk == null) {
            throw new VirtException(ErrorCode.DEVICE_MISSING, ErrorDomain.QEMU, "disk " + match.targetDev()
                    + " not found");
        }
        DiskBuses.checkDetach(disk);
        String id = disk.info().alias();
        if (id == null) { // a target that is no disk name has no alias (qemuDomainDetachDeviceLive's words)
            throw QemuErrors.failed("Cannot detach disk device with no alias");
        }
        dom.setLiveDef(live);
        QmpClient qmp = monitor(dom);
        if (DeviceUnplug.request(qmp, id)) {
            finishRemoval(dom, disk);
        } else {
            LOG.info("domain '{}': detach of {} requested; the guest has not released it yet", dom.name(), id);
        }
    }

    /**
     * The guest released device {@code id} ({@code DEVICE_DELETED}, libvirt's
     * qemuProcessHandleDeviceDeleted): a disk of that alias is removed now if a detach left it. Lock held.
     */
    void deviceDeleted(QemuDomainObj dom, String id) {
        DomainDef live = dom.liveDef();
        if (live == null) {
            return;
        }
        for (Disk d : DeviceAliases.assign(NodeIndexes.numbered(live)).devices().disks()) {
            if (id.equals(d.info().alias())) {
                finishRemoval(dom, d);
                return;
            }
        }
    }

    /**
     * qemuDomainRemoveDiskDevice, then qemuDomainRemoveDevice's device-removed event with the
     * disk's alias: the nodes go, the label and the cgroup right go back, the XML loses the disk.
     */
    private void finishRemoval(QemuDomainObj dom, Disk disk) {
        QmpClient qmp = dom.qmp();
        DomainDef live = dom.liveDef();
        Integer n = disk.source() == null ? null : disk.source().index();
        if (qmp != null && n != null) {
            // the format node sits on the storage node: it goes first (it may not exist: raw images)
            blockdevDel(qmp, "libvirt-" + n + "-format");
            blockdevDel(qmp, "libvirt-" + n + "-storage");
        }
        ctx.security().restoreDisk(live, disk);
        if (NodeIndexes.hasSource(disk)) {
            denyQuietly(dom, disk.source().path());
        }
        dom.setLiveDef(DeviceLists.without(live, DeviceConfig.diskByTarget(live, disk.targetDev())));
        host.saveStatusQuietly(dom);
        LOG.info("domain '{}': disk {} detached", dom.name(), disk.targetDev());
        host.events().deviceRemoved(dom, disk.info().alias());
    }


    private static void blockdevDel(QmpClient qmp, String node) {
        try {
            qmp.execute("blockdev-del", QmpClient.args().put("node-name", node));
        } catch (QmpException e) {
            LOG.debug("blockdev-del {}: {}", node, e.getMessage());
        }
    }

    private void denyQuietly(QemuDomainObj dom, String path) {
        try {
            ctx.cgroups().denyDevicePath(dom.uuid().toString(), path);
        } catch (VirtException | RuntimeException e) {
            LOG.warn("domain '{}': cannot take {} back from its device cgroup: {}", dom.name(), path, e.getMessage());
        }
    }

    static String busOf(Disk d) {
        return DeviceKinds.diskBus(d);
    }

    static QmpClient monitor(QemuDomainObj dom) throws VirtException {
        QmpClient qmp = dom.qmp();
        if (qmp == null || qmp.isClosed()) {
            throw QemuErrors.failed("monitor of domain '" + dom.name() + "' is not connected");
        }
        return qmp;
    }

    private static VirtException unsupported(String detail) {
        return new VirtException(ErrorCode.OPERATION_UNSUPPORTED, ErrorDomain.QEMU, detail);
    }
}
