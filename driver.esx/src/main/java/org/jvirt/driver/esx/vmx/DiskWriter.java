package org.jvirt.driver.esx.vmx;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import org.jvirt.api.VirtException;
import org.jvirt.api.xml.Address;
import org.jvirt.api.xml.Controller;
import org.jvirt.api.xml.Disk;
import org.jvirt.api.xml.DomainDef;

/**
 * The drives of a definition as VMX (virVMXVerifyDiskAddress, virVMXHandleLegacySCSIDiskDriverName,
 * virVMXGatherSCSIControllers, virVMXFormatDisk, virVMXFormatFloppy): SCSI and IDE disks and
 * CD-ROMs, floppies, and the SCSI controllers they need with their models.
 */
final class DiskWriter {
    private static final List<String> SCSI_MODELS = List.of("buslogic", "lsilogic", "lsisas1068", "vmpvscsi");

    private final VmxContext ctx;
    private final DiskFormatter formatter;

    DiskWriter(VmxContext ctx) {
        this.ctx = ctx;
        this.formatter = new DiskFormatter(ctx.fileNames());
    }

    /** Writes the SCSI controllers, the drives and the absent floppies; answers whether a SCSI controller is there. */
    boolean write(DomainDef def, VmxLines out) throws VirtException {
        List<Disk> disks = new ArrayList<>();
        for (Disk d : def.devices().disks()) {
            disks.add(withAddress(d));
        }
        // the SCSI controllers by index, with the model each has so far (null: none given)
        Map<Integer, String> models = new TreeMap<>();
        for (Controller c : def.devices().controllers()) {
            if (c.type().equals("scsi")) {
                models.putIfAbsent(c.index(), c.model());
            }
        }
        // libvirt's post-parse adds the controllers disks refer to (virDomainDefAddImplicitControllers)
        for (Disk d : disks) {
            if ("scsi".equals(d.targetBus()) && d.info().address() != null) {
                for (int i = 0; i <= num(d.info().address().controller()); i++) {
                    models.putIfAbsent(i, null);
                }
            }
        }
        for (Disk d : disks) {
            verifyAddress(d);
            legacyDriverName(d, models);
        }
        Map<Integer, String> present = gatherScsiControllers(disks, models);
        for (Map.Entry<Integer, String> c : present.entrySet()) {
            out.put("scsi" + c.getKey() + ".present", "true");
            if (c.getValue() != null) {
                out.put("scsi" + c.getKey() + ".virtualDev", c.getValue().equals("vmpvscsi") ? "pvscsi" : c.getValue());
            }
        }
        boolean[] floppies = new boolean[2];
        for (Disk d : disks) {
            String device = DeviceText.device(d);
            switch (device) {
                case "disk", "cdrom", "lun" -> formatter.disk(d, out);
                case "floppy" -> floppies[formatter.floppy(d, out)] = true;
                default -> throw VmxErrors.unsupported("Unsupported disk device type '" + device + "'");
            }
        }
        for (int i = 0; i < 2; i++) {
            // floppyN.present defaults to true: absent ones are switched off explicitly
            if (!floppies[i]) {
                out.put("floppy" + i + ".present", "false");
            }
        }
        return !present.isEmpty();
    }

    /** A disk parsed without an address gets the one libvirt's parser assigns from its target. */
    private static Disk withAddress(Disk d) {
        if (d.info().address() != null) {
            return d;
        }
        Address a = DriveSlots.assign(d.targetDev(), d.targetBus(), DriveSlots.WIDE_SCSI_UNITS);
        return a == null ? d : d.withInfo(d.info().withAddress(a));
    }

