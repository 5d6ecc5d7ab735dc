package org.jvirt.driver.qemu.internal.command;

import java.util.ArrayList;
import java.util.List;

import org.jvirt.api.xml.Address;
import org.jvirt.api.xml.Device;
import org.jvirt.api.xml.Hostdev;
import org.jvirt.api.xml.NetInterface;

/** PCI host devices (and hostdev NICs) as vfio-pci, in libvirt's hostdev order (NICs first). */
final class HostdevArgs {
    private final QemuMachine m;
    private final BootIndex boot;

    HostdevArgs(QemuMachine m, BootIndex boot) {
        this.m = m;
        this.boot = boot;
    }

    void hostdevs(Argv a) {
        List<Device> all = new ArrayList<>();
        for (NetInterface net : m.def().devices().interfaces()) {
            if ("hostdev".equals(net.type())) {
                all.add(net);
            }
        }
        all.addAll(m.def().devices().ofType(Hostdev.class));
        for (int n = 0; n < all.size(); n++) {
            Address host = hostAddress(all.get(n));
            if (host == null) {
                continue;
            }
            Json j = Json.object().put("driver", "vfio-pci").put("host", String.format("%04x:%02x:%02x.%x",
                    orZero(host.domain()), orZero(host.bus()), orZero(host.slot()), orZero(host.function())))
                    .put("id", "hostdev" + n).put("bootindex", boot.of(all.get(n)));
            PciBus.put(m, all.get(n).info(), j);
            a.device(j);
        }
    }

    /** The host PCI address of a PCI hostdev or hostdev NIC, or null for any other. */
    private static Address hostAddress(Device d) {
        if (d instanceof NetInterface net) {
            return net.source() == null ? null : net.source().hostAddress();
        }
        Hostdev h = (Hostdev) d;
        return "pci".equals(h.type()) && h.source() != null ? h.source().pciAddress() : null;
    }

    private static int orZero(Integer v) {
        return v == null ? 0 : v;
    }
}
