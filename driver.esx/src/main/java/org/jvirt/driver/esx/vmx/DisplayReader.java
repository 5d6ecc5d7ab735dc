package org.jvirt.driver.esx.vmx;

import java.util.ArrayList;
import java.util.List;

import org.jvirt.api.VirtException;
import org.jvirt.api.xml.Filesystem;
import org.jvirt.api.xml.FsSource;
import org.jvirt.api.xml.Graphics;
import org.jvirt.api.xml.Video;
import org.jvirt.api.xml.VideoModel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The VNC display, the SVGA adapter and the shared folders of a VMX file (virVMXParseVNC,
 * virVMXParseSVGA, virVMXParseFileSystem).
 */
final class DisplayReader {
    private static final Logger LOG = LoggerFactory.getLogger(DisplayReader.class);

    private final VmxConfig conf;

    DisplayReader(VmxConfig conf) {
        this.conf = conf;
    }

    /** The VNC server, or null when {@code RemoteDisplay.vnc.enabled} is not true. */
    Graphics vnc() throws VirtException {
        if (!conf.bool("RemoteDisplay.vnc.enabled", false)) {
            return null;
        }
        long port = conf.number("RemoteDisplay.vnc.port", -1);
        String ip = conf.string("RemoteDisplay.vnc.ip");
        String keymap = conf.string("RemoteDisplay.vnc.keymap");
        String passwd = conf.string("RemoteDisplay.vnc.password");
        boolean autoport = port < 0;
        if (autoport) {
            LOG.warn("VNC is enabled but VMX entry 'RemoteDisplay.vnc.port' is missing, the VNC port is unknown");
        } else if (port < 5900 || port > 5964) {
            LOG.warn("VNC port {} it out of [5900..5964] range", port);
        }
        return Graphics.builder().type("vnc").port(autoport ? 0 : (int) port).autoport(autoport).address(ip)
                .listens(List.of(new Graphics.Listen("address", ip, null, null, null))).keymap(keymap).passwd(passwd)
                .build();
    }

    /** The one video adapter every VMware guest has; {@code svga.vramSize} is in bytes. */
    Video svga() throws VirtException {
        long bytes = conf.number("svga.vramSize", 4 * 1024 * 1024);
        // libvirt keeps KiB in an unsigned int
        int kib = (int) Math.min(Math.max(0, (bytes + 1023) / 1024), Integer.MAX_VALUE);
        return Video.builder().model(VideoModel.builder().type("vmvga").vram(kib).build()).build();
    }

    /** Shared folders, when HGFS is enabled: {@code sharedFolderN} up to {@code sharedFolder.maxNum}. */
    List<Filesystem> sharedFolders() throws VirtException {
        List<Filesystem> out = new ArrayList<>();
        if (conf.bool("isolation.tools.hgfs.disable", true)) {
            return out;
        }
        long max = conf.number("sharedFolder.maxNum", 0);
        for (int i = 0; i < max; i++) {
            String prefix = "sharedFolder" + i + ".";
            boolean present = conf.bool(prefix + "present", false);
            boolean enabled = conf.bool(prefix + "enabled", false);
            if (!(present && enabled)) {
                continue;
            }
            String hostPath = conf.string(prefix + "hostPath", false);
            String guestName = conf.string(prefix + "guestName", false);
            boolean writeAccess = conf.bool(prefix + "writeAccess", false);
            out.add(Filesystem.builder().type("mount").source(FsSource.builder().dir(hostPath).build())
                    .targetDir(guestName).readOnly(!writeAccess).build());
        }
        return out;
    }
}
