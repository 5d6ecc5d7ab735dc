package org.jvirt.driver.qemu.internal.command;

import java.util.BitSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.VirtException;
import org.jvirt.api.xml.Cpu;
import org.jvirt.driver.qemu.internal.QemuErrors;

/**
 * The QEMU driver's checks of a definition (libvirt's qemu_validate.c and the QEMU post-parse
 * errors), with libvirt's messages. {@link #checkWritten} looks at the XML as written (what
 * defaults would hide); {@link #validate} at the completed definition.
 */
final class QemuValidator {
    private QemuValidator() {
    }

    /** Checks on the XML as the user wrote it. */
    static void checkWritten(XNode root, String emulator) throws VirtException {
        String virtType = root.attr("type", "");
        if (virtType.equals("hvf")) {
            throw QemuErrors.unsupported("Emulator '" + emulator + "' does not support virt type 'hvf'");
        }
        XNode os = root.child("os");
        XNode devices = root.child("devices");
        if (os != null && !os.all("boot").isEmpty() && devices != null) {
            for (XNode dev : devices.children) {
                if (dev.child("boot") != null) {
                    throw QemuErrors.unsupported("per-device boot elements cannot be used together with os/boot elements");
                }
            }
        }
        XNode menu = os == null ? null : os.child("bootmenu");
        if (menu != null && menu.attr("timeout") != null) {
            long t;
            try {
                t = Long.parseLong(menu.attr("timeout"));
            } catch (NumberFormatException e) {
                t = -1;
            }
            if (t < 0 || t > 65535) {
                throw QemuErrors.unsupported("invalid value for boot menu timeout, must be in range [0,65535]");
            }
        }
        if (devices == null) {
            return;
        }
        Map<String, XNode> pciControllers = new HashMap<>();
        for (XNode c : devices.all("controller")) {
            String type = c.attr("type", "");
            XNode drv = c.child("driver");
            if (drv != null && drv.attr("iothread") != null && !(type.equals("scsi")
                    && "virtio-scsi".equals(c.attr("model")))) {
                throw QemuErrors.xml("'iothread' attribute only supported for virtio scsi controllers");
            }
            if (type.equals("pci") && c.attr("index") != null) {
                if (pciControllers.put(c.attr("index"), c) != null) {
                    throw QemuErrors.xml("Multiple 'pci' controllers with index '" + c.attr("index") + "'");
                }
            }
            String model = c.attr("model", "");
            if (model.equals("pci-root") || model.equals("pcie-root")) {
                if (c.address() != null) {
                    throw QemuErrors.unsupported("pci-root and pcie-root controllers should not have an address");
                }
                if (!"0".equals(c.attr("index", "0"))) {
                    throw QemuErrors.xml("pci-root and pcie-root controllers should have index 0");
                }
            }
        }
        for (XNode dev : devices.children) {
            XNode a = dev.address();
            if (a != null && "pci".equals(a.attr("type"))) {
                checkPciAddress(a);
            }
        }
        checkDevicesWritten(root, devices);
        checkNumaWritten(root, devices);
        Map<String, String> targets = new HashMap<>();
        for (XNode disk : devices.all("disk")) {
            XNode t = disk.child("target");
            String dev = t == null ? null : t.attr("dev");
            if (dev == null) {
                continue;
            }
            String src = sourceName(disk);
            String prev = targets.put(dev, src);
            if (prev != null) {
                throw QemuErrors.xml("target '" + dev + "' duplicated for disk sources '" + prev + "' and '" + src + "'");
            }
        }
    }

