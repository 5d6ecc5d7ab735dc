package org.jvirt.driver.lxc.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

import org.jvirt.api.VirtException;
import org.jvirt.api.xml.CharDevice;
import org.jvirt.api.xml.DomainDef;
import org.jvirt.api.xml.Filesystem;
import org.jvirt.api.xml.NetInterface;
import org.jvirt.api.xml.Os;

/**
 * Turns a checked container definition ({@link LxcDefinitionCheck}) into liblxc's configuration,
 * checking on the way what depends on the host: the root and the mounted folders exist (libvirt's
 * "Failed to access"), the init exists inside the root, each bridge exists, each direct interface's
 * link exists ({@link DirectInterfaces}). The container gets new
 * PID, mount, UTS, IPC and cgroup namespaces (liblxc's defaults) and a network namespace when it
 * has interfaces or {@code <privnet/>} (else it shares the host's, as libvirt's containers do);
 * {@code /proc} and a read-only {@code /sys}, a private {@code /dev} with a new devpts instance and
 * a console on a pty (liblxc's autodev); the environment libvirt gives init.
 */
final class ContainerConfigBuilder {
    private final CgroupLayout cgroups;
    private final VethNames veths;
    private final Supplier<Optional<Path>> meminfo;

    ContainerConfigBuilder(CgroupLayout cgroups, VethNames veths) {
        this(cgroups, veths, Optional::empty);
    }

    /** @param meminfo the file to bind on the container's {@code /proc/meminfo} ({@link Lxcfs}), if any */
    ContainerConfigBuilder(CgroupLayout cgroups, VethNames veths, Supplier<Optional<Path>> meminfo) {
        this.cgroups = cgroups;
        this.veths = veths;
        this.meminfo = meminfo;
    }

    ContainerConfig build(DomainDef def) throws VirtException {
        LxcDefinitionCheck.check(def);
        checkConsoles(def);
        Filesystem rootFs = RootFilesystem.of(RootFilesystem.ensure(def)).orElseThrow();
        ConfigText c = new ConfigText();
        c.comment("written by jvirt from the definition of domain '" + def.name() + "' at each start");
        c.set("lxc.uts.name", def.name());
        Optional<Path> folder = RootFilesystem.write(rootFs, c);
        Os os = def.os();
        // an image is checked by liblxc, whose error names the init
        if (folder.isPresent() && RootPaths.resolve(folder.get(), os.init()).filter(Files::isRegularFile).isEmpty()) {
            throw LxcErrors.startFailed("cannot find init path '" + os.init()
                    + "' relative to container root: No such file or directory");
        }
        UserNamespace.write(def, ownNetwork(def), c);
        c.set("lxc.autodev", "1");
        c.set("lxc.tty.max", "0");
        c.set("lxc.pty.max", "1024");
        c.set("lxc.apparmor.profile", "unconfined");
        // after lxc.mount.auto's /proc: libvirt's lxcContainerMountProcFuse, skipped if lxcfs went away
        Optional<Path> mem = meminfo.get();
        if (mem.isPresent()) {
            c.set("lxc.mount.entry", ConfigText.fstab(mem.get().toString()) + " proc/meminfo none bind,optional 0 0");
        }
        mounts(def, c);
        environment(def, c);
        if (os.initDir() != null) {
            c.set("lxc.init.cwd", os.initDir());
        }
        if (os.initUser() != null) {
            c.set("lxc.init.uid", os.initUser().replace("+", ""));
        }
        if (os.initGroup() != null) {
            c.set("lxc.init.gid", os.initGroup().replace("+", ""));
        }
        List<String> hostVeths = network(def, c);
        ContainerCapabilities.write(def, c);
        RebootAction.write(def, c);
        CgroupPlacement.write(def, c);
        new CgroupLimits(cgroups).write(def, c);
        List<String> argv = new ArrayList<>();
        argv.add(os.init());
        argv.addAll(os.initArgs());
        return new ContainerConfig(c.toString(), argv, folder.orElse(null), hostVeths);
    }

    private static void checkConsoles(DomainDef def) throws VirtException {
        List<CharDevice> consoles = def.devices().charDevices().stream()
                .filter(d -> "console".equals(d.elementName())).toList();
        if (consoles.isEmpty()) {
            throw LxcErrors.unsupported("At least one PTY console is required");
        }
        if (consoles.size() > 1) {
            throw LxcErrors.unsupported("more than one <console> is not supported by the LXC driver");
        }
    }

