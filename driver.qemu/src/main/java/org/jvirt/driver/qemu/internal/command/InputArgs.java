package org.jvirt.driver.qemu.internal.command;

import java.util.List;

import org.jvirt.api.xml.Input;
import org.jvirt.api.xml.VirtioDriver;

/** {@code -device} arguments of the USB and virtio {@code <input>} devices (PS/2 ones are part of the machine). */
final class InputArgs {
    private final QemuMachine m;

    InputArgs(QemuMachine m) {
        this.m = m;
    }

    void inputs(Argv a) {
        List<Input> inputs = m.def().devices().ofType(Input.class);
        for (int i = 0; i < inputs.size(); i++) {
            Input in = inputs.get(i);
            Json j = Json.object();
            if ("usb".equals(in.bus())) {
                String driver = switch (in.type()) {
                    case "mouse" -> "usb-mouse";
                    case "tablet" -> "usb-tablet";
                    case "keyboard" -> "usb-kbd";
                    default -> null;
                };
                if (driver == null) {
                    continue;
                }
                j.put("driver", driver).put("id", "input" + i);
                UsbBus.put(in.info(), j);
            } else if ("virtio".equals(in.bus())) {
                j.put("driver", "virtio-" + in.type() + "-pci");
                VirtioDriver drv = in.driver();
                if (drv != null) {
                    VirtioOptions.put(j, drv.iommu(), drv.ats(), drv.packed(), drv.pagePerVq());
                }
                j.put("id", "input" + i);
                PciBus.put(m, in.info(), j);
            } else {
                continue;
            }
            a.device(j);
        }
    }
}
