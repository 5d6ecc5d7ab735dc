package org.jvirt.driver.esx.vmx;

import org.jvirt.api.VirtException;
import org.jvirt.api.xml.CharDevice;
import org.jvirt.api.xml.CharSource;

/** Serial and parallel ports as VMX entries (virVMXFormatSerial, virVMXFormatParallel). */
final class CharWriter {
    private final VmxContext.FileNames files;

    CharWriter(VmxContext.FileNames files) {
        this.files = files;
    }

    void serial(CharDevice c, VmxLines out) throws VirtException {
        int port = port(c);
        if (port < 0 || port > 3) {
            throw VmxErrors.internal("Serial port index " + port + " out of [0..3] range");
        }
        String prefix = "serial" + port + ".";
        out.put(prefix + "present", "true");
        CharSource src = c.source();
        switch (c.type()) {
            case "dev" -> out.put(prefix + "fileType", "device").put(prefix + "fileName", path(src));
            case "file" -> out.put(prefix + "fileType", "file").put(prefix + "fileName", fileName(c));
            case "pipe" -> out.put(prefix + "fileType", "pipe")
                    // the VI client's defaults: the VM is the client, no receive-loss avoidance
                    .put(prefix + "pipe.endPoint", "client").put(prefix + "tryNoRxLoss", "false")
                    .put(prefix + "fileName", path(src));
            case "tcp" -> {
                String protocol = src == null || src.protocol() == null ? "raw" : src.protocol();
                String scheme = switch (protocol) {
                    case "raw" -> "tcp";
                    case "telnet", "telnets" -> protocol;
                    case "tls" -> "ssl";
                    default -> throw VmxErrors.unsupported("Unsupported character device TCP protocol '" + protocol
                            + "'");
                };
                boolean listen = src != null && "bind".equals(src.mode());
                out.put(prefix + "fileType", "network")
                        .put(prefix + "fileName", scheme + "://" + (src == null ? null : src.host()) + ":"
                                + (src == null ? null : src.service()))
                        .put(prefix + "network.endPoint", listen ? "server" : "client");
            }
            default -> throw VmxErrors.unsupported("Unsupported character device type '" + c.type() + "'");
        }
        // the VI client's default
        out.put(prefix + "yieldOnMsrRead", "true");
    }

    void parallel(CharDevice c, VmxLines out) throws VirtException {
        int port = port(c);
        if (port < 0 || port > 2) {
            throw VmxErrors.internal("Parallel port index " + port + " out of [0..2] range");
        }
        String prefix = "parallel" + port + ".";
        out.put(prefix + "present", "true");
        switch (c.type()) {
            case "dev" -> out.put(prefix + "fileType", "device").put(prefix + "fileName", path(c.source()));
            case "file" -> out.put(prefix + "fileType", "file").put(prefix + "fileName", fileName(c));
            default -> throw VmxErrors.unsupported("Unsupported character device type '" + c.type() + "'");
        }
    }

    /** A file-backed port's file as a VMX file name; vmx.c would hand its callback no path, jvirt refuses that. */
    private String fileName(CharDevice c) throws VirtException {
        String path = path(c.source());
        if (path == null) {
            throw VmxErrors.internal("Missing source path for " + c.elementName() + " port " + port(c));
        }
        return files.format(path);
    }

    private static int port(CharDevice c) {
        return c.target() == null || c.target().port() == null ? 0 : c.target().port();
    }

    private static String path(CharSource src) {
        return src == null ? null : src.path();
    }
}
