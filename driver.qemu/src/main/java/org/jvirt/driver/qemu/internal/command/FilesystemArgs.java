package org.jvirt.driver.qemu.internal.command;

import java.util.List;

import org.jvirt.api.xml.Filesystem;
import org.jvirt.api.xml.FsDriver;

/** 9p filesystems: an {@code -fsdev} plus a virtio-9p device each (qemuBuildFSDevCmd); virtiofs is not built here. */
final class FilesystemArgs {
    private final QemuMachine m;

    FilesystemArgs(QemuMachine m) {
        this.m = m;
    }

    void filesystems(Argv a) {
        List<Filesystem> fss = m.def().devices().ofType(Filesystem.class);
        for (int i = 0; i < fss.size(); i++) {
            Filesystem fs = fss.get(i);
            FsDriver drv = fs.driver();
            String driverType = drv == null ? null : drv.type();
            if ("virtiofs".equals(driverType) || !"mount".equals(fs.type() == null ? "mount" : fs.type())) {
                continue;
            }
            a.add("-fsdev", fsdev(fs, driverType, i));
            Json j = Json.object().put("driver", "virtio-9p-pci");
            if (drv != null) {
                VirtioOptions.put(j, drv.iommu(), drv.ats(), drv.packed(), drv.pagePerVq());
            }
            j.put("id", "fs" + i).put("fsdev", "fsdev-fs" + i).put("mount_tag", fs.targetDir());
            PciBus.put(m, fs.info(), j);
            a.device(j);
        }
    }

    private static String fsdev(Filesystem fs, String driverType, int i) {
        boolean handle = "handle".equals(driverType);
        StringBuilder f = new StringBuilder(handle ? "handle" : "local");
        if (!handle) {
            String mode = fs.accessMode() == null ? "passthrough" : fs.accessMode();
            f.append(",security_model=").append(mode.equals("squash") ? "none" : mode);
        }
        if (fs.driver() != null && fs.driver().wrpolicy() != null) {
            f.append(",writeout=").append(fs.driver().wrpolicy());
        }
        if (fs.multidevs() != null) {
            f.append(",multidevs=").append(fs.multidevs());
        }
        String dir = fs.source() == null ? null : fs.source().dir();
        f.append(",id=fsdev-fs").append(i).append(",path=").append(Argv.commas(dir));
        if (fs.readOnly()) {
            f.append(",readonly=on");
        }
        return f.toString();
    }
}
