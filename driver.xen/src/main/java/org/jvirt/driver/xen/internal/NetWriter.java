package org.jvirt.driver.xen.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import org.jvirt.api.ErrorDomain;
import org.jvirt.api.VirtException;
import org.jvirt.api.xml.DomainDef;
import org.jvirt.api.xml.NetInterface;
import org.jvirt.api.xml.NetIp;
import org.jvirt.api.xml.XmlElement;

/** libvirt's xenFormatNet: one {@code vif} entry per interface. */
final class NetWriter {
    private static final String DEFAULT_VIF_SCRIPT = "vif-bridge";
    private static final int VIR_ERR_NO_NETWORK = 43;

    /** @param start a hostdev NIC is PCI passthrough ({@code pci}), not a vif, at a start */
    List<String> vifs(DomainDef def, String vifTypename, boolean start) throws VirtException {
        List<String> out = new ArrayList<>();
        for (NetInterface net : def.devices().interfaces()) {
            if (start && "hostdev".equals(net.type())) {
                continue;
            }
            out.add(vif(net, DefReader.hvm(def), vifTypename, start));
        }
        return out;
    }

    private static String vif(NetInterface net, boolean hvm, String vifTypename, boolean start) throws VirtException {
        StringBuilder sb = new StringBuilder("mac=").append(net.mac());
        switch (net.type()) {
            case "bridge" -> {
                String script = net.script();
                sb.append(",bridge=").append(net.source() == null ? "" : net.source().bridge());
                XmlElement port = DefReader.child(net.other(), "virtualport");
                if (port != null && "openvswitch".equals(port.attribute("type"))) {
                    if (script == null) {
                        script = "vif-openvswitch";
                    }
                    XmlElement vlan = DefReader.child(net.other(), "vlan");
                    List<XmlElement> tags = vlan == null ? List.of() : vlan.children("tag");
                    if (!tags.isEmpty()) {
                        if ("yes".equals(vlan.attribute("trunk"))) {
                            tags.forEach(t -> sb.append(':').append(t.attribute("id")));
                        } else {
                            sb.append('.').append(tags.get(0).attribute("id"));
                        }
                    }
                }
                ips(net, sb);
                sb.append(",script=").append(script == null ? DEFAULT_VIF_SCRIPT : script);
            }
            case "ethernet" -> {
                if (net.script() != null) {
                    sb.append(",script=").append(net.script());
                }
                ips(net, sb);
            }
            // libvirt asks the network driver for the bridge; jvirt has none, so the network is not found
            case "network" -> throw new VirtException(VIR_ERR_NO_NETWORK, ErrorDomain.XENXL.number(),
                    "Network not found: " + (net.source() == null ? "" : net.source().network()));
            default -> throw XenErrors.confUnsupported("Unsupported net type '" + net.type() + "'");
        }
        String model = net.modelType();
        if (model != null) {
            if (hvm && "netfront".equals(model)) {
                sb.append(",type=").append(vifTypename);
            } else {
                sb.append(",model=").append(model);
            }
        }
        if (net.targetDev() != null) {
            sb.append(",vifname=").append(net.targetDev());
        }
        long average = DefReader.outboundAverage(net);
        if (average > 0) {
            if (start) {
                // libxlMakeNic counts the average in KiB/s; xl reads "KB" as 1000 bytes, so in bytes
                sb.append(",rate=").append(average * 1024).append("B/s");
            } else {
                sb.append(",rate=").append(average).append("KB/s");
            }
        }
        return sb.toString();
    }

    private static void ips(NetInterface net, StringBuilder sb) {
        if (!net.ips().isEmpty()) {
            sb.append(",ip=").append(net.ips().stream().map(NetIp::address).collect(Collectors.joining(" ")));
        }
    }
}
