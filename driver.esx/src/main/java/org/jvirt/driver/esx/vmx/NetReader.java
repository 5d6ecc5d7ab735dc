package org.jvirt.driver.esx.vmx;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.jvirt.api.VirtException;
import org.jvirt.api.xml.NetInterface;
import org.jvirt.api.xml.NetInterfaceBuilder;
import org.jvirt.api.xml.NetSource;
import org.jvirt.api.xml.Preserved;
import org.jvirt.api.xml.XmlAttribute;

/**
 * {@code ethernetN} NICs (virVMXParseEthernet): the MAC address and its kind, the model, and the
 * connection (bridged or custom to a port group, NAT, none, or a distributed switch port).
 */
final class NetReader {
    private static final List<String> MODELS = List.of("vlance", "vmxnet", "vmxnet3", "e1000", "e1000e");

    private final VmxConfig conf;

    NetReader(VmxConfig conf) {
        this.conf = conf;
    }

    /** Every present NIC up to the highest {@code ethernetN} index any key names. */
    List<NetInterface> read() throws VirtException {
        List<NetInterface> nics = new ArrayList<>();
        int max = -1;
        for (VmxText.Entry e : conf.entries()) {
            if (e.name().regionMatches(true, 0, "ethernet", 0, 8)) {
                max = Math.max(max, index(e.name()));
            }
        }
        for (int i = 0; i <= max; i++) {
            NetInterface nic = read(i);
            if (nic != null) {
                nics.add(nic);
            }
        }
        return nics;
    }

    private static int index(String key) throws VirtException {
        int dot = key.indexOf('.', 8);
        String digits = dot < 0 ? key.substring(8) : key.substring(8, dot);
        Long n = Numbers.parseLong(digits);
        if (dot < 0 || n == null || n < 0 || n > Integer.MAX_VALUE || digits.isBlank()) {
            throw VmxErrors.internal("failed to parse the index of the VMX key '" + key + "'");
        }
        return n.intValue();
    }

    private NetInterface read(int controller) throws VirtException {
        String prefix = "ethernet" + controller + ".";
        boolean present = conf.bool(prefix + "present", false);
        conf.bool(prefix + "startConnected", true);
        if (!present) {
            return null;
        }
        NetInterfaceBuilder nic = NetInterface.builder();
        String connectionType = conf.string(prefix + "connectionType");
        mac(nic, prefix);
        nic.modelType(model(prefix));
        String networkName = null;
        if (connectionType == null || connectionType.equalsIgnoreCase("bridged")
                || connectionType.equalsIgnoreCase("custom")) {
            networkName = conf.string(prefix + "networkName", connectionType == null);
        }
        String vnet = null;
        if (connectionType != null && connectionType.equalsIgnoreCase("custom")) {
            vnet = conf.string(prefix + "vnet", false);
        }
        String switchId = conf.string(prefix + "dvs.switchId");
        if (switchId != null) {
            nic.type("vds").source(distributedSwitch(prefix, switchId));
        } else if (connectionType == null && networkName == null) {
            nic.type("null");
        } else if (connectionType == null || connectionType.equalsIgnoreCase("bridged")) {
            nic.type("bridge").source(NetSource.builder().bridge(networkName).build());
        } else if (connectionType.equalsIgnoreCase("hostonly")) {
            throw VmxErrors.internal("No yet handled value '" + connectionType + "' for VMX entry '" + prefix
                    + "connectionType'");
        } else if (connectionType.equalsIgnoreCase("nat")) {
            nic.type("user");
        } else if (connectionType.equalsIgnoreCase("custom")) {
            nic.type("bridge").source(NetSource.builder().bridge(networkName).build()).targetDev(vnet);
        } else {
            throw VmxErrors.internal("Invalid value '" + connectionType + "' for VMX entry '" + prefix
                    + "connectionType'");
        }
        return nic.build();
    }

    /** addressType generated / vpx take generatedAddress, static takes address. */
    private void mac(NetInterfaceBuilder nic, String prefix) throws VirtException {
        String addressType = conf.string(prefix + "addressType");
        String generated = conf.string(prefix + "generatedAddress");
        String address = conf.string(prefix + "address");
        String check = conf.string(prefix + "checkMACAddress");
        String mac = Mac.ZERO;
        if (addressType == null || addressType.equalsIgnoreCase("generated") || addressType.equalsIgnoreCase("vpx")) {
            if (generated != null) {
                mac = parseMac(prefix + "generatedAddress", generated);
            }
            if (addressType != null) {
                nic.macType("generated");
            }
        } else if (addressType.equalsIgnoreCase("static")) {
            if (address != null) {
                mac = parseMac(prefix + "address", address);
            }
            nic.macType("static");
        } else {
            throw VmxErrors.internal("Expecting VMX entry '" + prefix + "addressType' to be 'generated' or 'static' or "
                    + "'vpx' but found '" + addressType + "'");
        }
        nic.mac(mac);
        if (check != null) {
            nic.macCheck(check.equals("true") ? "yes" : "no");
        }
    }

    private static String parseMac(String entry, String value) throws VirtException {
        String mac = Mac.parse(value);
        if (mac == null) {
            throw VmxErrors.internal("Expecting VMX entry '" + entry + "' to be MAC address but found '" + value + "'");
        }
        return mac;
    }

    /** virtualDev, with {@code features = "15"} turning vmxnet into the enhanced vmxnet2. */
    private String model(String prefix) throws VirtException {
        String virtualDev = conf.string(prefix + "virtualDev");
        long features = conf.number(prefix + "features", 0);
        if (virtualDev == null) {
            return null;
        }
        String model = virtualDev.toLowerCase(Locale.ROOT);
        if (!MODELS.contains(model)) {
            throw VmxErrors.internal("Expecting VMX entry '" + prefix + "virtualDev' to be 'vlance' or 'vmxnet' or "
                    + "'vmxnet3' or 'e1000' or 'e1000e' but found '" + virtualDev + "'");
        }
        return model.equals("vmxnet") && features == 15 ? "vmxnet2" : model;
    }

    /** A distributed switch port; the port group, port and connection may be left out. */
    private NetSource distributedSwitch(String prefix, String switchId) throws VirtException {
        UUID uuid = VmxUuid.parse(switchId);
        if (uuid == null) {
            throw VmxErrors.internal("Could not parse UUID from string '" + switchId + "'");
        }
        String portgroupId = conf.string(prefix + "dvs.portgroupId");
        Long portId = optionalNumber(prefix + "dvs.portId");
        Long connectionId = optionalNumber(prefix + "dvs.connectionId");
        List<XmlAttribute> attrs = new ArrayList<>();
        attrs.add(new XmlAttribute("switchid", uuid.toString()));
        if (portgroupId != null) {
            attrs.add(new XmlAttribute("portgroupid", portgroupId));
        }
        if (connectionId != null) {
            attrs.add(new XmlAttribute("connectionid", connectionId.toString()));
        }
        return NetSource.builder().portid(portId == null ? null : portId.toString())
                .other(new Preserved(attrs, List.of())).build();
    }

    private Long optionalNumber(String name) throws VirtException {
        return conf.string(name) == null ? null : conf.number(name, 0);
    }
}