    private static void checkDevicesWritten(XNode root, XNode devices) throws VirtException {
        String machine = root.child("os") == null || root.child("os").child("type") == null ? ""
                : root.child("os").child("type").attr("machine", "");
        boolean q35 = machine.equals("q35") || machine.startsWith("pc-q35");
        Set<String> hostdevs = new HashSet<>();
        for (XNode h : devices.all("hostdev")) {
            XNode src = h.child("source");
            String key = h.attr("type") + ":" + (src == null ? "" : DomXml.write(src));
            if (!hostdevs.add(key)) {
                throw QemuErrors.xml("Hostdev already exists in the domain configuration");
            }
            if (!"scsi".equals(h.attr("type"))) {
                if (h.attr("rawio") != null) {
                    throw QemuErrors.xml("rawio is only supported for scsi host device");
                }
                if (h.attr("sgio") != null) {
                    throw QemuErrors.xml("sgio is only supported for scsi host device");
                }
            }
            if ("scsi_host".equals(h.attr("type")) && h.child("boot") != null) {
                throw QemuErrors.unsupported("booting from assigned devices is not supported by vhost SCSI devices");
            }
            XNode addr = h.address();
            if (addr != null && addr.child("zpci") != null) {
                throw QemuErrors.unsupported("This QEMU binary doesn't support zPCI");
            }
        }
        for (XNode iommu : devices.all("iommu")) {
            String model = iommu.attr("model", "");
            if (model.equals("intel") && !q35) {
                throw QemuErrors.unsupported("IOMMU device: 'intel' is only supported with Q35 machines");
            }
            if (model.equals("virtio")) {
                XNode drv = iommu.child("driver");
                if (drv != null && !drv.attrs.isEmpty()) {
                    throw QemuErrors.xml("iommu model 'virtio' doesn't support additional attributes");
                }
                if (!q35) {
                    throw QemuErrors.unsupported("IOMMU device: 'virtio' is only supported with Q35 and ARM Virt machines");
                }
                XNode features = root.child("features");
                if (features == null || features.child("acpi") == null) {
                    throw QemuErrors.unsupported("IOMMU device: 'virtio' requires ACPI");
                }
                XNode a = iommu.address();
                if (a != null && !"pci".equals(a.attr("type"))) {
                    throw QemuErrors.unsupported("IOMMU device: 'virtio' needs a PCI address");
                }
                if (a != null && Attrs.intAttr(a, "bus", 0) != 0) {
                    throw QemuErrors.xml(String.format("The device at PCI address %04x:%02x:%02x.%x needs to be an "
                            + "integrated device (bus=0)", Attrs.intAttr(a, "domain", 0), Attrs.intAttr(a, "bus", 0),
                            Attrs.intAttr(a, "slot", 0), Attrs.intAttr(a, "function", 0)));
                }
            }
        }
        for (XNode c : devices.all("controller")) {
            if ("pcie-expander-bus".equals(c.attr("model")) && !q35) {
                throw QemuErrors.unsupported("pcie-expander-bus controllers are not supported with this machine type");
            }
        }
        for (XNode t : devices.all("tpm")) {
            if (t.child("backend") == null) {
                throw QemuErrors.xml("missing TPM device backend");
            }
        }
        Set<String> usbPorts = new HashSet<>();
        Set<String> usbBuses = new HashSet<>();
        for (XNode c : devices.all("controller")) {
            if ("usb".equals(c.attr("type"))) {
                usbBuses.add(c.attr("index", "0"));
            }
        }
        for (XNode dev : devices.children) {
            XNode a = dev.address();
            if (a == null || !"usb".equals(a.attr("type")) || a.attr("port") == null) {
                continue;
            }
            String port = a.attr("port");
            if (port.split("\\.").length > 5) {
                throw QemuErrors.internal("Cannot parse <address> 'port' attribute");
            }
            if (!usbPorts.add(a.attr("bus", "0") + ":" + port)) {
                throw QemuErrors.xml("Duplicate USB address bus " + a.attr("bus", "0") + " port " + port);
            }
        }
        for (XNode dev : devices.children) {
            XNode a = dev.address();
            if (a != null && "usb".equals(a.attr("type")) && !usbBuses.contains(a.attr("bus", "0"))) {
                throw QemuErrors.xml("USB bus " + a.attr("bus", "0")
                        + " requested but no controller with that index is present");
            }
        }
        for (XNode disk : devices.all("disk")) {
            XNode drv = disk.child("driver");
            if (drv != null && drv.attr("queues") != null && drv.attr("queues").startsWith("-")) {
                throw QemuErrors.xml("Invalid value for attribute 'queues' in element 'driver': '" + drv.attr("queues")
                        + "'. Expected non-negative integer value");
            }
            XNode src = disk.child("source");
            if (disk.child("auth") != null && src != null && src.child("auth") != null) {
                throw QemuErrors.unsupported("an <auth> definition already found for disk source");
            }
            if (disk.child("encryption") != null && src != null && src.child("encryption") != null) {
                throw QemuErrors.unsupported("an <encryption> definition already found for disk source");
            }
        }
    }

