package org.jvirt.driver.esx.vmx;

import java.util.BitSet;
import java.util.List;
import java.util.UUID;

import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.VirtException;
import org.jvirt.api.xml.Bitmap;
import org.jvirt.api.xml.CharDevice;
import org.jvirt.api.xml.Cpu;
import org.jvirt.api.xml.DomainDef;
import org.jvirt.api.xml.Filesystem;
import org.jvirt.api.xml.Graphics;
import org.jvirt.api.xml.NetInterface;
import org.jvirt.api.xml.Os;
import org.jvirt.api.xml.Video;

/** virVMXFormatConfig: a domain definition as a VMX file, entries in vmx.c's order. */
final class VmxWriter {
    private final VmxContext ctx;

    VmxWriter(VmxContext ctx) {
        this.ctx = ctx;
    }

    String write(DomainDef def) throws VirtException {
        if (!"vmware".equals(def.type())) {
            throw VmxErrors.internal("Expecting virt type to be 'vmware' but found '" + def.type() + "'");
        }
        int hw = ctx.virtualHwVersion();
        VmxLines out = new VmxLines();
        out.put(".encoding", "UTF-8").put("config.version", "8").put("virtualHW.version", hw);
        os(def.os(), out);
        UUID uuid = def.uuid();
        if (uuid == null || (uuid.getMostSignificantBits() == 0 && uuid.getLeastSignificantBits() == 0)) {
            out.put("uuid.action", "create");
        } else {
            out.put("uuid.bios", VmxUuid.format(uuid));
        }
        if (def.name() == null) {
            // a VMX file without displayName reads so; the XML parser never gives one (VIR_ERR_NO_NAME)
            throw new VirtException(ErrorCode.NO_NAME, ErrorDomain.NONE, null);
        }
        out.put("displayName", VmxEscape.percent(VmxEscape.pipe(def.name())));
        if (def.description() != null) {
            out.put("annotation", VmxEscape.pipe(def.description()));
        }
        memory(def, out);
        int vcpus = vcpus(def, out);
        if (def.cputune() != null && def.cputune().shares() != null) {
            long shares = def.cputune().shares();
            String level = shares == vcpus * 500L ? "low" : shares == vcpus * 1000L ? "normal"
                    : shares == vcpus * 2000L ? "high" : Long.toString(shares);
            out.put("sched.cpu.shares", level);
        }
        for (Graphics g : def.devices().graphics()) {
            DisplayWriter.graphics(g, out);
        }
        boolean scsi = new DiskWriter(ctx).write(def, out);
        DisplayWriter.sharedFolders(def.devices().ofType(Filesystem.class), out);
        List<NetInterface> nics = def.devices().interfaces();
        for (int i = 0; i < nics.size(); i++) {
            NetWriter.write(nics.get(i), i, hw, out);
        }
        DisplayWriter.videos(def.devices().ofType(Video.class), out);
        CharWriter chars = new CharWriter(ctx.fileNames());
        for (CharDevice c : def.devices().charDevices()) {
            if (c.elementName().equals("serial")) {
                chars.serial(c, out);
            }
        }
        for (CharDevice c : def.devices().charDevices()) {
            if (c.elementName().equals("parallel")) {
                chars.parallel(c, out);
            }
        }
        if (def.os() != null && "efi".equals(def.os().firmware())) {
            out.put("firmware", "efi");
            if (secureBoot(def.os())) {
                out.put("uefi.secureBoot.enabled", "TRUE");
            }
        }
        if (hw >= 7) {
            pciBridges(scsi, out);
        }
        return out.toString();
    }

    private static void os(Os os, VmxLines out) throws VirtException {
        String arch = os == null ? null : os.arch();
        if ("i686".equals(arch)) {
            out.put("guestOS", "other");
        } else if ("x86_64".equals(arch)) {
            out.put("guestOS", "other-64");
        } else {
            throw VmxErrors.internal("Expecting domain XML attribute 'arch' of entry 'os/type' to be 'i686' or "
                    + "'x86_64' but found '" + arch + "'");
        }
        String smbios = os.smbiosMode();
        if ("host".equals(smbios)) {
            out.put("smbios.reflecthost", "true");
        } else if (smbios != null && !smbios.equals("emulate") && !smbios.equals("none")) {
            throw VmxErrors.unsupported("Unsupported SMBIOS mode '" + smbios + "'");
        }
    }