    private static void verifyAddress(Disk d) throws VirtException {
        Address a = d.info().address();
        if (a == null || !a.is("drive")) {
            throw VmxErrors.unsupported("Unsupported disk address type '" + (a == null ? "none" : a.type()) + "'");
        }
        Address expected = DriveSlots.assign(d.targetDev(), d.targetBus(), DriveSlots.WIDE_SCSI_UNITS);
        if (expected == null && List.of("scsi", "ide", "fdc", "sata").contains(DeviceText.bus(d))) {
            throw VmxErrors.internal("Could not verify disk address");
        }
        int controller = num(a.controller());
        int bus = num(a.bus());
        int unit = num(a.unit());
        if (expected != null && (controller != expected.controller() || bus != expected.bus()
                || unit != expected.unit())) {
            throw VmxErrors.internal("Disk address " + controller + ":" + bus + ":" + unit
                    + " doesn't match target device '" + d.targetDev() + "'");
        }
        switch (DeviceText.bus(d)) {
            case "scsi" -> {
                range(controller > 3, "SCSI controller index " + controller + " out of [0..3] range");
                range(bus != 0, "SCSI bus index " + bus + " out of [0] range");
                range(unit > 15 || unit == 7, "SCSI unit index " + unit + " out of [0..6,8..15] range");
            }
            case "ide" -> {
                range(controller != 0, "IDE controller index " + controller + " out of [0] range");
                range(bus > 1, "IDE bus index " + bus + " out of [0..1] range");
                range(unit > 1, "IDE unit index " + unit + " out of [0..1] range");
            }
            case "fdc" -> {
                range(controller != 0, "FDC controller index " + controller + " out of [0] range");
                range(bus != 0, "FDC bus index " + bus + " out of [0] range");
                range(unit > 1, "FDC unit index " + unit + " out of [0..1] range");
            }
            default -> throw VmxErrors.unsupported("Unsupported bus type '" + DeviceText.bus(d) + "'");
        }
    }

    private static void range(boolean outOfRange, String message) throws VirtException {
        if (outOfRange) {
            throw VmxErrors.internal(message);
        }
    }

    private static int num(Integer n) {
        return n == null ? 0 : n;
    }

    /** An old definition names the SCSI controller model as the disk's driver name. */
    private static void legacyDriverName(Disk d, Map<Integer, String> models) throws VirtException {
        String driver = d.driver() == null ? null : d.driver().name();
        if (!"scsi".equals(d.targetBus()) || driver == null) {
            return;
        }
        String model = driver.toLowerCase(Locale.ROOT);
        if (!ControllerModels.SCSI.contains(model)) {
            throw VmxErrors.internal("Unknown driver name '" + driver + "'");
        }
        int index = num(d.info().address().controller());
        if (!models.containsKey(index)) {
            throw VmxErrors.internal("Missing SCSI controller for index " + index);
        }
        String current = models.get(index);
        if (current == null) {
            models.put(index, model);
        } else if (!current.equals(model)) {
            throw VmxErrors.internal("Inconsistent SCSI controller model ('" + driver + "' is not '" + current
                    + "') for SCSI controller index " + index);
        }
    }

    /** The SCSI controllers that have disks, with their models (an {@code auto} one learnt from its disks). */
    private Map<Integer, String> gatherScsiControllers(List<Disk> disks, Map<Integer, String> models)
            throws VirtException {
        Map<Integer, String> present = new TreeMap<>();
        for (Map.Entry<Integer, String> c : models.entrySet()) {
            int index = c.getKey();
            List<Disk> attached = disks.stream().filter(d -> "scsi".equals(d.targetBus())
                    && num(d.info().address().controller()) == index).toList();
            if (attached.isEmpty()) {
                continue;
            }
            String model = c.getValue();
            if ("auto".equals(model) && ctx.scsiModelDetector() != null) {
                List<String> detected = new ArrayList<>();
                for (Disk d : attached) {
                    String m = ctx.scsiModelDetector().detect(d);
                    detected.add(m == null ? "auto" : m);
                }
                if (detected.stream().distinct().count() > 1) {
                    throw VmxErrors.internal("Disks on SCSI controller " + index
                            + " have inconsistent controller models, cannot autodetect model");
                }
                model = detected.get(0);
            }
            if (model != null && !SCSI_MODELS.contains(model)) {
                throw VmxErrors.internal("Expecting domain XML attribute 'model' of entry 'controller' to be "
                        + "'buslogic' or 'lsilogic' or 'lsisas1068' or 'vmpvscsi' but found '" + model + "'");
            }
            present.put(index, model);
        }
        return present;
    }
}
