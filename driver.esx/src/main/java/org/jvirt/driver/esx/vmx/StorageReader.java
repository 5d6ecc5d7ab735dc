package org.jvirt.driver.esx.vmx;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jvirt.api.VirtException;
import org.jvirt.api.xml.Controller;
import org.jvirt.api.xml.Disk;

/**
 * The drives of a VMX file in vmx.c's order (SCSI, SATA, IDE, floppy) and their controllers:
 * the SCSI and SATA controllers up to the last one a disk uses (a SCSI one with its model from
 * {@code scsiN.virtualDev}), then the floppy and IDE controllers libvirt's post-parse adds for
 * the disks that use them.
 */
final class StorageReader {
    /** VMware's {@code scsiN.virtualDev} names and libvirt's controller models. */
    static final Map<String, String> SCSI_MODELS = Map.of("buslogic", "buslogic", "lsilogic", "lsilogic",
            "lsisas1068", "lsisas1068", "pvscsi", "vmpvscsi");

    private final VmxConfig conf;
    private final DiskReader reader;
    private final int scsiUnits;
    final List<Disk> disks = new ArrayList<>();
    final List<Controller> controllers = new ArrayList<>();

    StorageReader(VmxConfig conf, VmxContext.FileNames files, long virtualHwVersion) {
        this.conf = conf;
        this.scsiUnits = virtualHwVersion >= 13 ? DriveSlots.SUPER_WIDE_SCSI_UNITS : DriveSlots.WIDE_SCSI_UNITS;
        this.reader = new DiskReader(conf, files, scsiUnits);
    }

    void read() throws VirtException {
        String[] scsiModels = new String[4];
        for (int controller = 0; controller < 4; controller++) {
            if (!conf.bool("scsi" + controller + ".present", false)) {
                continue;
            }
            scsiModels[controller] = scsiModel(controller);
            for (int unit = 0; unit < scsiUnits; unit++) {
                if (unit != DriveSlots.SCSI_CONTROLLER_UNIT) {
                    add(reader.diskOrCdrom("scsi", controller, unit));
                }
            }
        }
        addControllers("scsi", 0, scsiModels);
        int scsiDisks = disks.size();
        for (int controller = 0; controller < 4; controller++) {
            if (!conf.bool("sata" + controller + ".present", false)) {
                continue;
            }
            for (int unit = 0; unit < 30; unit++) {
                add(reader.diskOrCdrom("sata", controller, unit));
            }
        }
        addControllers("sata", scsiDisks, new String[4]);
        for (int bus = 0; bus < 2; bus++) {
            for (int unit = 0; unit < 2; unit++) {
                add(reader.diskOrCdrom("ide", bus, unit));
            }
        }
        for (int unit = 0; unit < 2; unit++) {
            add(reader.floppy(unit));
        }
        // virDomainDefAddDiskControllers adds SCSI, FDC, IDE, SATA in that order
        implicitControllers("fdc");
        implicitControllers("ide");
    }

    private void add(Disk disk) {
        if (disk != null) {
            disks.add(disk);
        }
    }

    /** virVMXParseSCSIController: the model, or null when {@code virtualDev} is absent. */
    private String scsiModel(int controller) throws VirtException {
        String name = "scsi" + controller + ".virtualDev";
        String virtualDev = conf.string(name);
        if (virtualDev == null) {
            return null;
        }
        String lower = virtualDev.toLowerCase(Locale.ROOT);
        String model = SCSI_MODELS.get(lower);
        if (model == null) {
            throw VmxErrors.internal("Expecting VMX entry '" + name + "' to be 'buslogic' or 'lsilogic' or "
                    + "'lsisas1068' or 'pvscsi' but found '" + lower + "'");
        }
        return model;
    }

    /** Controllers 0 to the one the last disk read since {@code from} is on, as vmx.c adds them. */
    private void addControllers(String type, int from, String[] models) {
        if (disks.size() == from) {
            return;
        }
        int last = disks.get(disks.size() - 1).info().address().controller();
        for (int i = 0; i <= last; i++) {
            controllers.add(Controller.builder().type(type).index(i).model(i < models.length ? models[i] : null).build());
        }
    }

    /** virDomainDefAddDiskControllers: every controller index up to the highest a disk of that bus uses. */
    private void implicitControllers(String bus) {
        int max = disks.stream().filter(d -> bus.equals(d.targetBus())).mapToInt(d -> d.info().address().controller())
                .max().orElse(-1);
        for (int i = 0; i <= max; i++) {
            controllers.add(Controller.builder().type(bus).index(i).build());
        }
    }
}
