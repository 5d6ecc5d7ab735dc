package org.jvirt.driver.xen.internal;

import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.VirtException;
import org.jvirt.api.xml.DiskSource;
import org.jvirt.api.xml.SourceHost;

/**
 * libvirt's libxlMakeNetworkDiskSrc: a network disk's source as QEMU's RBD string, the only
 * network protocol libvirt's libxl driver passes on. Backslashes escape QEMU's separators
 * ({@code :} inside a value, {@code ;} between monitors).
 */
final class LibxlNetworkDisk {
    private LibxlNetworkDisk() {
    }

    static String source(DiskSource s) throws VirtException {
        String protocol = s == null ? null : s.protocol();
        if (!"rbd".equals(protocol)) {
            throw new VirtException(ErrorCode.NO_SUPPORT, ErrorDomain.LIBXL,
                    "Unsupported network block protocol '" + (protocol == null ? "none" : protocol) + "'");
        }
        String name = s.name() == null ? "" : s.name();
        int slash = name.indexOf('/');
        String image = slash < 0 ? name : name.substring(slash + 1);
        if (image.contains(":")) {
            throw new VirtException(ErrorCode.CONFIG_UNSUPPORTED, ErrorDomain.LIBXL,
                    "':' not allowed in RBD source volume name '" + image + "'");
        }
        if (s.auth() != null) {
            // libvirt reads the Ceph key from its secret driver (virSecretGetSecretString); the
            // Xen driver has no secret lookup yet, so a key is refused rather than dropped
            throw new VirtException(ErrorCode.CONFIG_UNSUPPORTED, ErrorDomain.LIBXL,
                    "RBD authentication is not supported by this driver yet");
        }
        StringBuilder sb = new StringBuilder("rbd:").append(name).append(":auth_supported=none");
        if (!s.hosts().isEmpty()) {
            sb.append(":mon_host=");
            for (int i = 0; i < s.hosts().size(); i++) {
                SourceHost h = s.hosts().get(i);
                if (i > 0) {
                    sb.append("\\;");
                }
                // a host holding ':' is IPv6
                sb.append(h.name().contains(":") ? "[" + h.name().replace(":", "\\:") + "]" : h.name());
                if (h.port() != null) {
                    sb.append("\\:").append(h.port());
                }
            }
        }
        return sb.toString();
    }
}
