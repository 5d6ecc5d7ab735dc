package org.jvirt.driver.qemu.internal.command;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.jvirt.api.VirtException;
import org.jvirt.api.xml.Address;
import org.jvirt.api.xml.CharDevice;
import org.jvirt.api.xml.DomainDef;
import org.jvirt.api.xml.Hostdev;
import org.jvirt.api.xml.Input;
import org.jvirt.api.xml.Shmem;
import org.jvirt.api.xml.Tpm;
import org.jvirt.api.xml.Iommu;
import org.jvirt.api.xml.NetInterface;
import org.jvirt.api.xml.Video;
import org.jvirt.driver.qemu.internal.QemuErrors;

/**
 * The QEMU driver's checks of the devices other than disks and controllers: host devices, IOMMU,
 * TPM, interfaces, shared memory, inputs, video and character devices (qemu_validate.c's device
 * part), with libvirt's messages.
 */
final class DeviceValidator {
    private static final long MIN_SHMEM_KIB = 1024;

    private DeviceValidator() {
    }

    /** Host devices as written: each once, SCSI-only options on SCSI, no boot on vhost-scsi, no zPCI. */
    static void hostdevs(DomainDef def) throws VirtException {
        Set<List<Object>> seen = new HashSet<>();
        for (Hostdev h : def.devices().ofType(Hostdev.class)) {
            if (!seen.add(Arrays.asList(h.type(), h.source()))) {
                throw QemuErrors.xml("Hostdev already exists in the domain configuration");
            }
            if (!"scsi".equals(h.type())) {
                if (h.rawio() != null) {
                    throw QemuErrors.xml("rawio is only supported for scsi host device");
                }
                if (h.sgio() != null) {
                    throw QemuErrors.xml("sgio is only supported for scsi host device");
                }
            }
            if ("scsi_host".equals(h.type()) && h.info().bootOrder() != null) {
                throw QemuErrors.unsupported("booting from assigned devices is not supported by vhost SCSI devices");
            }
            Address addr = h.info().address();
            if (addr != null && addr.other().children().stream().anyMatch(e -> e.name().equals("zpci"))) {
                throw QemuErrors.unsupported("This QEMU binary doesn't support zPCI");
            }
        }
    }

    /** IOMMUs as written: intel and virtio need q35; virtio takes no options, needs ACPI and bus 0. */
    static void iommus(QemuMachine m) throws VirtException {
        for (Iommu iommu : m.def().devices().ofType(Iommu.class)) {
            String model = iommu.model() == null ? "" : iommu.model();
            if (model.equals("intel") && !m.isQ35()) {
                throw QemuErrors.unsupported("IOMMU device: 'intel' is only supported with Q35 machines");
            }
            if (!model.equals("virtio")) {
                continue;
            }
            if (iommu.intremap() != null || iommu.cachingMode() != null || iommu.eim() != null
                    || iommu.iotlb() != null || iommu.awBits() != null || iommu.dmaTranslation() != null) {
                throw QemuErrors.xml("iommu model 'virtio' doesn't support additional attributes");
            }
            if (!m.isQ35()) {
                throw QemuErrors.unsupported("IOMMU device: 'virtio' is only supported with Q35 and ARM Virt machines");
            }
            if (m.def().features() == null || !m.def().features().on("acpi")) {
                throw QemuErrors.unsupported("IOMMU device: 'virtio' requires ACPI");
            }
            Address a = iommu.info().address();
            if (a != null && !a.is("pci")) {
                throw QemuErrors.unsupported("IOMMU device: 'virtio' needs a PCI address");
            }
            if (a != null && z(a.bus()) != 0) {
                throw QemuErrors.xml(String.format("The device at PCI address %04x:%02x:%02x.%x needs to be an "
                        + "integrated device (bus=0)", z(a.domain()), z(a.bus()), z(a.slot()), z(a.function())));
            }
        }
    }

