package org.jvirt.driver.qemu.internal.command;

/** The virtio transport options of a device's {@code <driver>} (qemuBuildVirtioDevProps). */
final class VirtioOptions {
    private VirtioOptions() {
    }

    /**
     * Adds iommu_platform, ats, packed and page-per-vq (right after {@code driver}) from a
     * {@code <driver>}'s iommu, ats, packed and page_per_vq values; each may be null.
     */
    static void put(Json j, String iommu, String ats, String packed, String pagePerVq) {
        onOff(j, "iommu_platform", iommu);
        onOff(j, "ats", ats);
        onOff(j, "packed", packed);
        onOff(j, "page-per-vq", pagePerVq);
    }

    private static void onOff(Json j, String key, String v) {
        if (v != null) {
            j.put(key, "on".equals(v));
        }
    }
}
