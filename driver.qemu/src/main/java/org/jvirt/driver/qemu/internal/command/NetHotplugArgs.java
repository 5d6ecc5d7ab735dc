package org.jvirt.driver.qemu.internal.command;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jvirt.api.VirtException;
import org.jvirt.api.xml.DomainDef;
import org.jvirt.api.xml.NetInterface;
import org.jvirt.driver.qemu.internal.caps.QemuCaps;

/**
 * The command-line pieces of one network interface of a running guest, for the QMP commands that
 * plug it ({@code -netdev} → {@code netdev_add}, {@code -device} → {@code device_add}): the same
 * builder as a start's, so a hot-plugged NIC's device looks like a cold-plugged one's. Its tap (and
 * vhost-net) descriptors are not inherited but passed over the monitor with {@code getfd} under a
 * name, which the netdev gives instead of a number (libvirt's qemuFDPassDirect for a running guest).
 */
public final class NetHotplugArgs {
    private final QemuMachine machine;
    private final CommandEnv env;

    /**
     * @param live     the running guest's completed definition, with the interface in it
     * @param tapFd    the name the tap's descriptor was given with {@code getfd}, null if QEMU opens it by name
     * @param vhostFd  the name of the vhost-net descriptor, or null
     */
    public NetHotplugArgs(DomainDef live, QemuCaps caps, CommandEnv env, String tapFd, String vhostFd) {
        this.machine = new QemuMachine(live, caps);
        this.env = env.withFds(new MonitorFds(tapFd, vhostFd));
    }

    /** Option/value pairs: {@code -netdev}, then {@code -device}. */
    public List<String> net(NetInterface n) throws VirtException {
        Argv a = new Argv();
        new NetArgs(machine, env, new BootIndex(machine.def())).hotplug(a, n);
        return List.copyOf(a.args);
    }

    /** The descriptors of one tap, by their monitor names; the rest as a start without descriptors. */
    private record MonitorFds(String tapFd, String vhostFd) implements FdHandover {
        private static final PathHandover PATHS = new PathHandover();

        @Override
        public String listeningSocket(String path) {
            return PATHS.listeningSocket(path);
        }

        @Override
        public String fileBackend(FdSets sets, String alias, String path, String append) {
            return PATHS.fileBackend(sets, alias, path, append);
        }

        @Override
        public String logFile(FdSets sets, String alias, String path, String append) {
            return PATHS.logFile(sets, alias, path, append);
        }

        @Override
        public Map<String, Object> tapNetdev(String type, String bridge, String ifname, boolean vhost) {
            if (tapFd == null) {
                return PATHS.tapNetdev(type, bridge, ifname, vhost);
            }
            Map<String, Object> netdev = new LinkedHashMap<>();
            netdev.put("type", "tap");
            netdev.put("fd", tapFd);
            if (vhost && vhostFd != null) {
                netdev.put("vhost", true);
                netdev.put("vhostfd", vhostFd);
            }
            return netdev;
        }
    }
}
