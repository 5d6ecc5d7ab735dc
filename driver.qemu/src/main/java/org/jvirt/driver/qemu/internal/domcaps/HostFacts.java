package org.jvirt.driver.qemu.internal.domcaps;

/**
 * What the domain capabilities need to know of the host beyond the emulator: libvirt asks the
 * same questions (qemuHostdevHostSupportsPassthroughVFIO, virTPMHasSwtpm and swtpm_setup's
 * capabilities, KVM_CAP_MAX_VCPUS).
 *
 * @param vfio         PCI passthrough with VFIO is possible (an IOMMU and {@code /dev/vfio/vfio})
 * @param swtpm        swtpm, swtpm_setup and swtpm_ioctl are installed
 * @param tpm12        swtpm_setup can create TPM 1.2 state
 * @param tpm20        swtpm_setup can create TPM 2.0 state
 * @param kvmMaxVcpus  the host's vCPU limit for KVM guests, or 0 when unknown
 * @param privileged   the driver runs as root (firmware descriptors of the user are not read)
 */
public record HostFacts(boolean vfio, boolean swtpm, boolean tpm12, boolean tpm20, int kvmMaxVcpus,
                        boolean privileged) {
}
