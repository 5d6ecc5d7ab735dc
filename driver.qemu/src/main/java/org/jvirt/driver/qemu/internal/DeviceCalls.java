package org.jvirt.driver.qemu.internal;

import java.util.Objects;

import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.ModificationFlag;
import org.jvirt.api.VirtException;
import org.jvirt.api.xml.Device;
import org.jvirt.api.xml.Disk;
import org.jvirt.api.xml.DomainDef;
import org.jvirt.api.xml.NetInterface;
import org.jvirt.driver.qemu.internal.domain.QemuDomainObj;
import org.jvirt.driver.qemu.internal.hotplug.DeviceConfig;
import org.jvirt.driver.qemu.internal.hotplug.DeviceKinds;
import org.jvirt.driver.qemu.internal.hotplug.DeviceXml;

/**
 * virsh attach-device, detach-device, update-device (and attach-disk, detach-disk, change-media):
 * libvirt 9.0's qemuDomainAttachDeviceFlags, qemuDomainDetachDeviceFlags and
 * qemuDomainUpdateDeviceFlags. The persistent definition is changed on a copy, which is validated
 * (as a define validates) and stored only after the live change succeeded; the live change goes
 * over QMP. Live: disks (virtio, SCSI, USB; file or block) in and out, the medium of a cdrom or
 * floppy, and network interfaces in and out ({@link NetHotplug}); other device kinds are refused with
 * libvirt's "live ... of device '%s' is not supported".
 */
final class DeviceCalls {
    private static final int LIVE = ModificationFlag.LIVE.bit();
    private static final int CONFIG = ModificationFlag.CONFIG.bit();
    /** VIR_DOMAIN_DEVICE_MODIFY_FORCE: a locked tray is opened anyway. */
    private static final int FORCE = 4;

    private final QemuHost host;
    private final Definitions definitions;
    private final DiskHotplug disks;
    private final NetHotplug nets;
    private final MediaChange media;

    DeviceCalls(QemuHost host, Definitions definitions) {
        this.host = host;
        this.definitions = definitions;
        this.disks = new DiskHotplug(host);
        this.nets = new NetHotplug(host);
        this.media = new MediaChange(host);
    }

    void attach(QemuDomainObj dom, String xml, int flags) throws VirtException {
        QemuErrors.checkFlags(flags, LIVE | CONFIG, "qemuDomainAttachDeviceFlags");
        synchronized (dom) {
            definitions.checkRegistered(dom);
            int impact = AffectedDefs.impact(dom, flags);
            // parsed once: both definitions get the same generated parts (a NIC's MAC, as libvirt's device copy)
            Device dev = DeviceXml.parse(host.context().codec(), xml, true);
            DomainDef persistent = (impact & CONFIG) != 0 ? validated(DeviceConfig.attach(dom.persistentDef(), dev))
                    : null;
            if ((impact & LIVE) != 0) {
                attachLive(dom, dev);
            }
            store(dom, persistent);
        }
    }

    private void attachLive(QemuDomainObj dom, Device dev) throws VirtException {
        if (dev instanceof NetInterface net) {
            nets.attach(dom, net);
            return;
        }
        if (!(dev instanceof Disk disk)) {
            throw liveUnsupported("attach", dev);
        }
        Disk orig = DeviceConfig.diskByTarget(dom.liveDef(), disk.targetDev());
        if (removable(disk) && orig != null) {
            // the API overloads media change on attach for drives with media (qemuDomainAttachDeviceDiskLive)
            media.change(dom, orig, disk, false);
        } else {
            disks.attach(dom, disk);
        }
    }

    void detach(QemuDomainObj dom, String xml, int flags) throws VirtException {
        QemuErrors.checkFlags(flags, LIVE | CONFIG, "qemuDomainDetachDeviceFlags");
        synchronized (dom) {
            definitions.checkRegistered(dom);
            int impact = AffectedDefs.impact(dom, flags);
            Device dev = DeviceXml.parse(host.context().codec(), xml, (impact & CONFIG) != 0);
            DomainDef persistent = (impact & CONFIG) != 0 ? validated(DeviceConfig.detach(dom.persistentDef(), dev))
                    : null;
            if ((impact & LIVE) != 0) {
                if (dev instanceof NetInterface net) {
                    nets.detach(dom, net);
                } else if (dev instanceof Disk disk) {
                    disks.detach(dom, disk);
                } else {
                    throw liveUnsupported("detach", dev);
                }
            }
            store(dom, persistent);
        }
    }

    void update(QemuDomainObj dom, String xml, int flags) throws VirtException {
        QemuErrors.checkFlags(flags, LIVE | CONFIG | FORCE, "qemuDomainUpdateDeviceFlags");
        synchronized (dom) {
            definitions.checkRegistered(dom);
            int impact = AffectedDefs.impact(dom, flags);
            Device dev = DeviceXml.parse(host.context().codec(), xml, true);
            DomainDef persistent = (impact & CONFIG) != 0 ? validated(DeviceConfig.update(dom.persistentDef(), dev))
                    : null;
            if ((impact & LIVE) != 0) {
                if (!(dev instanceof Disk disk)) {
                    throw liveUnsupported("update", dev);
                }
                updateDiskLive(dom, disk, (flags & FORCE) != 0);
            }
            store(dom, persistent);
        }
    }

    /** qemuDomainChangeDiskLive: only a removable drive's medium can change. */
    private void updateDiskLive(QemuDomainObj dom, Disk disk, boolean force) throws VirtException {
        Disk orig = DeviceConfig.diskByTarget(dom.liveDef(), disk.targetDev());
        if (orig == null) {
            throw QemuErrors.internal("No device with bus '" + DeviceKinds.diskBus(disk) + "' and target '"
                    + disk.targetDev() + "'");
        }
        if (sameSource(orig, disk)) {
            return; // nothing jvirt changes live besides the medium
        }
        if (!removable(orig)) {
            throw unsupported("disk source can be changed only in removable drives");
        }
        media.change(dom, orig, disk, force);
    }

    /** Called for a QMP DEVICE_DELETED event with the domain's lock held. */
    void deviceDeleted(QemuDomainObj dom, String id) {
        if (!nets.deviceDeleted(dom, id)) {
            disks.deviceDeleted(dom, id);
        }
    }

    private static boolean sameSource(Disk a, Disk b) {
        String pa = a.source() == null ? null : a.source().path();
        String pb = b.source() == null ? null : b.source().path();
        return Objects.equals(pa, pb);
    }

    private static boolean removable(Disk d) {
        return "cdrom".equals(d.device()) || "floppy".equals(d.device());
    }

    /** The changed persistent definition passes the checks a define makes (libvirt's post-parse on vmdef). */
    private DomainDef validated(DomainDef def) throws VirtException {
        host.context().argv().validate(def, host.context().emulators().find(def));
        return def;
    }

    private void store(QemuDomainObj dom, DomainDef persistent) throws VirtException {
        if (persistent != null) {
            host.saveConfig(dom, host.configRecord(persistent));
            dom.setPersistentDef(persistent);
        }
    }

    private static VirtException liveUnsupported(String what, Device dev) {
        return unsupported("live " + what + " of device '" + DeviceKinds.typeName(dev) + "' is not supported");
    }

    private static VirtException unsupported(String detail) {
        return new VirtException(ErrorCode.OPERATION_UNSUPPORTED, ErrorDomain.QEMU, detail);
    }
}
