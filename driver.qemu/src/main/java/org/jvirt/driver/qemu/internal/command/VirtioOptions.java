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
        j.putOnOff("iommu_platform", iommu);
        j.putOnOff("ats", ats);
        j.putOnOff("packed", packed);
        j.putOnOff("page-per-vq", pagePerVq);
    }
}
