package org.jvirt.xml.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.jvirt.api.VirtException;
import org.jvirt.api.xml.CharSource;
import org.jvirt.api.xml.Preserved;
import org.jvirt.api.xml.XmlElement;

/**
 * The host side of character devices (virDomainChrSourceDefParseXML / Format / Validate), used by
 * serial, console and channel and by the chardev backends of smartcard, redirdev and rng.
 */
final class CharSourceCodec {
    /** Types whose source is a {@code path} attribute. */
    private static final Set<String> PATH_TYPES = Set.of("pty", "file", "pipe", "dev", "vc", "null", "stdio");
    private static final Set<String> PROTOCOLS = Set.of("raw", "telnet", "telnets", "tls");

    private CharSourceCodec() {
    }

    /** Whether {@code type} has a modelled source. */
    static boolean models(String type) {
        return type != null && (PATH_TYPES.contains(type) || type.equals("tcp") || type.equals("udp")
                || type.equals("unix"));
    }

    /**
     * Parses the source and protocol children of {@code holder} for a device of {@code type}; marks
     * them used. {@code pathOptional} is true for channels, whose unix path libvirt can generate.
     */
    static CharSource parse(Node holder, String type, boolean pathOptional) throws VirtException {
        List<Node> sources = holder.children("source");
        if (sources.size() > 1 && !type.equals("udp")) {
            throw XmlErrors.xml("only one source element is allowed for character device");
        }
        if (sources.size() > 2) {
            throw XmlErrors.xml("only two source elements are allowed for character device");
        }
        Node first = sources.isEmpty() ? null : sources.get(0);
        CharSource src = switch (type) {
            case "tcp" -> tcp(holder, first);
            case "udp" -> udp(sources);
            case "unix" -> unix(first);
            default -> CharSource.builder().path(first == null ? null : first.attr("path"))
                    .append(first == null || !type.equals("file") ? null : first.attr("append"))
                    .other(first == null ? Preserved.NONE : first.rest()).build();
        };
        validate(type, src, pathOptional);
        return src;
    }

    private static CharSource tcp(Node holder, Node s) throws VirtException {
        String mode = s == null ? null : s.attr("mode");
        mode = mode(mode);
        Node p = holder.child("protocol");
        String protocol = p == null ? null : p.attr("type");
        if (p != null) {
            p.requireFullyRead();
        }
        if (protocol == null) {
            protocol = "raw";
        } else if (!PROTOCOLS.contains(protocol)) {
            throw XmlErrors.xml("Unknown protocol '" + protocol + "'");
        }
        if (s == null) {
            return CharSource.builder().mode(mode).protocol(protocol).build();
        }
        CharSource.Reconnect rc = reconnect(s);
        return CharSource.builder().mode(mode).host(s.attr("host")).service(s.attr("service")).protocol(protocol).reconnect(rc).other(s.rest()).build();
    }

    private static CharSource udp(List<Node> sources) throws VirtException {
        String host = null;
        String service = null;
        String bindHost = null;
        String bindService = null;
        for (Node s : sources) {
            String mode = s.attr("mode");
            if (mode == null || mode.equals("connect")) {
                host = s.attr("host");
                service = s.attr("service");
            } else if (mode.equals("bind")) {
                bindHost = s.attr("host");
                bindService = s.attr("service");
            } else {
                throw XmlErrors.xml("Unknown source mode '" + mode + "'");
            }
            s.requireFullyRead();
        }
        return CharSource.builder().host(host).service(service).bindHost(bindHost).bindService(bindService).build();
    }

    private static CharSource unix(Node s) throws VirtException {
        if (s == null) {
            return CharSource.builder().mode("connect").build();
        }
        String mode = mode(s.attr("mode"));
        CharSource.Reconnect rc = reconnect(s);
        return CharSource.builder().mode(mode).path(s.attr("path")).reconnect(rc).other(s.rest()).build();
    }