    private static void mounts(DomainDef def, ConfigText c) throws VirtException {
        for (Filesystem fs : def.devices().ofType(Filesystem.class)) {
            if ("/".equals(fs.targetDir())) {
                continue;
            }
            String target = relative(fs.targetDir());
            if ("ram".equals(fs.type())) {
                Long kib = fs.source() == null ? null : fs.source().usageKib();
                String size = kib == null || kib == 0 ? "" : "size=" + kib + "k,";
                c.set("lxc.mount.entry", "tmpfs " + ConfigText.fstab(target) + " tmpfs " + size + "mode=755,create=dir"
                        + (fs.readOnly() ? ",ro" : "") + " 0 0");
            } else if ("block".equals(fs.type())) {
                BlockMounts.write(fs, target, c);
            } else if ("file".equals(fs.type())) {
                ImageMounts.write(fs, target, c);
            } else {
                Path src = Path.of(fs.source().dir());
                RootFilesystem.access(src);
                String create = Files.isDirectory(src) ? "create=dir" : "create=file";
                c.set("lxc.mount.entry", ConfigText.fstab(src.toString()) + " " + ConfigText.fstab(target)
                        + " none bind" + (fs.readOnly() ? ",ro" : "") + "," + create + " 0 0");
            }
        }
    }

    private static String relative(String target) {
        String t = target;
        while (t.startsWith("/")) {
            t = t.substring(1);
        }
        return t;
    }

    /** libvirt's {@code lxcContainerBuildInitCmd} environment, then the definition's {@code <initenv>}. */
    private static void environment(DomainDef def, ConfigText c) throws VirtException {
        UUID uuid = def.uuid();
        c.set("lxc.environment", "PATH=/bin:/sbin");
        c.set("lxc.environment", "TERM=linux");
        c.set("lxc.environment", "container=lxc-libvirt");
        c.set("lxc.environment", "HOME=/");
        c.set("lxc.environment", "container_uuid=" + uuid);
        c.set("lxc.environment", "LIBVIRT_LXC_UUID=" + uuid);
        c.set("lxc.environment", "LIBVIRT_LXC_NAME=" + def.name());
        for (Os.InitEnv e : def.os().initEnv()) {
            c.set("lxc.environment", e.name() + "=" + e.value());
        }
    }

    /** A network namespace of its own: with interfaces or {@code <privnet/>}. */
    private static boolean ownNetwork(DomainDef def) {
        return !def.devices().interfaces().isEmpty() || def.features() != null && def.features().privnet();
    }

    private List<String> network(DomainDef def, ConfigText c) throws VirtException {
        List<NetInterface> nets = def.devices().interfaces();
        boolean privnet = def.features() != null && def.features().privnet();
        if (nets.isEmpty()) {
            c.set("lxc.net.0.type", privnet ? "empty" : "none");
            return List.of();
        }
        List<String> hostNames = new ArrayList<>();
        for (int i = 0; i < nets.size(); i++) {
            NetInterface n = nets.get(i);
            String p = "lxc.net." + i + ".";
            if (DirectInterfaces.isDirect(n)) {
                // a macvlan moved into the container: no host end (libvirt's virLXCProcessSetupInterfaceDirect)
                DirectInterfaces.checkStart(n);
                hostNames.add(null);
                DirectInterfaces.write(n, p, c);
                guestSide(nets, i, p, c);
                continue;
            }
            String hostName = n.targetDev() != null ? n.targetDev() : veths.allocate();
            hostNames.add(hostName);
            c.set(p + "type", "veth");
            c.set(p + "veth.pair", hostName);
            // a network interface's bridge is the one its port was plugged into (ContainerNetworks)
            if ("bridge".equals(n.type()) || "network".equals(n.type())) {
                String br = n.source().bridge();
                if (br == null) {
                    throw LxcErrors.internal("No bridge name specified");
                }
                if (!Files.isDirectory(Path.of("/sys/class/net", br, "bridge"))) {
                    throw LxcErrors.system("Unable to add bridge " + br + " port " + hostName + ": No such device");
                }
                c.set(p + "link", br);
            }
            guestSide(nets, i, p, c);
        }
        return hostNames;
    }

    /** The container's side of interface {@code i}: its name, MAC, state, MTU, addresses and routes. */
    private static void guestSide(List<NetInterface> nets, int i, String p, ConfigText c) throws VirtException {
        NetInterface n = nets.get(i);
        c.set(p + "name", NetworkAddresses.guestName(nets, i));
        c.set(p + "hwaddr", n.mac());
        c.set(p + "flags", "up");
        if (n.mtu() != null) {
            c.set(p + "mtu", n.mtu().toString());
        }
        NetworkAddresses.write(n, p, c);
    }
}