    private static void checkNumaWritten(XNode root, XNode devices) throws VirtException {
        XNode cpu = root.child("cpu");
        XNode numa = cpu == null ? null : cpu.child("numa");
        List<XNode> cells = numa == null ? List.of() : numa.all("cell");
        for (int i = 0; i < cells.size(); i++) {
            String id = cells.get(i).attr("id");
            if (id != null && !id.equals(Integer.toString(i))) {
                throw QemuErrors.xml("Exactly one 'cell' element per guest NUMA cell allowed, non-contiguous ranges or "
                        + "ranges not starting from 0 are not allowed");
            }
        }
        XNode nt = root.child("numatune");
        if (nt != null) {
            XNode mem = nt.child("memory");
            String memMode = mem == null ? "strict" : mem.attr("mode", "strict");
            if (mem != null && mem.attr("nodeset") != null && CpuSets.parse(mem.attr("nodeset")).isEmpty()) {
                throw QemuErrors.unsupported("Invalid value of 'nodeset': " + mem.attr("nodeset"));
            }
            if (mem != null && "static".equals(mem.attr("placement")) && mem.attr("nodeset") == null) {
                throw QemuErrors.unsupported("nodeset for NUMA memory tuning must be set if 'placement' is 'static'");
            }
            for (XNode mn : nt.all("memnode")) {
                if (memMode.equals("restrictive") && !"restrictive".equals(mn.attr("mode", "strict"))) {
                    throw QemuErrors.xml("'restrictive' mode is required in memnode element when mode is 'restrictive' "
                            + "in memory element");
                }
                if (mem != null && "auto".equals(mem.attr("placement"))) {
                    throw QemuErrors.unsupported("Per-node binding is not compatible with automatic NUMA placement.");
                }
            }
        }
        XNode mb = root.child("memoryBacking");
        XNode hp = mb == null ? null : mb.child("hugepages");
        if (hp != null) {
            String master = null;
            for (XNode page : hp.all("page")) {
                String ns = page.attr("nodeset");
                if (ns == null) {
                    if (master != null) {
                        throw new VirtException(ErrorCode.XML_DETAIL, ErrorDomain.DOMAIN,
                                "two master hugepages detected: " + master + " and " + page.attr("size"));
                    }
                    master = page.attr("size");
                    continue;
                }
                BitSet nodes = CpuSets.parse(ns);
                if (cells.isEmpty() && nodes.cardinality() == 1 && nodes.get(0)) {
                    // without guest NUMA there is one implicit node 0: this page is the master page
                    if (master != null) {
                        throw new VirtException(ErrorCode.XML_DETAIL, ErrorDomain.DOMAIN,
                                "two master hugepages detected: " + page.attr("size") + " and " + master);
                    }
                    master = page.attr("size");
                    continue;
                }
                int bad = nodes.nextSetBit(cells.size());
                if (bad >= 0) {
                    throw new VirtException(ErrorCode.XML_DETAIL, ErrorDomain.DOMAIN, "hugepages: node " + bad
                            + " not found");
                }
            }
            // a nodeset page next to a master page: libvirt reports the pair in the order it sees them
        }
        if (devices != null) {
            for (XNode m : devices.all("memory")) {
                XNode t = m.child("target");
                String node = t == null ? null : t.childText("node");
                if (node != null && Integer.parseInt(node.trim()) >= cells.size()) {
                    throw new VirtException(ErrorCode.XML_DETAIL, ErrorDomain.DOMAIN, "can't add memory backend for "
                            + "guest node '" + node.trim() + "' as the guest has only '" + cells.size()
                            + "' NUMA nodes configured");
                }
            }
        }
        XNode sysinfo = root.child("sysinfo");
        XNode uuid = root.child("uuid");
        if (sysinfo != null && uuid != null && uuid.text != null && sysinfo.child("system") != null) {
            for (XNode e : sysinfo.child("system").all("entry")) {
                if ("uuid".equals(e.attr("name")) && e.text != null
                        && !e.text.trim().equalsIgnoreCase(uuid.text.trim())) {
                    throw new VirtException(ErrorCode.XML_DETAIL, ErrorDomain.DOMAIN,
                            "UUID mismatch between <uuid> and <sysinfo>");
                }
            }
        }
    }

