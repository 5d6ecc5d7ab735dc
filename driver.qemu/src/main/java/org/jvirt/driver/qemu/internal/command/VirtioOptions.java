package org.jvirt.driver.qemu.internal.command;

/** The virtio transport options of a device's {@code <driver>} (qemuBuildVirtioDevProps). */
final class VirtioOptions {
    private VirtioOptions() {
    }

    /** Adds iommu_platform, ats, packed and page-per-vq right after {@code driver}. */
    static void put(XNode dev, Json j) {
        XNode drv = dev.child("driver");
        if (drv == null) {
            return;
        }
        onOff(j, "iommu_platform", drv.attr("iommu"));
        onOff(j, "ats", drv.attr("ats"));
        onOff(j, "packed", drv.attr("packed"));
        onOff(j, "page-per-vq", drv.attr("page_per_vq"));
    }

    private static void onOff(Json j, String key, String v) {
        if (v != null) {
            j.put(key, "on".equals(v));
        }
    }
}