    /** TPMs as written: each with a backend. */
    static void tpms(DomainDef def) throws VirtException {
        for (Tpm tpm : def.devices().ofType(Tpm.class)) {
            if (tpm.backend() == null) {
                throw QemuErrors.xml("missing TPM device backend");
            }
        }
    }

    /** Interfaces of the completed definition: power-of-two RX queues, port forwards only with passt. */
    static void interfaces(DomainDef def) throws VirtException {
        for (NetInterface n : def.devices().interfaces()) {
            if ("direct".equals(n.type())) {
                direct(n);
            }
            Integer rxQueueSize = n.driver() == null ? null : n.driver().rxQueueSize();
            if (rxQueueSize != null && Integer.bitCount(rxQueueSize) != 1) {
                throw QemuErrors.unsupported("rx_queue_size has to be a power of two");
            }
            // TODO(typed): <portForward> of interfaces is kept verbatim
            boolean portForward = n.other().children().stream().anyMatch(e -> e.name().equals("portForward"));
            if ("user".equals(n.type()) && portForward
                    && !(n.backend() != null && "passt".equals(n.backend().type()))) {
                throw QemuErrors.unsupported("The <portForward> element can only be used with the 'passt' backend "
                        + "of interface type='user' or type='vhostuser'");
            }
        }
    }

    /** libvirt's parse of {@code <interface type='direct'>}: a source device, a known macvtap mode. */
    private static void direct(NetInterface n) throws VirtException {
        if (n.source() == null || n.source().dev() == null) {
            throw QemuErrors.xml("No <source> 'dev' attribute specified with <interface type='direct'/>");
        }
        String mode = n.source().mode();
        if (mode != null && !List.of("vepa", "private", "bridge", "passthrough").contains(mode)) {
            throw QemuErrors.xml("Invalid value for attribute 'mode' in element 'source': '" + mode + "'.");
        }
    }

    /** Shared memory of the completed definition: a power of two of at least 1 MiB. */
    static void shmems(DomainDef def) throws VirtException {
        for (Shmem shmem : def.devices().ofType(Shmem.class)) {
            Long bytes = shmem.sizeBytes();
            if (bytes != null && (bytes < MIN_SHMEM_KIB * 1024 || Long.bitCount(bytes) != 1)) {
                throw QemuErrors.xml("shmem size must be a power of 2 and at least 1 MiB (1024 KiB)");
            }
        }
    }

    /** Inputs of the completed definition: (non-)transitional virtio models only for passthrough. */
    static void inputs(DomainDef def) throws VirtException {
        for (Input in : def.devices().ofType(Input.class)) {
            String model = in.model() == null ? "" : in.model();
            if ((model.equals("virtio-transitional") || model.equals("virtio-non-transitional"))
                    && !"passthrough".equals(in.type())) {
                throw QemuErrors.unsupported("virtio (non-)transitional models are not supported for input type="
                        + in.type());
            }
        }
    }

    /** Video of the completed definition: "none" alone, one primary, ramfb unaddressed. */
    static void videos(DomainDef def) throws VirtException {
        List<Video> videos = def.devices().ofType(Video.class);
        int primaries = 0;
        for (Video v : videos) {
            if ("none".equals(v.modelType()) && videos.size() > 1) {
                throw QemuErrors.unsupported("a 'none' video type must be the only video device defined for the domain");
            }
            if (v.primary()) {
                primaries++;
            }
            if ("ramfb".equals(v.modelType()) && v.info().address() != null) {
                throw QemuErrors.unsupported("address not supported for video type ramfb");
            }
        }
        if (primaries > 1) {
            throw QemuErrors.unsupported("Only one primary video device is supported");
        }
    }

    /** Character devices of the completed definition: no TLS protocol on TCP. */
    static void chardevs(DomainDef def) throws VirtException {
        for (CharDevice c : def.devices().charDevices()) {
            if ("tcp".equals(c.type()) && c.source() != null && "tls".equals(c.source().protocol())) {
                throw QemuErrors.unsupported("tcp chardev protocol 'tls' not supported");
            }
        }
    }

    private static int z(Integer v) {
        return v == null ? 0 : v;
    }
}
