package org.jvirt.driver.qemu.internal;

import java.nio.file.Path;
import java.util.List;

import org.jvirt.api.VirtException;
import org.jvirt.api.xml.Controller;
import org.jvirt.api.xml.DomainDef;
import org.jvirt.driver.qemu.internal.command.DeviceAliases;
import org.jvirt.driver.qemu.internal.domain.QemuDomainObj;
import org.jvirt.driver.qemu.internal.hotplug.DeviceLists;
import org.jvirt.driver.qemu.internal.qmp.QmpClient;
import org.jvirt.driver.qemu.internal.qmp.QmpException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The SCSI controllers a hot-plugged SCSI disk needs, as libvirt's
 * qemuDomainFindOrCreateSCSIDiskController: the disk's controller and every one of lower index
 * must exist, and one that does not is plugged first ({@code device_add}), of the model of the
 * guest's last SCSI controller, else the default model. A plugged controller stays when the disk's
 * own plug fails afterwards, as in libvirt. Callers hold the domain's lock.
 */
final class ScsiControllers {
    private static final Logger LOG = LoggerFactory.getLogger(ScsiControllers.class);

    private final QemuHost host;

    ScsiControllers(QemuHost host) {
        this.host = host;
    }

    /**
     * Controllers 0 to {@code index} in {@code live}, the missing ones plugged; returns the live
     * definition with them (also stored in {@code dom}).
     *
     * @param completed the live definition completed with the disk in it: the post-parse added the
     *                  missing controllers there, with their default model and a PCI address
     */
    DomainDef ensure(QemuDomainObj dom, DomainDef live, DomainDef completed, Path emulator, QmpClient qmp, int index)
            throws VirtException {
        String lastModel = null;
        for (Controller c : scsi(live)) {
            lastModel = c.model();
        }
        for (int i = 0; i <= index; i++) {
            if (find(live, i) != null) {
                continue;
            }
            Controller c = find(completed, i);
            if (c == null) {
                throw QemuErrors.internal("no SCSI controller " + i + " for the disk");
            }
            if (lastModel != null) {
                c = c.withModel(lastModel);
            }
            c = c.withInfo(c.info().toBuilder().alias(DeviceAliases.controller(live, c)).build());
            DomainDef with = DeviceLists.with(live, c);
            List<String> args = host.context().argv().controllerHotplug(with, emulator, c);
            LOG.info("domain '{}': no SCSI controller {} present, hotplugging one model={}", dom.name(), i, c.model());
            try {
                qmp.execute("device_add", QmpJson.object(QmpJson.parse(args.get(1))));
            } catch (QmpException e) {
                throw QemuErrors.internal(e.getMessage(), e);
            }
            live = with;
            dom.setLiveDef(live);
            host.saveStatusQuietly(dom);
        }
        return live;
    }

    private static List<Controller> scsi(DomainDef def) {
        return def.devices().controllers().stream().filter(c -> "scsi".equals(c.type())).toList();
    }

    private static Controller find(DomainDef def, int index) {
        return scsi(def).stream().filter(c -> c.index() == index).findFirst().orElse(null);
    }
}
