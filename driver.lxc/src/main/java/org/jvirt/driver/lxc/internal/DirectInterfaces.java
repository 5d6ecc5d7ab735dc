package org.jvirt.driver.lxc.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.VirtException;
import org.jvirt.api.xml.NetInterface;
import org.jvirt.api.xml.XmlElement;

/**
 * {@code <interface type='direct'>} in a container: a macvlan device on a host link, made by liblxc
 * and moved into the container under the interface's guest name, as libvirt's
 * virLXCProcessSetupInterfaceDirect makes it and its controller moves it. Nothing of it stays on the
 * host, which is why libvirt refuses what it would have to set up or undo there: bandwidth and port
 * profiles. An {@code <interface type='network'>} whose network is a macvtap pool becomes such an
 * interface at the start ({@link ContainerNetworks}), with the pool interface and mode of its port.
 */
final class DirectInterfaces {
    /** libvirt's virNetDevMacVLanMode names, in its order: the first is the default. */
    static final List<String> MODES = List.of("vepa", "private", "bridge", "passthrough");
    private static final Path SYS_NET = Path.of("/sys/class/net");

    private DirectInterfaces() {
    }

    static boolean isDirect(NetInterface n) {
        return "direct".equals(n.type());
    }

    /** The definition's checks (libvirt's parse of the interface and virDomainNetDefValidate). */
    static void checkDefinition(NetInterface n) throws VirtException {
        if (n.source() == null || n.source().dev() == null) {
            throw new VirtException(ErrorCode.XML_ERROR, ErrorDomain.DOMAIN,
                    "No <source> 'dev' attribute specified with <interface type='direct'/>");
        }
        String mode = n.source().mode();
        if (mode != null && !MODES.contains(mode)) {
            throw new VirtException(ErrorCode.XML_ERROR, ErrorDomain.DOMAIN,
                    "Invalid value for attribute 'mode' in element 'source': '" + mode + "'.");
        }
    }

    /**
     * libvirt's virDomainNetDefValidatePortOptions, for every interface: port isolation is for
     * interfaces on a Linux bridge (a network or a bridge), without a virtual port.
     */
    static void checkPortOptions(NetInterface n, String type) throws VirtException {
        if (!"yes".equals(isolated(n))) {
            return;
        }
        if (!"network".equals(type) && !"bridge".equals(type)) {
            throw new VirtException(ErrorCode.CONFIG_UNSUPPORTED, ErrorDomain.DOMAIN, "interface " + n.mac()
                    + " - <port isolated='yes'/> is not supported for network interfaces with type='" + type + "'");
        }
        XmlElement vport = child(n, "virtualport");
        if (vport != null && vport.attribute("type") != null) {
            throw new VirtException(ErrorCode.CONFIG_UNSUPPORTED, ErrorDomain.DOMAIN, "interface " + n.mac()
                    + " - <port isolated='yes'/> is not supported for network interfaces with virtualport type='"
                    + vport.attribute("type") + "'");
        }
    }

    /** The macvlan mode of the interface: its {@code <source mode>}, else libvirt's default. */
    static String mode(NetInterface n) {
        return n.source().mode() != null ? n.source().mode() : MODES.get(0);
    }

    /**
     * The start's checks, in libvirt's order: virDomainActualNetDefValidate (a VLAN tag only on a
     * passthrough device, no port isolation), virLXCProcessSetupInterfaceDirect (no bandwidth, no port
     * profile), then virNetDevMacVLanCreateWithVPortProfile (the link exists; a passthrough link takes
     * a VLAN tag only as an SR-IOV VF, which jvirt does not manage).
     */
    static void checkStart(NetInterface n) throws VirtException {
        String mode = mode(n);
        XmlElement vlan = child(n, "vlan");
        if (vlan != null && !"passthrough".equals(mode)) {
            throw new VirtException(ErrorCode.CONFIG_UNSUPPORTED, ErrorDomain.DOMAIN, "interface " + n.mac()
                    + " - vlan tag not supported for this connection type");
        }
        checkPortOptions(n, "direct");
        if (n.bandwidth() != null) {
            throw LxcErrors.unsupported("Unable to set network bandwidth on direct interfaces");
        }
        if (child(n, "virtualport") != null) {
            throw LxcErrors.unsupported("Unable to set port profile on direct interfaces");
        }
        String link = n.source().dev();
        if (!Files.exists(SYS_NET.resolve(link))) {
            throw LxcErrors.system("Unable to get index for interface " + link + ": No such device");
        }
        if (vlan != null) {
            throw LxcErrors.unsupported("vlan can only be set for SR-IOV VFs, but " + link + " is not a VF");
        }
    }

    /** liblxc's macvlan: made on the link, moved into the container and renamed there. */
    static void write(NetInterface n, String prefix, ConfigText c) throws VirtException {
        c.set(prefix + "type", "macvlan");
        // the kernel's and liblxc's name of libvirt's passthrough mode is passthru
        String mode = mode(n);
        c.set(prefix + "macvlan.mode", "passthrough".equals(mode) ? "passthru" : mode);
        c.set(prefix + "link", n.source().dev());
    }

    private static String isolated(NetInterface n) {
        XmlElement port = child(n, "port");
        return port == null ? null : port.attribute("isolated");
    }

    private static XmlElement child(NetInterface n, String name) {
        for (XmlElement e : n.other().children()) {
            if (name.equals(e.name())) {
                return e;
            }
        }
        return null;
    }
}
