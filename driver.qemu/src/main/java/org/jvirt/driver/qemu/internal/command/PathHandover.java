package org.jvirt.driver.qemu.internal.command;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * QEMU opens every socket, file and tap itself: a child of {@link ProcessBuilder} inherits no
 * descriptor but stdio, so nothing can be opened on its behalf.
 */
public final class PathHandover implements FdHandover {

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

    /** A bridge through qemu-bridge-helper; any other type a tap QEMU creates, without scripts. */
    @Override
    public Map<String, Object> tapNetdev(String type, String bridge, String ifname, boolean vhost) {
        Map<String, Object> netdev = new LinkedHashMap<>();
        if (type.equals("bridge")) {
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
