package org.jvirt.driver.xen.internal;

import java.util.List;

import org.jvirt.api.VirtException;

/** libvirt's xenParseCharDev and xenParseSxprChar: parallel and serial ports, the PV console. */
final class CharReader {

    void read(Conf conf, Node devices, boolean hvm, String format) throws VirtException {
        if (!hvm) {
            devices.add("console").attr("type", "pty").add("target").attr("type", "xen").attr("port", 0);
            return;
        }
        String parallel = conf.string("parallel", null);
        if (parallel != null && !parallel.equals("none")) {
            chr(devices, "parallel", parallel, 0);
        }
        List<?> list = conf.list("serial");
        if (!list.isEmpty() && NativeFormats.XL.equals(format)) {
            for (int port = 0; port < list.size(); port++) {
                if (list.get(port) instanceof String s && !s.equals("none")) {
                    chr(devices, "serial", s, port);
                }
            }
        } else {
            String serial = conf.strings("serial").stream().findFirst().orElse(null);
            if (serial != null && !serial.equals("none")) {
                chr(devices, "serial", serial, 0);
            }
        }
    }

    private static void chr(Node devices, String element, String value, int port) throws VirtException {
        Node c = devices.add(element);
        if (value.startsWith("/")) {
            c.attr("type", "dev");
            c.add("source").attr("path", value);
        } else {
            int colon = value.indexOf(':');
            String prefix = colon < 0 ? value : value.substring(0, colon);
            String rest = colon < 0 ? "" : value.substring(colon + 1);
            switch (prefix) {
                case "pty", "null", "stdio", "vc" -> c.attr("type", prefix);
                case "file", "pipe" -> {
                    c.attr("type", prefix);
                    c.add("source").attr("path", rest);
                }
                case "tcp", "telnet" -> {
                    c.attr("type", "tcp");
                    boolean server = rest.contains(",server");
                    String hostPort = rest.split(",")[0];
                    int sep = hostPort.lastIndexOf(':');
                    if (sep < 0) {
                        throw XenErrors.conf("malformed char device string");
                    }
                    c.add("source").attr("mode", server ? "bind" : "connect")
                            .attr("host", emptyToNull(hostPort.substring(0, sep)))
                            .attr("service", hostPort.substring(sep + 1));
                    c.add("protocol").attr("type", prefix.equals("tcp") ? "raw" : "telnet");
                }
                case "udp" -> {
                    c.attr("type", "udp");
                    int at = rest.indexOf('@');
                    String connect = at < 0 ? rest : rest.substring(0, at);
                    udpSource(c, "connect", connect);
                    if (at >= 0) {
                        udpSource(c, "bind", rest.substring(at + 1));
                    }
                }
                case "unix" -> {
                    c.attr("type", "unix");
                    boolean server = rest.contains(",server");
                    c.add("source").attr("mode", server ? "bind" : "connect").attr("path", rest.split(",")[0]);
                }
                default -> throw XenErrors.conf("unknown chr device type '" + prefix + "'");
            }
        }
        c.add("target").attr("port", port);
    }

    private static void udpSource(Node c, String mode, String hostPort) throws VirtException {
        int sep = hostPort.lastIndexOf(':');
        if (sep < 0) {
            throw XenErrors.conf("malformed char device string");
        }
        c.add("source").attr("mode", mode).attr("host", emptyToNull(hostPort.substring(0, sep)))
                .attr("service", emptyToNull(hostPort.substring(sep + 1)));
    }

    private static String emptyToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }
}
