package org.jvirt.driver.lxc.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.VirtException;
import org.jvirt.api.xml.CharDevice;
import org.jvirt.api.xml.CharTarget;
import org.jvirt.api.xml.CpuTune;
import org.jvirt.api.xml.Device;
import org.jvirt.api.xml.DomainDef;
import org.jvirt.api.xml.Filesystem;
import org.jvirt.api.xml.GuestDefaults;
import org.jvirt.api.xml.MemTune;
import org.jvirt.api.xml.NetInterface;
import org.jvirt.api.xml.Os;
import org.jvirt.api.xml.XmlElement;

/**
 * What the driver accepts of a container definition, checked at define and at start: libvirt's
 * capabilities lookup (domain type {@code lxc}, os type {@code exe}), and the
 * {@code CONFIG_UNSUPPORTED} error, naming the element, for everything this driver cannot run yet
 * rather than running a container that differs from its definition. Host-dependent checks (the
 * root folder exists, the bridge exists) come at start ({@link ContainerConfigBuilder}).
 */
final class LxcDefinitionCheck {
    private static final Set<String> DEVICES = Set.of("filesystem", "interface", "console");

    private LxcDefinitionCheck() {
    }

    /**
     * libvirt's LXC capabilities: {@code exe} guests of the host's architecture, which fills
     * {@code <type arch=>} when a definition has none.
     */
    static final GuestDefaults DEFAULTS = (virtType, osType) -> "exe".equals(osType) ? hostArch() : null;

    static String hostArch() {
        String arch = System.getProperty("os.arch", "x86_64");
        return switch (arch) {
            case "amd64" -> "x86_64";
            case "x86" -> "i686";
            default -> arch;
        };
    }

    /**
     * libvirt's post-parse for containers: without {@code <init>} the init is {@code /sbin/init};
     * a console without a target is an {@code lxc} console, numbered in order.
     */
    static DomainDef postParse(DomainDef def) {
        Os os = def.os();
        DomainDef out = def;
        if (os != null && "exe".equals(os.type()) && os.init() == null) {
            out = out.toBuilder().os(os.toBuilder().init("/sbin/init").build()).build();
        }
        List<Device> all = new ArrayList<>();
        boolean changed = false;
        int port = 0;
        for (Device d : out.devices().all()) {
            if (d instanceof CharDevice c && "console".equals(c.elementName())) {
                if (c.target() == null || c.target().type() == null) {
                    CharTarget t = c.target() == null ? CharTarget.builder().type("lxc").port(port).build()
                            : c.target().toBuilder().type("lxc").port(c.target().port() == null ? port
                                    : c.target().port()).build();
                    d = c.withTarget(t);
                    changed = true;
                }
                port++;
            }
            all.add(d);
        }
        return changed ? out.withDevices(out.devices().withAll(all)) : out;
    }

    static void check(DomainDef def) throws VirtException {
        String osType = def.os() == null || def.os().type() == null ? "hvm" : def.os().type();
        if (!"lxc".equals(def.type()) || !"exe".equals(osType)) {
            String arch = def.os() == null || def.os().arch() == null ? "x86_64" : def.os().arch();
            throw new VirtException(ErrorCode.INVALID_ARG, ErrorDomain.CAPABILITIES,
                    "could not find capabilities for ostype=" + osType + " arch=" + arch + " domaintype="
                            + def.type());
        }
        if (def.name().indexOf('\n') >= 0 || def.name().equals(".") || def.name().equals("..")) {
            throw new VirtException(ErrorCode.XML_DETAIL, ErrorDomain.XML, "invalid char in name: \n");
        }
        Os os = def.os();
        if (os.initUser() != null && !os.initUser().matches("\\+?\\d+")) {
            throw unsupported("<inituser> by name ('" + os.initUser() + "'); give a numeric id");
        }
        if (os.initGroup() != null && !os.initGroup().matches("\\+?\\d+")) {
            throw unsupported("<initgroup> by name ('" + os.initGroup() + "'); give a numeric id");
        }
        checkFeatures(def);
        checkLifecycle("poweroff", def.onPoweroff());
        checkLifecycle("reboot", def.onReboot());
        checkTuning(def);
        for (Device d : def.devices().all()) {
            if (!DEVICES.contains(d.elementName())) {
                throw unsupported("<" + d.elementName() + "> devices");
            }
            if (d instanceof Filesystem fs) {
                checkFilesystem(fs);
            } else if (d instanceof NetInterface net) {
                checkInterface(net);
            } else if (d instanceof CharDevice c && c.type() != null && !"pty".equals(c.type())) {
                throw new VirtException(ErrorCode.CONFIG_UNSUPPORTED, ErrorDomain.LXC,
                        "Only PTY console types are supported");
            }
        }
    }

    private static void checkFeatures(DomainDef def) throws VirtException {
        if (def.features() == null) {
            return;
        }
        for (XmlElement f : def.features().entries()) {
            if (!"privnet".equals(f.name())) {
                throw unsupported("<features><" + f.name() + "/>");
            }
        }
    }

