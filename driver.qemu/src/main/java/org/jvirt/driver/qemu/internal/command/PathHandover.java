package org.jvirt.driver.qemu.internal.command;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * QEMU opens every socket and file itself; its taps are opened by the driver and inherited
 * ({@code fd=N}, as libvirt's qemuBuildInterfaceConnect), except those the driver did not open
 * (a {@code bridge} interface, through qemu-bridge-helper), which QEMU opens by name.
 */
public final class PathHandover implements FdHandover {
    private final Map<String, Integer> taps;

    /** No tap descriptors: QEMU opens every tap by name. */
    public PathHandover() {
        this(Map.of());
    }

    /** @param taps the descriptor number each tap device has in QEMU */
    public PathHandover(Map<String, Integer> taps) {
        this.taps = Map.copyOf(taps);
    }

    @Override
    public String listeningSocket(String path) {
        return "path=" + Argv.commas(path);
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