    private static String mode(String mode) throws VirtException {
        if (mode == null) {
            return "connect";
        }
        if (!mode.equals("connect") && !mode.equals("bind")) {
            throw XmlErrors.xml("Unknown source mode '" + mode + "'");
        }
        return mode;
    }

    private static CharSource.Reconnect reconnect(Node s) throws VirtException {
        Node r = s.child("reconnect");
        if (r == null) {
            return null;
        }
        String enabled = r.requiredAttr("enabled");
        if (!enabled.equals("yes") && !enabled.equals("no")) {
            throw XmlErrors.xml("invalid reconnect enabled value: '" + enabled + "'");
        }
        Integer timeout = r.intAttr("timeout");
        r.requireFullyRead();
        if (enabled.equals("yes") && timeout == null) {
            throw XmlErrors.xml("missing timeout for chardev with reconnect enabled");
        }
        return new CharSource.Reconnect(enabled.equals("yes"), enabled.equals("yes") ? timeout : null);
    }

    /** virDomainChrSourceDefValidate: libvirt reports these as internal errors. */
    private static void validate(String type, CharSource s, boolean pathOptional) throws VirtException {
        switch (type) {
            case "tcp" -> {
                if (s.host() == null) {
                    throw XmlErrors.internal("Missing source host attribute for char device");
                }
                if (s.service() == null) {
                    throw XmlErrors.internal("Missing source service attribute for char device");
                }
            }
            case "udp" -> {
                if (s.service() == null) {
                    throw XmlErrors.internal("Missing source service attribute for char device");
                }
            }
            case "unix" -> {
                if (s.path() == null && !pathOptional) {
                    throw XmlErrors.internal("Missing source path attribute for char device");
                }
            }
            case "file", "pipe", "dev" -> {
                if (s.path() == null) {
                    throw XmlErrors.internal("Missing source path attribute for char device");
                }
            }
            default -> {
                // pty, vc, null, stdio need nothing
            }
        }
        if ("bind".equals(s.mode()) && s.reconnect() != null && s.reconnect().enabled()) {
            throw XmlErrors.internal("chardev reconnect is possible only for connect mode");
        }
    }

    /** The {@code <source>} (and {@code <protocol>}) elements libvirt writes for {@code s}. */
    static List<XmlElement> format(String type, CharSource s, boolean inactive) {
        List<XmlElement> out = new ArrayList<>();
        switch (type) {
            case "tcp" -> {
                out.add(new Out("source").attr("mode", s.mode()).attr("host", s.host()).attr("service", s.service())
                        .preserved(s.other()).child(reconnect(s.reconnect())).build());
                out.add(new Out("protocol").attr("type", s.protocol() == null ? "raw" : s.protocol()).build());
            }
            case "udp" -> {
                if (s.bindHost() != null || s.bindService() != null) {
                    out.add(new Out("source").attr("mode", "bind").attr("host", s.bindHost())
                            .attr("service", s.bindService()).build());
                }
                if (s.host() != null || s.service() != null) {
                    out.add(new Out("source").attr("mode", "connect").attr("host", s.host())
                            .attr("service", s.service()).build());
                }
            }
            case "unix" -> {
                if (s.path() != null) {
                    out.add(new Out("source").attr("mode", s.mode()).attr("path", s.path()).preserved(s.other())
                            .child(reconnect(s.reconnect())).build());
                }
            }
            default -> {
                boolean showPath = s.path() != null && !(type.equals("pty") && inactive);
                if (showPath || s.append() != null || !s.other().isEmpty()) {
                    out.add(new Out("source").attr("path", showPath ? s.path() : null).attr("append", s.append())
                            .preserved(s.other()).build());
                }
            }
        }
        return out;
    }

    private static XmlElement reconnect(CharSource.Reconnect r) {
        if (r == null) {
            return null;
        }
        return new Out("reconnect").attr("enabled", r.enabled() ? "yes" : "no").attr("timeout", r.timeout()).build();
    }
}
