package org.jvirt.driver.qemu.internal.command;

import java.util.List;

import org.jvirt.api.xml.Address;
import org.jvirt.api.xml.Hub;
import org.jvirt.api.xml.Iommu;
import org.jvirt.api.xml.Panic;
import org.jvirt.api.xml.Watchdog;

/** The devices of the machine's platform: the intel IOMMU, USB hubs, watchdogs and the pvpanic device. */
final class PlatformDeviceArgs {
    private final QemuMachine m;

    PlatformDeviceArgs(QemuMachine m) {
        this.m = m;
    }

    /** The IOMMU device (intel-iommu; virtio-iommu goes with the PCI devices). */
    void iommu(Argv a) {
        for (Iommu iommu : m.def().devices().ofType(Iommu.class)) {
            if (!"intel".equals(iommu.model())) {
                continue;
            }
            Json j = Json.object().put("driver", "intel-iommu").put("id", "iommu0").put("intremap", iommu.intremap());
            j.putOnOff("caching-mode", iommu.cachingMode());
            j.put("eim", iommu.eim());
            j.putOnOff("device-iotlb", iommu.iotlb());
            j.put("aw-bits", iommu.awBits());
            j.putOnOff("dma-translation", iommu.dmaTranslation());
            a.device(j);
        }
    }

    /** USB hubs, right after the controllers. */
    void hubs(Argv a) {
        List<Hub> hubs = m.def().devices().ofType(Hub.class);
        for (int i = 0; i < hubs.size(); i++) {
            Json j = Json.object().put("driver", "usb-hub").put("id", "hub" + i);
            UsbBus.put(hubs.get(i).info(), j);
            a.device(j);
        }
    }

    void watchdogs(Argv a) {
        List<Watchdog> wds = m.def().devices().ofType(Watchdog.class);
        for (int i = 0; i < wds.size(); i++) {
            Watchdog w = wds.get(i);
            if ("itco".equals(w.model())) {
                a.add("-global", "ICH9-LPC.noreboot=off");
            } else {
                Json j = Json.object().put("driver", w.model()).put("id", "watchdog" + i);
                PciBus.put(m, w.info(), j);
                a.device(j);
            }
            String action = w.action() == null ? "reset" : w.action();
            // QEMU has no dump action: libvirt pauses the guest and dumps it itself
            a.add("-watchdog-action", action.equals("dump") ? "pause" : action);
        }
    }

    void panic(Argv a) {
        for (Panic p : m.def().devices().ofType(Panic.class)) {
            if (p.model() == null || p.model().equals("isa")) {
                Json j = Json.object().put("driver", "pvpanic");
                Address addr = p.info().address();
                if (addr != null && addr.iobase() != null) {
                    j.put("ioport", addr.iobase());
                }
                a.device(j);
            }
        }
    }
}
