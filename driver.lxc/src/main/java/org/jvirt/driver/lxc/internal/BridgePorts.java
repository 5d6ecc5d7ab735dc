package org.jvirt.driver.lxc.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.jvirt.api.VirtException;

/** A bridge port's options through sysfs, as libvirt's virNetDevBridgePortSet writes them. */
final class BridgePorts {
    private static final Path SYS_NET = Path.of("/sys/class/net");

    private BridgePorts() {
    }

    /** {@code brport/isolated = 1}: the port forwards nothing to the bridge's other isolated ports. */
    static void isolate(String bridge, String port) throws VirtException {
        try {
            Files.writeString(SYS_NET.resolve(port).resolve("brport").resolve("isolated"), "1");
        } catch (IOException e) {
            throw LxcErrors.system("Unable to set bridge " + bridge + " port " + port + " isolated: " + e.getMessage());
        }
    }
}