    private static boolean secureBoot(Os os) {
        return os.firmwareFeatures().stream().anyMatch(f -> "secure-boot".equals(f.name()) && "yes".equals(f.enabled()));
    }

    /** memsize in MiB, a multiple of 4; the balloon target and the guarantee when they differ from it. */
    private static void memory(DomainDef def, VmxLines out) {
        long total = def.memory() == null ? 0 : def.memory().kib();
        long maxBalloon = (total + 4095) / 4096 * 4096;
        out.put("memsize", maxBalloon / 1024);
        long current = def.currentMemory() == null ? total : def.currentMemory().kib();
        if (current < maxBalloon) {
            out.put("sched.mem.max", (current + 1023) / 1024);
        }
        Long guarantee = def.memtune() == null ? null : def.memtune().minGuarantee();
        if (guarantee != null && guarantee > 0) {
            out.put("sched.mem.minsize", (guarantee + 1023) / 1024);
        }
    }

    /** numvcpus, the cores a socket and the affinity; answers the vCPU count. */
    private static int vcpus(DomainDef def, VmxLines out) throws VirtException {
        int max = def.vcpu() == null ? 1 : def.vcpu().count();
        int current = def.vcpu() == null ? max : def.vcpu().current();
        if (current < max) {
            throw VmxErrors.unsupported("No support for domain XML entry 'vcpu' attribute 'current'");
        }
        if (max == 0) {
            throw VmxErrors.internal("Expecting domain XML entry 'vcpu' to be greater than 0");
        }
        out.put("numvcpus", max);
        Cpu cpu = def.cpu();
        if (cpu != null) {
            if (cpu.mode() != null && !cpu.mode().equals("custom")) {
                throw VmxErrors.internal("Expecting domain XML CPU mode 'custom' but found '" + cpu.mode() + "'");
            }
            Cpu.Topology t = cpu.topology() == null ? new Cpu.Topology(0, 0, 0, 0, 0) : cpu.topology();
            if (t.threads() != 1) {
                throw VmxErrors.unsupported("Only 1 thread per core is supported");
            }
            if (t.dies() != 1) {
                throw VmxErrors.unsupported("Only 1 die per socket is supported");
            }
            int calculated = t.sockets() * t.cores();
            if (calculated != max) {
                throw VmxErrors.internal("Expecting domain XML CPU sockets per core as " + max + " but found "
                        + calculated);
            }
            out.put("cpuid.coresPerSocket", t.cores());
        }
        String cpuset = def.vcpu() == null ? null : def.vcpu().cpuset();
        if (cpuset != null) {
            BitSet bits = Bitmap.parse(cpuset).bits();
            if (bits.cardinality() < max) {
                throw VmxErrors.internal("Expecting domain XML attribute 'cpuset' of entry 'vcpu' to contain at least "
                        + max + " CPU(s)");
            }
            StringBuilder affinity = new StringBuilder();
            for (int bit = bits.nextSetBit(0); bit >= 0; bit = bits.nextSetBit(bit + 1)) {
                affinity.append(affinity.length() > 0 ? "," : "").append(bit);
            }
            out.put("sched.cpu.affinity", affinity);
        }
        return current;
    }

    /** From virtual hardware 7 on: the PCI(e) bridges SCSI controllers sit behind, and VMCI. */
    private static void pciBridges(boolean scsi, VmxLines out) {
        if (scsi) {
            out.put("pciBridge0.present", "true");
            for (int i = 4; i <= 7; i++) {
                out.put("pciBridge" + i + ".present", "true").put("pciBridge" + i + ".virtualDev", "pcieRootPort")
                        .put("pciBridge" + i + ".functions", "8");
            }
        }
        out.put("vmci0.present", "true");
    }
}