    private static String sourceName(XNode disk) {
        XNode s = disk.child("source");
        if (s == null) {
            return "";
        }
        for (String a : new String[] {"file", "dev", "dir", "name", "volume"}) {
            if (s.attr(a) != null) {
                return s.attr(a);
            }
        }
        return "";
    }

    private static void checkPciAddress(XNode a) throws VirtException {
        if (a.attr("bus") != null && Attrs.intAttr(a, "bus", 0) > 0xff) {
            throw QemuErrors.xml("Invalid PCI address bus='" + a.attr("bus") + "', must be <= 0xFF");
        }
        if (a.attr("slot") != null && Attrs.intAttr(a, "slot", 0) > 0x1f) {
            throw QemuErrors.xml("Invalid PCI address slot='" + a.attr("slot") + "', must be <= 0x1F");
        }
        if (a.attr("function") != null && Attrs.intAttr(a, "function", 0) > 7) {
            throw QemuErrors.xml("Invalid PCI address function=" + a.attr("function") + ", must be <= 7");
        }
    }

    /** Checks on the completed definition. */
    static void validate(QemuDomain d) throws VirtException {
        cpuCache(d);
        disks(d);
        controllers(d);
        videos(d);
        chardevs(d);
        for (XNode n : d.devices("interface")) {
            XNode drv = n.child("driver");
            if (drv != null && drv.attr("rx_queue_size") != null
                    && Integer.bitCount(Integer.parseInt(drv.attr("rx_queue_size"))) != 1) {
                throw QemuErrors.unsupported("rx_queue_size has to be a power of two");
            }
            if ("user".equals(n.attr("type")) && n.child("portForward") != null
                    && !"passt".equals(n.childAttr("backend", "type"))) {
                throw QemuErrors.unsupported("The <portForward> element can only be used with the 'passt' backend "
                        + "of interface type='user' or type='vhostuser'");
            }
        }
        for (XNode s : d.devices("shmem")) {
            XNode size = s.child("size");
            if (size != null && size.text != null) {
                long kib = GenericDefaults.toKib(size.text.trim(), size.attr("unit", "M"));
                if (kib < 1024 || Long.bitCount(kib) != 1) {
                    throw QemuErrors.xml("shmem size must be a power of 2 and at least 1 MiB (1024 KiB)");
                }
            }
        }
        for (XNode in : d.devices("input")) {
            String model = in.attr("model", "");
            if ((model.equals("virtio-transitional") || model.equals("virtio-non-transitional"))
                    && !"passthrough".equals(in.attr("type"))) {
                throw QemuErrors.unsupported("virtio (non-)transitional models are not supported for input type="
                        + in.attr("type"));
            }
        }
        boolean ps2Off = d.def.features() != null && d.def.features().get("ps2") != null
                && "off".equals(d.def.features().get("ps2").attribute("state"));
        if (ps2Off) {
            if (!d.devices("input", i -> "ps2".equals(i.attr("bus"))).isEmpty()) {
                throw QemuErrors.unsupported("ps2 bus inputs require the ps2 feature not to be disabled");
            }
            if (d.def.features().get("vmport") != null
                    && "on".equals(d.def.features().get("vmport").attribute("state"))) {
                throw QemuErrors.unsupported("vmport feature requires the ps2 feature not to be disabled");
            }
        }
        if (d.def.features() != null && d.def.features().get("smm") != null) {
            var tseg = d.def.features().get("smm").child("tseg");
            if (tseg != null) {
                if (!d.isQ35()) {
                    throw QemuErrors.unsupported("SMM TSEG is only supported with q35 machine type");
                }
                long kib = GenericDefaults.toKib(tseg.text().trim(), tseg.attribute("unit") == null ? "MiB"
                        : tseg.attribute("unit"));
                if (kib % 1024 != 0) {
                    throw QemuErrors.unsupported("SMM TSEG size must be divisible by 1 MiB");
                }
            }
        }
        if (d.def.maxMemory() != null && d.def.maxMemory().slots() > 0 && numaCells(d) == 0) {
            throw QemuErrors.unsupported("At least one numa node has to be configured when enabling memory hotplug");
        }
    }

