package org.jvirt.driver.qemu.internal;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.VirtException;
import org.jvirt.api.xml.Disk;
import org.jvirt.api.xml.DomainDef;
import org.jvirt.driver.qemu.internal.domain.QemuDomainObj;
import org.jvirt.driver.qemu.internal.hotplug.DeviceConfig;
import org.jvirt.driver.qemu.internal.hotplug.DeviceLists;
import org.jvirt.driver.qemu.internal.hotplug.NodeIndexes;
import org.jvirt.driver.qemu.internal.qmp.QmpClient;
import org.jvirt.driver.qemu.internal.qmp.QmpException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A removable drive's medium changed in a running guest: libvirt 9.0's qemuDomainChangeMediaBlockdev
 * ({@code blockdev-open-tray}, waiting for the tray, {@code blockdev-remove-medium}, then for a new
 * medium {@code blockdev-add} and {@code blockdev-insert-medium}, and {@code blockdev-close-tray};
 * the old medium's nodes are deleted last). Callers hold the domain's lock.
 */
final class MediaChange {
    private static final Logger LOG = LoggerFactory.getLogger(MediaChange.class);
    /** How long the guest may take to open a locked tray it was asked to open. */
    private static final Duration TRAY_WAIT = Duration.ofSeconds(10);

    private final QemuHost host;
    private final HostContext ctx;

    MediaChange(QemuHost host) {
        this.host = host;
        this.ctx = host.context();
    }

    /**
     * qemuDomainChangeEjectableMedia: {@code orig}, a cdrom or floppy of the live definition, gets
     * {@code newSource} (null or without a path: ejected) with the format {@code newDisk} names.
     */
    void change(QemuDomainObj dom, Disk orig, Disk newDisk, boolean force) throws VirtException {
        DomainDef live = NodeIndexes.numbered(dom.liveDef());
        orig = DeviceConfig.diskByTarget(live, orig.targetDev());
        Path emulator = ctx.emulators().find(live);
        String id = deviceId(live, emulator, orig);
        boolean insert = NodeIndexes.hasSource(newDisk);
        QmpClient qmp = DiskHotplug.monitor(dom);
        int node = NodeIndexes.next(live, QmpJson.blockNodeNames(qmp));
        Disk changed = insert ? NodeIndexes.withIndex(orig.toBuilder().source(newDisk.source())
                .driver(newDisk.driver() != null ? newDisk.driver() : orig.driver()).build(), node)
                : orig.toBuilder().source(null).build();
        List<String> nodes = new ArrayList<>();
        try {
            qmp.execute("blockdev-open-tray", QmpClient.args().put("id", id).put("force", force));
            waitTrayOpen(qmp, id, orig.targetDev());
            qmp.execute("blockdev-remove-medium", QmpClient.args().put("id", id));
            if (insert) {
                ctx.security().setDisk(live, changed);
                ctx.cgroups().allowDevicePath(dom.uuid().toString(), changed.source().path(), true);
                List<String> args = ctx.argv().diskHotplug(DeviceLists.replaced(live, orig, changed), emulator,
                        changed, node, true);
                for (int i = 0; i + 1 < args.size(); i += 2) {
                    JsonNode props = QmpJson.parse(args.get(i + 1));
                    qmp.execute("blockdev-add", QmpJson.object(props));
                    nodes.add(props.path("node-name").asText());
                }
                qmp.execute("blockdev-insert-medium", QmpClient.args().put("id", id)
                        .put("node-name", nodes.get(nodes.size() - 1)));
            }
            qmp.execute("blockdev-close-tray", QmpClient.args().put("id", id));
        } catch (QmpException | VirtException | RuntimeException e) {
            for (int i = nodes.size() - 1; i >= 0; i--) {
                delete(qmp, nodes.get(i));
            }
            if (insert) {
                ctx.security().restoreDisk(live, changed);
            }
            throw e instanceof QmpException q ? QemuErrors.internal(q.getMessage(), q)
                    : e instanceof VirtException v ? v : QemuErrors.internal(e.toString(), e);
        }
        Integer old = orig.source() == null ? null : orig.source().index();
        if (old != null) {
            delete(qmp, "libvirt-" + old + "-format");
            delete(qmp, "libvirt-" + old + "-storage");
            ctx.security().restoreDisk(live, orig);
            try {
                ctx.cgroups().denyDevicePath(dom.uuid().toString(), orig.source().path());
            } catch (VirtException | RuntimeException e) {
                LOG.warn("domain '{}': cannot take {} back from its device cgroup: {}", dom.name(),
                        orig.source().path(), e.getMessage());
            }
        }
        dom.setLiveDef(DeviceLists.replaced(live, orig, changed));
        host.saveStatusQuietly(dom);
        LOG.info("domain '{}': medium of {} is now {}", dom.name(), orig.targetDev(),
                insert ? changed.source().path() : "none");
    }

    /** The drive's {@code -device} id, as the start named it. */
    private String deviceId(DomainDef live, Path emulator, Disk disk) throws VirtException {
        List<String> args = ctx.argv().diskHotplug(live, emulator, disk, 0, false);
        for (int i = 0; i + 1 < args.size(); i += 2) {
            if (args.get(i).equals("-device")) {
                return QmpJson.parse(args.get(i + 1)).path("id").asText();
            }
        }
        throw QemuErrors.internal("no device for disk " + disk.targetDev());
    }

    /** qemuHotplugWaitForTrayEject: a guest that locked the tray gets an eject request and some time. */
    private static void waitTrayOpen(QmpClient qmp, String id, String target) throws QmpException, VirtException {
        long deadline = System.nanoTime() + TRAY_WAIT.toNanos();
        while (true) {
            for (JsonNode b : qmp.execute("query-block", null)) {
                String qdev = b.path("qdev").asText();
                if ((qdev.equals(id) || qdev.contains("/" + id + "/") || qdev.endsWith("/" + id))
                        && b.path("tray_open").asBoolean(false)) {
                    return;
                }
            }
            if (System.nanoTime() - deadline > 0) {
                throw new VirtException(ErrorCode.OPERATION_FAILED, ErrorDomain.QEMU,
                        "timed out waiting to open tray of '" + target + "'");
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw QemuErrors.failed("interrupted while waiting for the tray of '" + target + "'");
            }
        }
    }

    private static void delete(QmpClient qmp, String node) {
        try {
            qmp.execute("blockdev-del", QmpClient.args().put("node-name", node));
        } catch (QmpException e) {
            LOG.debug("blockdev-del {}: {}", node, e.getMessage());
        }
    }
}
