package org.jvirt.driver.qemu.internal.command;

import java.util.ArrayList;
import java.util.List;

import org.jvirt.api.xml.Controller;
import org.jvirt.api.xml.ControllerDriver;
import org.jvirt.api.xml.ControllerTarget;
import org.jvirt.api.xml.IothreadQueues;

/** {@code -device} arguments of the controllers, in libvirt's order of controller types. */
final class ControllerArgs {
    private static final List<String> TYPE_ORDER = List.of("pci", "usb", "scsi", "ide", "sata", "virtio-serial",
            "ccid", "isa", "xenbus");

    private final QemuMachine m;

    ControllerArgs(QemuMachine m) {
        this.m = m;
    }

    void controllers(Argv a) {
        for (String type : TYPE_ORDER) {
            for (Controller c : m.controllers(type)) {
                Json j = controller(c);
                if (j != null) {
                    a.device(j);
                }
            }
        }
    }

    /** The {@code -device} properties of one controller, or null for one without a device of its own. */
    Json single(Controller c) {
        return controller(c);
    }

    private Json controller(Controller c) {
        String model = c.model() == null ? "" : c.model();
        int index = Math.max(c.index(), 0);
        Json j = Json.object();
        switch (c.type()) {
            case "pci" -> {
                if (!pci(c, model, index, j)) {
                    return null;
                }
            }
            case "usb" -> {
                String driver = usbDriver(model);
                if (driver == null) {
                    return null;
                }
                j.put("driver", driver);
                Integer startport = c.info().masterStartport();
                if (startport != null) {
                    // a USB1 companion of an EHCI controller: no id of its own, it joins the master's bus
                    j.put("masterbus", (index == 0 ? "usb" : "usb" + index) + ".0").put("firstport", startport);
                    PciBus.put(m, c.info(), j);
                    return j;
                }
                if (c.ports() != null && (model.equals("qemu-xhci") || model.equals("nec-xhci"))) {
                    j.put("p2", c.ports()).put("p3", c.ports());
                }
                j.put("id", index == 0 ? "usb" : "usb" + index);
            }
            case "scsi" -> scsi(c, model, index, j);
            case "sata" -> {
                if (m.isQ35() && index == 0) {
                    return null;
                }
                j.put("driver", "ich9-ahci").put("id", "sata" + index);
            }
            case "virtio-serial" -> {
                j.put("driver", "virtio-serial-pci");
                virtio(c.driver(), j);
                j.put("id", "virtio-serial" + index);
                if (c.ports() != null) {
                    j.put("max_ports", c.ports());
                }
                if (c.vectors() != null) {
                    j.put("vectors", c.vectors());
                }
            }
            case "ccid" -> {
                j.put("driver", "usb-ccid").put("id", "ccid" + index);
                UsbBus.put(c.info(), j);
            }
            default -> {
                // ide is built into the machine; isa and xenbus have no device of their own
                return null;
            }
        }
        PciBus.put(m, c.info(), j);
        return j;
    }

    private static boolean pci(Controller c, String model, int index, Json j) {
        ControllerTarget t = c.target();
        switch (model) {
            case "pcie-root-port" -> {
                j.put("driver", c.modelName() == null ? "pcie-root-port" : c.modelName());
                j.put("port", t == null || t.port() == null ? 0 : t.port())
                        .put("chassis", t == null || t.chassis() == null ? index : t.chassis());
                j.put("id", "pci." + index);
                return true;
            }
            case "pci-bridge" -> {
                j.put("driver", "pci-bridge")
                        .put("chassis_nr", t == null || t.chassisNr() == null ? index : t.chassisNr())
                        .put("id", "pci." + index);
                return true;
            }
            default -> {
                return false;
            }
        }
    }

    private static String usbDriver(String model) {
        return switch (model) {
            case "piix3-uhci" -> "piix3-usb-uhci";
            case "piix4-uhci" -> "piix4-usb-uhci";
            case "ehci" -> "usb-ehci";
            case "ich9-ehci1" -> "ich9-usb-ehci1";
            case "ich9-uhci1" -> "ich9-usb-uhci1";
            case "ich9-uhci2" -> "ich9-usb-uhci2";
            case "ich9-uhci3" -> "ich9-usb-uhci3";
            case "pci-ohci" -> "pci-ohci";
            case "nec-xhci" -> "nec-usb-xhci";
            case "qemu-xhci" -> "qemu-xhci";
            case "none" -> null;
            default -> model;
        };
    }

    private static void scsi(Controller c, String model, int index, Json j) {
        String driver = switch (model) {
            case "virtio-scsi" -> "virtio-scsi-pci";
            case "lsilogic" -> "lsi";
            case "lsisas1068" -> "mptsas1068";
            case "lsisas1078" -> "megasas";
            case "vmpvscsi" -> "pvscsi";
            default -> model;
        };
        j.put("driver", driver);
        ControllerDriver drv = c.driver();
        boolean virtio = model.startsWith("virtio");
        if (virtio) {
            virtio(drv, j);
            if (drv != null && drv.iothread() != null) {
                j.put("iothread", "iothread" + drv.iothread());
            }
        }
        j.put("id", "scsi" + index);
        if (drv != null && virtio) {
            if (drv.queues() != null) {
                j.put("num_queues", drv.queues());
            }
            if (drv.cmdPerLun() != null) {
                j.put("cmd_per_lun", drv.cmdPerLun());
            }
            if (drv.maxSectors() != null) {
                j.put("max_sectors", drv.maxSectors());
            }
            putIothreadVqMapping(j, drv.iothreads());
        }
    }

    private static void virtio(ControllerDriver drv, Json j) {
        if (drv != null) {
            VirtioOptions.put(j, drv.iommu(), drv.ats(), drv.packed(), drv.pagePerVq());
        }
    }

    /** {@code iothread-vq-mapping} of a virtio disk or SCSI controller (qemuBuildIothreadMappingProps). */
    static void putIothreadVqMapping(Json j, List<IothreadQueues> threads) {
        if (threads.isEmpty()) {
            return;
        }
        List<Json> mapping = new ArrayList<>();
        for (IothreadQueues t : threads) {
            Json entry = Json.object().put("iothread", "iothread" + t.id());
            if (!t.queues().isEmpty()) {
                entry.put("vqs", t.queues());
            }
            mapping.add(entry);
        }
        j.put("iothread-vq-mapping", mapping);
    }
}
