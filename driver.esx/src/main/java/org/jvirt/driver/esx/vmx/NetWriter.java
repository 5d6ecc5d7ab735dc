package org.jvirt.driver.esx.vmx;

import java.util.List;
import java.util.UUID;

import org.jvirt.api.VirtException;
import org.jvirt.api.xml.NetInterface;
import org.jvirt.api.xml.NetSource;
import org.jvirt.api.xml.XmlAttribute;

/** A NIC as {@code ethernetN} entries (virVMXFormatEthernet). */
final class NetWriter {
    private static final List<String> MODELS = List.of("vlance", "vmxnet", "vmxnet2", "vmxnet3", "e1000", "e1000e");

    private NetWriter() {
    }

    static void write(NetInterface nic, int controller, int virtualHwVersion, VmxLines out) throws VirtException {
        // hardware older than version 7 (ESX 4.0) has 4 NICs, newer 10
        int limit = virtualHwVersion >= 7 ? 9 : 3;
        if (controller > limit) {
            throw VmxErrors.internal("Ethernet controller index " + controller + " out of [0.." + limit + "] range");
        }
        String prefix = "ethernet" + controller + ".";
        out.put(prefix + "present", "true");
        String model = nic.modelType();
        if (model != null) {
            if (!MODELS.contains(model)) {
                throw VmxErrors.internal("Expecting domain XML entry 'devices/interface/model' to be 'vlance' or "
                        + "'vmxnet' or 'vmxnet2' or 'vmxnet3' or 'e1000' or 'e1000e' but found '" + model + "'");
            }
            if (model.equals("vmxnet2")) {
                out.put(prefix + "virtualDev", "vmxnet").put(prefix + "features", "15");
            } else {
                out.put(prefix + "virtualDev", model);
            }
        }
        connection(nic, prefix, out);
        mac(nic, prefix, out);
    }

    private static void connection(NetInterface nic, String prefix, VmxLines out) throws VirtException {
        NetSource src = nic.source();
        switch (nic.type()) {
            case "bridge" -> {
                out.put(prefix + "networkName", src == null ? null : src.bridge());
                if (nic.targetDev() != null) {
                    out.put(prefix + "connectionType", "custom").put(prefix + "vnet", nic.targetDev());
                } else {
                    out.put(prefix + "connectionType", "bridged");
                }
            }
            case "user" -> out.put(prefix + "connectionType", "nat");
            case "null" -> {
            }
            case "vds" -> {
                UUID switchId = UUID.fromString(attribute(src, "switchid"));
                out.put(prefix + "dvs.switchId", VmxUuid.format(switchId));
                out.put(prefix + "dvs.portId", src.portid() == null ? "0" : src.portid());
                String portgroup = attribute(src, "portgroupid");
                if (portgroup != null) {
                    out.put(prefix + "dvs.portgroupId", portgroup);
                }
                String connection = attribute(src, "connectionid");
                out.put(prefix + "dvs.connectionId", connection == null ? "0" : connection);
            }
            default -> throw VmxErrors.unsupported("Unsupported net type '" + nic.type() + "'");
        }
    }

    private static String attribute(NetSource src, String name) {
        if (src == null) {
            return null;
        }
        return src.other().attributes().stream().filter(a -> a.name().equals(name)).map(XmlAttribute::value)
                .findFirst().orElse(null);
    }

    /**
     * The address kind follows VMware's prefixes unless the definition names it: 00:0c:29 is
     * generated, 00:50:56:00-3f static, 00:50:56:80-bf assigned by vCenter; any other is static
     * and must not be checked against VMware's ranges.
     */
    private static void mac(NetInterface nic, String prefix, VmxLines out) {
        String mac = nic.mac() == null ? Mac.ZERO : nic.mac();
        int[] b = Mac.bytes(mac);
        int oui = b[0] << 16 | b[1] << 8 | b[2];
        int suffix = b[3] << 16 | b[4] << 8 | b[5];
        String type;
        String check = null;
        boolean vpx = false;
        if (oui == 0x000c29) {
            type = "generated";
        } else if (oui == 0x005056 && suffix <= 0x3fffff) {
            type = "static";
        } else if (oui == 0x005056 && suffix >= 0x800000 && suffix <= 0xbfffff) {
            type = "generated";
            vpx = true;
        } else {
            type = "static";
            check = "no";
        }
        if (nic.macType() != null) {
            type = nic.macType();
            if (type.equals("generated")) {
                check = null;
            }
        }
        if (nic.macCheck() != null) {
            check = nic.macCheck();
        }
        if (type.equals("generated")) {
            out.put(prefix + "addressType", vpx ? "vpx" : "generated").put(prefix + "generatedAddress", mac);
            if (!vpx) {
                out.put(prefix + "generatedAddressOffset", "0");
            }
        } else {
            out.put(prefix + "addressType", "static").put(prefix + "address", mac);
        }
        if (check != null) {
            out.put(prefix + "checkMACAddress", check.equals("yes") ? "true" : "false");
        }
    }
}