    private static int numaCells(QemuDomain d) {
        return d.def.cpu() == null ? 0 : d.def.cpu().numaCells().size();
    }

    private static void cpuCache(QemuDomain d) throws VirtException {
        if (d.def.cpu() == null) {
            return;
        }
        String cpuMode = d.def.cpu().mode() == null ? "custom" : d.def.cpu().mode();
        Cpu.Cache cache = d.def.cpu().cache();
        if (cache != null) {
            String mode = cache.mode();
            Integer level = cache.level();
            if ("emulate".equals(mode) && !Integer.valueOf(3).equals(level)) {
                throw QemuErrors.unsupported("CPU cache mode 'emulate' can only be used with level='3'");
            }
            if ("passthrough".equals(mode)) {
                if (!cpuMode.equals("host-passthrough") && !cpuMode.equals("maximum")) {
                    throw QemuErrors.unsupported("CPU cache mode 'passthrough' can only be used with "
                            + "'host-passthrough' / 'maximum' CPUs");
                }
                if (level != null) {
                    throw QemuErrors.unsupported("unsupported CPU cache level for mode 'passthrough'");
                }
            }
            if ("disable".equals(mode) && level != null) {
                throw QemuErrors.unsupported("unsupported CPU cache level for mode 'disable'");
            }
        }
        Cpu.MaxPhysAddr phys = d.def.cpu().maxPhysAddr();
        if (phys != null && "passthrough".equals(phys.mode()) && phys.bits() != null) {
            throw QemuErrors.unsupported("CPU maximum physical address bits number specification cannot be "
                    + "used with mode='passthrough'");
        }
    }

    private static void disks(QemuDomain d) throws VirtException {
        Set<String> driveAddresses = new HashSet<>();
        for (XNode disk : d.devices("disk")) {
            XNode target = disk.child("target");
            String dev = target == null ? "" : target.attr("dev", "");
            String bus = target == null ? "" : target.attr("bus", "");
            if (!dev.isEmpty() && Character.isDigit(dev.charAt(dev.length() - 1))) {
                throw QemuErrors.unsupported("invalid disk target '" + dev + "', partitions can't appear in disk targets");
            }
            XNode src = disk.child("source");
            String type = disk.attr("type", "file");
            String device = disk.attr("device", "disk");
            if (bus.equals("usb") && (src == null || sourceName(disk).isEmpty())) {
                throw QemuErrors.unsupported("'usb' disk must not be empty");
            }
            if (device.equals("lun") && !type.equals("block")
                    && !(type.equals("network") && src != null && "iscsi".equals(src.attr("protocol")))) {
                throw QemuErrors.unsupported("disk device='lun' is only valid for block type disk source");
            }
            if (device.equals("lun") && bus.equals("virtio")) {
                throw QemuErrors.unsupported("This QEMU doesn't support SCSI emulation with 'virtio-blk' device");
            }
            String format = disk.childAttr("driver", "type");
            if ("cow".equals(format)) {
                throw QemuErrors.unsupported("'cow' storage format is not supported");
            }
            if ("dir".equals(format)) {
                throw QemuErrors.unsupported("'directory' storage format is not directly supported by QEMU, use 'dir' "
                        + "disk type instead");
            }
            if ("iso".equals(format)) {
                throw QemuErrors.unsupported("storage format 'iso' is not directly supported by QEMU, use 'raw' instead");
            }
            if (src != null && "sheepdog".equals(src.attr("protocol"))) {
                throw QemuErrors.unsupported("'sheepdog' protocol is no longer supported by any hypervisor driver");
            }
            XNode addr = disk.address();
            if (addr != null && "pci".equals(addr.attr("type"))
                    && (bus.equals("ide") || bus.equals("sata") || bus.equals("scsi") || bus.equals("fdc"))) {
                throw QemuErrors.unsupported("Invalid address type 'pci' for the disk '" + dev + "' with the bus type '"
                        + bus + "'");
            }
            if (addr != null && bus.equals("usb") && !"usb".equals(addr.attr("type"))) {
                throw QemuErrors.internal("unexpected address type for usb disk");
            }
            if (!bus.equals("scsi") && disk.child("vendor") != null) {
                throw QemuErrors.unsupported("Only scsi disk supports 'vendor'");
            }
            if (!bus.equals("scsi") && disk.child("product") != null) {
                throw QemuErrors.unsupported("Only scsi disk supports 'product'");
            }
            if (disk.child("product") != null && disk.childText("product") != null
                    && disk.childText("product").length() > 16) {
                throw QemuErrors.unsupported("disk product is more than 16 characters");
            }
            if (disk.child("shareable") != null && format != null && !format.equals("raw")
                    && disk.child("readonly") == null) {
                throw QemuErrors.unsupported("shared access for disk '" + dev + "' requires use of supported storage "
                        + "format");
            }
            XNode enc = src == null ? null : src.child("encryption");
            if (enc == null) {
                enc = disk.child("encryption");
            }
            if (enc != null && format != null && !format.equals("raw") && !format.equals("qcow2")) {
                throw QemuErrors.unsupported("encryption is supported only with 'raw' and 'qcow2' image format");
            }
            if (addr == null && !bus.equals("virtio") && !bus.equals("usb") && !bus.equals("xen")
                    && !bus.equals("sd") && DriveAddresses.diskIndex(dev) < 0) {
                throw QemuErrors.xml("Unknown disk name '" + dev + "' and no address specified");
            }
            if (addr != null && "drive".equals(addr.attr("type"))) {
                String key = bus + "/" + addr.attr("controller", "0") + "/" + addr.attr("bus", "0") + "/"
                        + addr.attr("target", "0") + "/" + addr.attr("unit", "0");
                if (!driveAddresses.add(key)) {
                    throw QemuErrors.unsupported("Found duplicate drive address for disk with target name '" + dev
                            + "' controller='" + addr.attr("controller", "0") + "' bus='" + addr.attr("bus", "0")
                            + "' target='" + addr.attr("target", "0") + "' unit='" + addr.attr("unit", "0") + "'");
                }
            }
        }
    }

