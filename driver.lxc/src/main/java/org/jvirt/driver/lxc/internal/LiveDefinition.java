package org.jvirt.driver.lxc.internal;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.jvirt.api.xml.CharDevice;
import org.jvirt.api.xml.CharSource;
import org.jvirt.api.xml.Device;
import org.jvirt.api.xml.DomainDef;
import org.jvirt.api.xml.NetInterface;

/**
 * The live definition of a running container, as libvirt's LXC driver completes it at start: the
 * domain id, the host-side veth names as {@code <target dev=>}, the console's host pty as
 * {@code <source path=>} (the codec adds {@code tty=}), and device aliases ({@code console0}, {@code net0}).
 */
final class LiveDefinition {
    private LiveDefinition() {
    }

    static DomainDef of(DomainDef def, int id, List<String> veths, ContainerProcess proc) {
        String tty = consolePty(proc.monitorPid());
        List<Device> all = new ArrayList<>();
        int net = 0;
        int console = 0;
        for (Device d : def.devices().all()) {
            if (d instanceof NetInterface n) {
                String alias = "net" + net;
                // a direct interface has no host end: libvirt leaves its target as the definition gives it
                String veth = veths.get(net) != null ? veths.get(net) : n.targetDev();
                d = n.toBuilder().targetDev(veth).info(n.info().toBuilder().alias(alias).build()).build();
                net++;
            } else if (d instanceof CharDevice c && "console".equals(c.elementName())) {
                var b = c.toBuilder().info(c.info().toBuilder().alias("console" + console).build());
                if (tty != null && console == 0) {
                    CharSource src = c.source() == null ? CharSource.builder().path(tty).build()
                            : c.source().toBuilder().path(tty).build();
                    // the codec writes tty= from the source path on the first console of a live guest
                    b.source(src);
                }
                d = b.build();
                console++;
            }
            all.add(d);
        }
        return def.withId(id).withDevices(def.devices().withAll(all));
    }

    /** The host pty that liblxc's monitor holds for the container's console, or null. */
    static String consolePty(long monitorPid) {
        try (DirectoryStream<Path> fds = Files.newDirectoryStream(Path.of("/proc", Long.toString(monitorPid), "fd"))) {
            for (Path fd : fds) {
                try {
                    String target = Files.readSymbolicLink(fd).toString();
                    if (target.matches("/dev/pts/\\d+")) {
                        return target;
                    }
                } catch (IOException e) {
                    // closed meanwhile
                }
            }
        } catch (IOException e) {
            // the monitor is gone: the start fails elsewhere
        }
        return null;
    }
}
