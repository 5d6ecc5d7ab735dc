package org.jvirt.driver.qemu.internal.command;

import java.util.List;

import org.jvirt.api.VirtException;
import org.jvirt.api.xml.NetDriver;
import org.jvirt.api.xml.NetInterface;
import org.jvirt.api.xml.NetIp;
import org.jvirt.driver.qemu.internal.QemuErrors;

/** The {@code -netdev} backend and the {@code -device} of each network interface (qemuBuildInterfaceCommandLine). */
final class NetArgs {
    private final QemuMachine m;
    private final CommandEnv env;
    private final BootIndex boot;

    NetArgs(QemuMachine m, CommandEnv env, BootIndex boot) {
        this.m = m;
        this.env = env;
        this.boot = boot;
    }

    void interfaces(Argv a) throws VirtException {
        List<NetInterface> nets = m.def().devices().interfaces();
        for (int i = 0; i < nets.size(); i++) {
            NetInterface n = nets.get(i);
            if ("hostdev".equals(n.type())) {
                continue; // a PCI host device: emitted with the hostdevs
            }
            String alias = aliasOf(n, i);
            a.add("-netdev", netdev(n, "vnet" + i).put("id", "host" + alias).toString());
            a.device(device(n, alias));
        }
    }

    /**
     * The {@code -netdev} and {@code -device} of one interface plugged into a running guest, which
     * has its alias already (libvirt's qemuAssignDeviceNetAlias) and its tap named.
     */
    void hotplug(Argv a, NetInterface n) throws VirtException {
        String alias = n.info().alias();
        a.add("-netdev", netdev(n, n.targetDev()).put("id", "host" + alias).toString());
        a.add("-device", device(n, alias).toString());
    }

    /** The alias the interface has (one plugged while running keeps its own), else its start's {@code net<i>}. */
    static String aliasOf(NetInterface n, int i) {
        return n.info() != null && n.info().alias() != null ? n.info().alias() : "net" + i;
    }

    private Json netdev(NetInterface n, String defaultTap) throws VirtException {
        Json netdev = Json.object();
        String type = n.type();
        switch (type) {
            case "user" -> {
                netdev.put("type", "user");
                for (NetIp ip : n.ips()) {
                    if ("ipv6".equals(ip.family())) {
                        netdev.put("ipv6-prefix", ip.address());
                        if (ip.prefix() != null) {
                            netdev.put("ipv6-prefixlen", ip.prefix());
                        }
                    } else if (ip.address() != null) {
                        netdev.put("net", ip.address() + (ip.prefix() == null ? "" : "/" + ip.prefix()));
                    }
                }
            }
            case "ethernet", "bridge", "network", "direct" -> {
                boolean vhost = "virtio".equals(n.modelType())
                        && !(n.driver() != null && "qemu".equals(n.driver().name()));
                String ifname = n.targetDev() == null ? defaultTap : n.targetDev();
                String bridge = n.source() == null ? null : n.source().bridge();
                env.fds().tapNetdev(type, bridge, ifname, vhost).forEach(netdev::put);
            }
            default -> throw QemuErrors.unsupported("network interface type '" + type + "' is not supported");
        }
        return netdev;
    }

    private Json device(NetInterface n, String alias) {
        String model = n.modelType();
        String driver = model == null ? "rtl8139" : model.equals("virtio") ? "virtio-net-pci" : model;
        Json j = Json.object().put("driver", driver);
        NetDriver drv = n.driver();
        if ("virtio".equals(model) && drv != null) {
            VirtioOptions.put(j, drv.iommu(), drv.ats(), drv.packed(), drv.pagePerVq());
            if (drv.txmode() != null) {
                j.put("tx", drv.txmode().equals("iothread") ? "bh" : drv.txmode());
            }
            j.putOnOff("ioeventfd", drv.ioeventfd());
            j.putOnOff("event_idx", drv.eventIdx());
            j.put("rx_queue_size", drv.rxQueueSize()).put("tx_queue_size", drv.txQueueSize());
            j.putOnOff("rss", drv.rss());
            j.putOnOff("hash", drv.rssHashReport());
        }
        j.put("netdev", "host" + alias).put("id", alias).put("mac", n.mac()).put("bootindex", boot.of(n));
        if ("usb-net".equals(model)) {
            UsbBus.put(n.info(), j);
        } else {
            PciBus.put(m, n.info(), j);
        }
        return j;
    }
}
