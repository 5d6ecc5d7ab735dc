package org.jvirt.driver.esx.vmx;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.jvirt.api.VirtException;
import org.jvirt.api.xml.CharDevice;
import org.jvirt.api.xml.CharSource;
import org.jvirt.api.xml.CharTarget;

/**
 * {@code serialN} (0 to 3) and {@code parallelN} (0 to 2) ports (virVMXParseSerial,
 * virVMXParseParallel): a host device, a file, a named pipe, or (serial only) a network URI
 * ({@code telnet://host:port}) with the VM as server or client. A network port VMware routes
 * through a virtual serial port concentrator ({@code vspc}), or one without a URI, has nothing the
 * domain XML can say and reads as {@code type='null'}.
 */
final class CharReader {
    private final VmxConfig conf;
    private final VmxContext.FileNames files;

    CharReader(VmxConfig conf, VmxContext.FileNames files) {
        this.conf = conf;
        this.files = files;
    }

    List<CharDevice> serials() throws VirtException {
        List<CharDevice> out = new ArrayList<>();
        for (int port = 0; port < 4; port++) {
            CharDevice c = serial(port);
            if (c != null) {
                out.add(c);
            }
        }
        return out;
    }

    List<CharDevice> parallels() throws VirtException {
        List<CharDevice> out = new ArrayList<>();
        for (int port = 0; port < 3; port++) {
            CharDevice c = parallel(port);
            if (c != null) {
                out.add(c);
            }
        }
        return out;
    }

    /** virDomainDefAddConsoleCompat: an HVM guest's first serial port is also its console. */
    static CharDevice consoleOf(CharDevice serial) {
        return serial.toBuilder().elementName("console")
                .target(CharTarget.builder().type("serial").port(0).build()).build();
    }

    private CharDevice serial(int port) throws VirtException {
        String prefix = "serial" + port + ".";
        if (!present(prefix)) {
            return null;
        }
        String fileType = conf.string(prefix + "fileType");
        String fileName = conf.string(prefix + "fileName");
        String endPoint = conf.string(prefix + "network.endPoint");
        String vspc = conf.string(prefix + "vspc");
        // VMware omits fileType for the default, a host device
        String type = fileType == null ? "device" : fileType.toLowerCase(Locale.ROOT);
        return switch (type) {
            case "device" -> chr("serial", "dev", port, path(fileName));
            case "file" -> chr("serial", "file", port, path(fileName == null ? null : files.parse(fileName, false)));
            case "pipe" -> chr("serial", "pipe", port, path(fileName));
            case "network" -> vspc != null || fileName == null || fileName.isEmpty()
                    ? chr("serial", "null", port, null)
                    : chr("serial", "tcp", port, network(prefix, fileName, endPoint));
            default -> throw VmxErrors.internal("Expecting VMX entry '" + prefix + "fileType' to be 'device', 'file' or "
                    + "'pipe' or 'network' but found '" + fileType + "'");
        };
    }

    private CharDevice parallel(int port) throws VirtException {
        String prefix = "parallel" + port + ".";
        if (!present(prefix)) {
            return null;
        }
        String fileType = conf.string(prefix + "fileType", false);
        String fileName = conf.string(prefix + "fileName", false);
        if (fileType.equalsIgnoreCase("device")) {
            return chr("parallel", "dev", port, path(fileName));
        } else if (fileType.equalsIgnoreCase("file")) {
            return chr("parallel", "file", port, path(files.parse(fileName, false)));
        }
        throw VmxErrors.internal("Expecting VMX entry '" + prefix + "fileType' to be 'device' or 'file' but found '"
                + fileType + "'");
    }

    private boolean present(String prefix) throws VirtException {
        boolean present = conf.bool(prefix + "present", false);
        conf.bool(prefix + "startConnected", true);
        return present;
    }

    /** {@code scheme://host:port}; the scheme gives the protocol, the end point the direction. */
    private static CharSource network(String prefix, String fileName, String endPoint) throws VirtException {
        URI uri;
        try {
            uri = new URI(fileName);
        } catch (URISyntaxException e) {
            throw VmxErrors.internal("Unable to parse URI " + fileName);
        }
        if (uri.getPort() <= 0) {
            throw VmxErrors.internal("VMX entry '" + prefix + "fileName' doesn't contain a port part");
        }
        String scheme = uri.getScheme() == null ? null : uri.getScheme().toLowerCase(Locale.ROOT);
        String protocol;
        if (scheme == null || List.of("tcp", "tcp4", "tcp6").contains(scheme)) {
            protocol = "raw";
        } else if (scheme.equals("telnet") || scheme.equals("telnets")) {
            protocol = scheme;
        } else if (List.of("ssl", "tcp+ssl", "tcp4+ssl", "tcp6+ssl").contains(scheme)) {
            protocol = "tls";
        } else {
            throw VmxErrors.internal("VMX entry '" + prefix + "fileName' contains unsupported scheme '"
                    + uri.getScheme() + "'");
        }
        String mode;
        if (endPoint == null || endPoint.equalsIgnoreCase("server")) {
            mode = "bind";
        } else if (endPoint.equalsIgnoreCase("client")) {
            mode = "connect";
        } else {
            throw VmxErrors.internal("Expecting VMX entry '" + prefix + "network.endPoint' to be 'server' or 'client' "
                    + "but found '" + endPoint + "'");
        }
        String host = uri.getHost();
        if (host != null && host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        return CharSource.builder().mode(mode).host(host).service(Integer.toString(uri.getPort())).protocol(protocol)
                .build();
    }

    private static CharSource path(String path) {
        return path == null ? null : CharSource.builder().path(path).build();
    }

    private static CharDevice chr(String element, String type, int port, CharSource source) {
        return CharDevice.builder().elementName(element).type(type).source(source)
                .target(CharTarget.builder().port(port).build()).build();
    }
}
