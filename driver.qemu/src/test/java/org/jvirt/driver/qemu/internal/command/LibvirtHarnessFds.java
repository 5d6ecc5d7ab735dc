package org.jvirt.driver.qemu.internal.command;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The descriptors libvirt's qemuxmlconftest pretends to have opened: 1729 for every listening
 * socket, 1750 and 1751 for a file chardev's source and log (always appending), taps from 3
 * ({@code ethernet}) or 102 ({@code bridge}, {@code network}) with vhost-net on 44.
 */
final class LibvirtHarnessFds implements FdHandover {

    @Override
    public String listeningSocket(String path) {
        return "fd=1729";
    }

    @Override
    public String fileBackend(FdSets sets, String alias, String path, String append) {
        return "path=" + sets.add(1750, alias + "-source") + ",append=on";
    }

    @Override
    public String logFile(FdSets sets, String alias, String path, String append) {
        return "logfile=" + sets.add(1751, alias + "-log") + ",logappend=on";
    }

    @Override
    public Map<String, Object> tapNetdev(String type, String bridge, String ifname, boolean vhost) {
        Map<String, Object> netdev = new LinkedHashMap<>();
        netdev.put("type", "tap");
        netdev.put("fd", type.equals("ethernet") ? "3" : "102");
        if (vhost) {
            netdev.put("vhost", true);
            netdev.put("vhostfd", "44");
        }
        return netdev;
    }
}
