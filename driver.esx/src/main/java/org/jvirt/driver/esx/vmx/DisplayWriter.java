package org.jvirt.driver.esx.vmx;

import java.util.List;

import org.jvirt.api.VirtException;
import org.jvirt.api.xml.Filesystem;
import org.jvirt.api.xml.Graphics;
import org.jvirt.api.xml.Video;
import org.jvirt.api.xml.VideoModel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The VNC display, the SVGA adapter and shared folders as VMX entries (virVMXFormatVNC, ...SVGA, ...FileSystem). */
final class DisplayWriter {
    private static final Logger LOG = LoggerFactory.getLogger(DisplayWriter.class);

    private DisplayWriter() {
    }

    static void graphics(Graphics g, VmxLines out) throws VirtException {
        if (!g.type().equals("vnc")) {
            throw VmxErrors.unsupported("Unsupported graphics type '" + g.type() + "'");
        }
        out.put("RemoteDisplay.vnc.enabled", "true");
        if (g.autoport()) {
            LOG.warn("VNC autoport is enabled, but the automatically assigned VNC port cannot be read back");
        } else {
            if (g.port() < 5900 || g.port() > 5964) {
                LOG.warn("VNC port {} it out of [5900..5964] range", g.port());
            }
            out.put("RemoteDisplay.vnc.port", g.port());
        }
        String address = g.listens().isEmpty() ? g.address() : g.listens().get(0).address();
        if (address != null) {
            out.put("RemoteDisplay.vnc.ip", address);
        }
        if (g.keymap() != null) {
            out.put("RemoteDisplay.vnc.keymap", g.keymap());
        }
        if (g.passwd() != null) {
            out.put("RemoteDisplay.vnc.password", g.passwd());
        }
    }

    static void videos(List<Video> videos, VmxLines out) throws VirtException {
        if (videos.isEmpty()) {
            return;
        }
        if (videos.size() > 1) {
            throw VmxErrors.internal("No support for multiple video devices");
        }
        VideoModel model = videos.get(0).model();
        String type = model == null || model.type() == null ? "vmvga" : model.type();
        if (!type.equals("vmvga")) {
            throw VmxErrors.unsupported("Unsupported video device type '" + type + "'");
        }
        // Windows guests want the VRAM size in multiples of 64 KiB (VMware KB 1003, 1001558)
        long vram = model == null || model.vram() == null ? VmxConverter.DEFAULT_VRAM : model.vram();
        vram = (vram + 63) / 64 * 64;
        if (model != null && model.heads() != null && model.heads() > 1) {
            throw VmxErrors.unsupported("Multi-head video devices are unsupported");
        }
        out.put("svga.vramSize", vram * 1024);
    }

    static void sharedFolders(List<Filesystem> filesystems, VmxLines out) throws VirtException {
        if (filesystems.isEmpty()) {
            return;
        }
        out.put("isolation.tools.hgfs.disable", "false").put("sharedFolder.maxNum", filesystems.size());
        for (int i = 0; i < filesystems.size(); i++) {
            Filesystem fs = filesystems.get(i);
            if (fs.type() != null && !fs.type().equals("mount")) {
                throw VmxErrors.unsupported("Only 'mount' filesystem type is supported");
            }
            String prefix = "sharedFolder" + i + ".";
            out.put(prefix + "present", "true").put(prefix + "enabled", "true").put(prefix + "readAccess", "true")
                    .put(prefix + "writeAccess", fs.readOnly() ? "false" : "true")
                    .put(prefix + "hostPath", fs.source() == null ? null : fs.source().dir())
                    .put(prefix + "guestName", fs.targetDir());
        }
    }
}
