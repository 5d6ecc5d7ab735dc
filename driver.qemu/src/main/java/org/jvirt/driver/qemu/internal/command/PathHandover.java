package org.jvirt.driver.qemu.internal.command;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * QEMU opens files itself; its taps are opened by the driver and inherited
 * ({@code fd=N}, as libvirt's qemuBuildInterfaceConnect), except those the driver did not open
 * (a {@code bridge} interface, through qemu-bridge-helper), which QEMU opens by name. Listening
 * UNIX sockets the driver bound are inherited too ({@code fd=N}, libvirt's
 * qemuBuildChardevCommand with a direct descriptor); the others QEMU binds by path.
 */
public final class PathHandover implements FdHandover {
    private final Map<String, Integer> taps;
    private final Map<String, Integer> sockets;

    /** No tap descriptors: QEMU opens every tap by name. */
    public PathHandover() {
        this(Map.of());
    }

    /** @param taps the descriptor number each tap device has in QEMU */
    public PathHandover(Map<String, Integer> taps) {
        this(taps, Map.of());
    }

    /**
     * @param taps    the descriptor number each tap device has in QEMU
     * @param sockets the descriptor number each listening socket (by path) the driver bound has in QEMU
     */
    public PathHandover(Map<String, Integer> taps, Map<String, Integer> sockets) {
        this.taps = Map.copyOf(taps);
        this.sockets = Map.copyOf(sockets);
    }

    @Override
    public String listeningSocket(String path) {
        Integer fd = sockets.get(path);
        return fd != null ? "fd=" + fd : "path=" + Argv.commas(path);
    }

    @Override
    public String fileBackend(FdSets sets, String alias, String path, String append) {
        return "path=" + Argv.commas(path) + (append == null ? "" : ",append=" + append);
    }

    @Override
    public String logFile(FdSets sets, String alias, String path, String append) {
        return "logfile=" + Argv.commas(path) + ",logappend=" + ("off".equals(append) ? "off" : "on");
    }

    /**
     * A tap the driver opened by its descriptor (no vhost-net: libvirt uses it for KVM guests only,
     * and passes its descriptor too), a bridge through qemu-bridge-helper, any other type a tap QEMU
     * opens itself, without scripts.
     */
    @Override
    public Map<String, Object> tapNetdev(String type, String bridge, String ifname, boolean vhost) {
        Map<String, Object> netdev = new LinkedHashMap<>();
        Integer fd = taps.get(ifname);
        if (fd != null) {
            netdev.put("type", "tap");
            netdev.put("fd", Integer.toString(fd));
        } else if (type.equals("bridge")) {
            netdev.put("type", "bridge");
            netdev.put("br", bridge);
        } else {
            netdev.put("type", "tap");
            netdev.put("ifname", ifname);
            netdev.put("script", "no");
            netdev.put("downscript", "no");
        }
        return netdev;
    }
}