    /**
     * libvirt's {@code virDomainDefLifecycleActionAllowed}, the only check the LXC driver's
     * definitions get: no core dump on power-off or reboot. Everything else is accepted, and
     * ignored as libvirt's LXC driver ignores it: an init that exits leaves the container shut off
     * whatever {@code <on_poweroff>} says, a container is never reported crashed, so
     * {@code <on_crash>} never applies, and every {@code <on_reboot>} but {@code destroy} (which this
     * driver honours, {@link RebootAction}) restarts.
     */
    private static void checkLifecycle(String event, String action) throws VirtException {
        if (action != null && action.startsWith("coredump-")) {
            throw LxcErrors.unsupported("Lifecycle event '" + event + "' doesn't support '" + action + "' action");
        }
    }

    private static void checkTuning(DomainDef def) throws VirtException {
        MemTune mt = def.memtune();
        if (mt != null && mt.minGuarantee() != null) {
            throw unsupported("<memtune><min_guarantee>");
        }
        CpuTune ct = def.cputune();
        if (ct != null && (!ct.vcpuPins().isEmpty() || ct.emulatorPin() != null || ct.globalPeriod() != null
                || ct.globalQuota() != null || ct.emulatorPeriod() != null || ct.emulatorQuota() != null
                || ct.iothreadPeriod() != null || ct.iothreadQuota() != null || !ct.iothreadPins().isEmpty()
                || ct.emulatorSched() != null || !ct.vcpuScheds().isEmpty() || !ct.other().isEmpty())) {
            throw unsupported("<cputune> elements other than <shares>, <period> and <quota>");
        }
        if (def.blkiotune() != null && (!def.blkiotune().devices().isEmpty() || !def.blkiotune().other().isEmpty())) {
            throw unsupported("<blkiotune> elements other than <weight>");
        }
        if (def.numatune() != null) {
            throw unsupported("<numatune>");
        }
        if (def.vcpu() != null && "auto".equals(def.vcpu().placement())) {
            throw unsupported("<vcpu placement='auto'>");
        }
    }

    private static void checkFilesystem(Filesystem fs) throws VirtException {
        String type = fs.type() == null ? "mount" : fs.type();
        if (!List.of("mount", "ram", "file", "block").contains(type)) {
            throw unsupported("<filesystem type='" + type + "'>");
        }
        if (fs.accessMode() != null && !"passthrough".equals(fs.accessMode())) {
            throw unsupported("<filesystem accessmode='" + fs.accessMode() + "'>");
        }
        if (fs.targetDir() == null) {
            throw new VirtException(ErrorCode.XML_ERROR, ErrorDomain.DOMAIN, "missing target information for filesystem");
        }
        boolean noSource = fs.source() == null || switch (type) {
            case "mount" -> fs.source().dir() == null;
            case "file" -> fs.source().file() == null;
            case "block" -> fs.source().dev() == null;
            default -> false;
        };
        if (noSource) {
            throw new VirtException(ErrorCode.XML_ERROR, ErrorDomain.DOMAIN, "missing source information for filesystem");
        }
        if (type.equals("ram") && "/".equals(fs.targetDir())) {
            throw unsupported("<filesystem type='ram'> as the root filesystem");
        }
        if (type.equals("file")) {
            checkImage(fs);
        }
    }

    /** libvirt's controller: a raw (or unformatted) image on a loop device; qcow2 and the like need qemu-nbd. */
    private static void checkImage(Filesystem fs) throws VirtException {
        String driver = fs.driver() == null ? null : fs.driver().type();
        String format = fs.driver() == null ? null : fs.driver().format();
        if (driver != null && !"loop".equals(driver)) {
            throw unsupported("<filesystem type='file'> with <driver type='" + driver + "'>");
        }
        if (format != null && !"raw".equals(format) && !"none".equals(format)) {
            throw LxcErrors.unsupported("fs format " + format + " is not supported");
        }
    }

    private static void checkInterface(NetInterface net) throws VirtException {
        if (!"ethernet".equals(net.type()) && !"bridge".equals(net.type()) && !"network".equals(net.type())
                && !DirectInterfaces.isDirect(net)) {
            throw unsupported("<interface type='" + net.type() + "'>");
        }
        if ("bridge".equals(net.type()) && (net.source() == null || net.source().bridge() == null)) {
            throw new VirtException(ErrorCode.XML_ERROR, ErrorDomain.DOMAIN,
                    "No <source> 'bridge' attribute specified with <interface type='bridge'/>");
        }
        if (DirectInterfaces.isDirect(net)) {
            DirectInterfaces.checkDefinition(net);
        }
        DirectInterfaces.checkPortOptions(net, net.type());
        for (var r : net.routes()) {
            if (!isDefaultRoute(r.address(), r.prefix(), r.netmask())) {
                throw unsupported("<route address='" + r.address() + "'> (only default routes, 0.0.0.0/0 and ::/0)");
            }
        }
    }

    static boolean isDefaultRoute(String address, Integer prefix, String netmask) {
        boolean zero = "0.0.0.0".equals(address) || "::".equals(address);
        boolean anyPrefix = (prefix == null || prefix == 0) && (netmask == null || "0.0.0.0".equals(netmask));
        return zero && anyPrefix;
    }

    private static VirtException unsupported(String what) {
        return LxcErrors.unsupported(what + " is not supported by the LXC driver");
    }
}
