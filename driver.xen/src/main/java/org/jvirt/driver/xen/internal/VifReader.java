package org.jvirt.driver.xen.internal;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jvirt.api.VirtException;

/** libvirt's xenParseVif: {@code vif} entries ({@code key=value,...}) into interfaces. */
final class VifReader {
    private static final Pattern RATE = Pattern.compile("(\\d+)([KMG]?)([Bb])/s(@.*)?");

    void read(Conf conf, Node devices, String vifTypename, boolean hvm) throws VirtException {
        for (String entry : conf.strings("vif")) {
            vif(entry, devices, vifTypename);
        }
    }

    private static void vif(String entry, Node devices, String vifTypename) throws VirtException {
        String mac = null;
        String bridge = "";
        String script = "";
        String model = "";
        String type = "";
        String vifname = "";
        String ip = null;
        String rate = null;
        for (String pair : entry.split(",")) {
            String p = pair.strip();
            int eq = p.indexOf('=');
            if (eq < 0) {
                continue;
            }
            String key = p.substring(0, eq);
            String value = p.substring(eq + 1);
            switch (key) {
                case "mac" -> mac = value;
                case "bridge" -> bridge = value;
                case "script" -> script = value;
                case "model" -> model = value;
                case "type" -> type = value;
                case "vifname" -> vifname = value;
                case "ip" -> ip = value;
                case "rate" -> rate = value;
                default -> {
                }
            }
        }
        boolean isBridge = !bridge.isEmpty() || script.equals("vif-bridge") || script.equals("vif-vnic");
        Node net = devices.add("interface").attr("type", isBridge ? "bridge" : "ethernet");
        if (mac != null) {
            net.add("mac").attr("address", mac);
        }
        if (!bridge.isEmpty()) {
            bridge(bridge, net);
        }
        if (ip != null) {
            for (String a : ip.split(" ")) {
                if (!a.isEmpty()) {
                    net.add("ip").attr("address", a).attr("family", a.contains(":") ? "ipv6" : "ipv4");
                }
            }
        }
        if (!script.isEmpty()) {
            net.add("script").attr("path", script);
        }
        if (!model.isEmpty()) {
            net.add("model").attr("type", model);
        } else if (!type.isEmpty() && type.equals(vifTypename)) {
            net.add("model").attr("type", "netfront");
        }
        if (!vifname.isEmpty()) {
            net.add("target").attr("dev", vifname);
        }
        if (rate != null) {
            Matcher m = RATE.matcher(rate);
            if (!m.matches()) {
                throw XenErrors.conf("Invalid rate '" + rate + "' specified");
            }
            long kbytes = Long.parseLong(m.group(1)) * switch (m.group(2)) {
                case "M" -> 1024L;
                case "G" -> 1024L * 1024;
                default -> 1L;
            } / ("b".equals(m.group(3)) ? 8 : 1);
            net.add("bandwidth").add("outbound").attr("average", kbytes);
        }
    }

    /** {@code BRIDGE[.VLAN]} or {@code BRIDGE:TRUNK:TRUNK}: Open vSwitch VLANs. */
    private static void bridge(String bridge, Node net) {
        int dot = bridge.indexOf('.');
        int colon = bridge.indexOf(':');
        if (dot >= 0) {
            net.add("source").attr("bridge", bridge.substring(0, dot));
            net.add("vlan").add("tag").attr("id", bridge.substring(dot + 1));
            net.add("virtualport").attr("type", "openvswitch");
        } else if (colon >= 0) {
            net.add("source").attr("bridge", bridge.substring(0, colon));
            Node vlan = net.add("vlan").attr("trunk", "yes");
            for (String tag : bridge.substring(colon + 1).split(":")) {
                vlan.add("tag").attr("id", tag);
            }
            net.add("virtualport").attr("type", "openvswitch");
        } else {
            net.add("source").attr("bridge", bridge);
        }
    }
}