    private static void controllers(QemuDomain d) throws VirtException {
        List<XNode> usb = d.controllers("usb");
        boolean usbNone = usb.stream().anyMatch(c -> c.is("model", "none"));
        if (usbNone && usb.size() > 1) {
            throw new VirtException(ErrorCode.XML_DETAIL, ErrorDomain.DOMAIN,
                    "Can't add another USB controller: USB is disabled for this domain");
        }
        if (usbNone && !d.devices("hub").isEmpty()) {
            throw QemuErrors.unsupported("Can't add USB hub: USB is disabled for this domain");
        }
        for (XNode c : usb) {
            String model = c.attr("model", "");
            if ((model.equals("qemu-xhci") || model.equals("nec-xhci")) && c.attr("ports") != null
                    && Integer.parseInt(c.attr("ports")) > 15) {
                throw QemuErrors.unsupported("'" + model + "' controller only supports up to '15' ports");
            }
        }
        if ("isapc".equals(d.machine()) && !usb.isEmpty() && !usbNone) {
            throw QemuErrors.xml("No PCI buses available");
        }
    }

    private static void videos(QemuDomain d) throws VirtException {
        List<XNode> videos = d.devices("video");
        int primaries = 0;
        for (XNode v : videos) {
            String type = v.childAttr("model", "type");
            if ("none".equals(type) && videos.size() > 1) {
                throw QemuErrors.unsupported("a 'none' video type must be the only video device defined for the domain");
            }
            if ("yes".equals(v.childAttr("model", "primary"))) {
                primaries++;
            }
            if ("ramfb".equals(type) && v.address() != null) {
                throw QemuErrors.unsupported("address not supported for video type ramfb");
            }
        }
        if (primaries > 1) {
            throw QemuErrors.unsupported("Only one primary video device is supported");
        }
    }

    private static void chardevs(QemuDomain d) throws VirtException {
        for (String kind : new String[] {"serial", "parallel", "channel", "console"}) {
            for (XNode c : d.devices(kind)) {
                XNode proto = c.child("protocol");
                if ("tcp".equals(c.attr("type")) && proto != null && "tls".equals(proto.attr("type"))) {
                    throw QemuErrors.unsupported("tcp chardev protocol 'tls' not supported");
                }
            }
        }
    }
}
