package org.jvirt.driver.esx.vmx;

import java.util.BitSet;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.jvirt.api.VirtException;
import org.jvirt.api.xml.Bitmap;
import org.jvirt.api.xml.Cpu;
import org.jvirt.api.xml.CpuTune;
import org.jvirt.api.xml.DomainDefBuilder;
import org.jvirt.api.xml.MemTune;
import org.jvirt.api.xml.Memory;
import org.jvirt.api.xml.Os;
import org.jvirt.api.xml.OsBuilder;
import org.jvirt.api.xml.Vcpu;

/**
 * The machine-wide part of virVMXParseConfig: versions, identity, memory, vCPUs, CPU topology and
 * affinity, CPU shares, the guest architecture, SMBIOS and the firmware.
 */
final class GeneralReader {
    private final VmxConfig conf;

    GeneralReader(VmxConfig conf) {
        this.conf = conf;
    }

    /** Checks {@code config.version} and answers {@code virtualHW.version}. */
    long versions() throws VirtException {
        long config = conf.number("config.version", 0, false);
        if (config != 8) {
            throw VmxErrors.internal("Expecting VMX entry 'config.version' to be 8 but found " + config);
        }
        long hw = conf.number("virtualHW.version", 0, false);
        if (hw < 4) {
            throw VmxErrors.internal("Expecting VMX entry 'virtualHW.version' to be 4 or higher but found " + hw);
        }
        return hw;
    }

    void identity(DomainDefBuilder def) throws VirtException {
        // a VMX file without uuid.bios gives the all-zero UUID, as libvirt's def has
        UUID uuid = conf.uuid("uuid.bios");
        def.uuid(uuid == null ? new UUID(0, 0) : uuid);
        String name = conf.string("displayName");
        if (name != null) {
            String percent = VmxEscape.unescape(name, VmxEscape.PERCENT);
            name = percent == null ? null : VmxEscape.unescape(percent, VmxEscape.PIPE);
            if (name == null) {
                throw VmxErrors.internal("VMX entry 'name' contains invalid escape sequence");
            }
        }
        def.name(name);
        genid(def);
        String annotation = conf.string("annotation");
        if (annotation != null) {
            String description = VmxEscape.unescape(annotation, VmxEscape.PIPE);
            if (description == null) {
                throw VmxErrors.internal("VMX entry 'annotation' contains invalid escape sequence");
            }
            def.description(description);
        }
    }

    /** virVMXParseGenID: two 64-bit halves, written as one UUID. */
    private void genid(DomainDefBuilder def) throws VirtException {
        long hi = conf.number("vm.genid", 0);
        long lo = conf.number("vm.genidX", 0);
        if (hi != 0 || lo != 0) {
            def.genid(new UUID(hi, lo));
        }
    }

    void memory(DomainDefBuilder def) throws VirtException {
        long memsize = conf.number("memsize", 32);
        if (memsize <= 0 || memsize % 4 != 0 || memsize > Long.MAX_VALUE / 1024) {
            throw VmxErrors.internal("Expecting VMX entry 'memsize' to be an unsigned integer (multiple of 4) but found "
                    + memsize);
        }
        long total = memsize * 1024;
        long max = conf.number("sched.mem.max", memsize);
        if (max < 0 || max > memsize) {
            max = memsize;
        }
        long minsize = Math.min(Math.max(0, conf.number("sched.mem.minsize", 0)), memsize);
        def.memory(new Memory(total)).currentMemory(new Memory(max * 1024));
        long guarantee = minsize * 1024;
        if (guarantee > 0) {
            def.memtune(MemTune.builder().minGuarantee(guarantee).build());
        }
    }

    /** numvcpus, cpuid.coresPerSocket, sched.cpu.affinity and sched.cpu.shares; answers the vCPU count. */
    int vcpus(DomainDefBuilder def) throws VirtException {
        long numvcpus = conf.number("numvcpus", 1);
        // libvirt holds the count in an unsigned int; a larger one cannot be a vCPU count
        if (numvcpus <= 0 || numvcpus > Integer.MAX_VALUE) {
            throw VmxErrors.internal("Expecting VMX entry 'numvcpus' to be an unsigned integer greater than 0 but found "
                    + numvcpus);
        }
        int vcpus = (int) numvcpus;
        long coresPerSocket = conf.number("cpuid.coresPerSocket", 1);
        if (coresPerSocket > 1) {
            long sockets = numvcpus / coresPerSocket;
            if (sockets <= 0) {
                throw VmxErrors.internal("VMX entry 'cpuid.coresPerSocket' smaller than 'numvcpus'");
            }
            def.cpu(Cpu.builder().topology(new Cpu.Topology((int) sockets, 1, 1, (int) coresPerSocket, 1)).build());
        }
        def.vcpu(new Vcpu(vcpus, vcpus, "static", affinity(numvcpus)));
        shares(def, vcpus);
        return vcpus;
    }

    private String affinity(long numvcpus) throws VirtException {
        String affinity = conf.string("sched.cpu.affinity");
        if (affinity == null || affinity.equalsIgnoreCase("all")) {
            return null;
        }
        // g_strsplit: an empty value has no items at all
        String[] list = affinity.isEmpty() ? new String[0] : affinity.split(",", -1);
        if (list.length < numvcpus) {
            throw VmxErrors.internal("Expecting VMX entry 'sched.cpu.affinity' to contain at least as many values as "
                    + "'numvcpus' (" + numvcpus + ") but found only " + list.length + " value(s)");
        }
        BitSet bits = new BitSet();
        for (String item : list) {
            Long n = Numbers.parseUnsigned(item.strip());
            if (n == null || n < 0 || n > 0xffffffffL || item.strip().startsWith("-")) {
                throw VmxErrors.internal("Expecting VMX entry 'sched.cpu.affinity' to be a comma separated list of "
                        + "unsigned integers but found '" + affinity + "'");
            }
            if (n >= Bitmap.MAX_BITS) {
                throw VmxErrors.internal("VMX entry 'sched.cpu.affinity' contains a " + n + ", this value is too large");
            }
            bits.set(n.intValue());
        }
        return Bitmap.format(bits);
    }

    /** VMware's share levels are per vCPU (vim.SharesInfo.Level). */
    private void shares(DomainDefBuilder def, int vcpus) throws VirtException {
        String shares = conf.string("sched.cpu.shares");
        if (shares == null) {
            return;
        }
        long value = switch (shares.toLowerCase(Locale.ROOT)) {
            case "low" -> vcpus * 500L;
            case "normal" -> vcpus * 1000L;
            case "high" -> vcpus * 2000L;
            default -> {
                Long n = Numbers.parseUnsigned(shares);
                if (n == null) {
                    throw VmxErrors.internal("Expecting VMX entry 'sched.cpu.shares' to be an unsigned integer or "
                            + "'low', 'normal' or 'high' but found '" + shares + "'");
                }
                yield n;
            }
        };
        def.cputune(CpuTune.builder().shares(value).build());
    }

    /** The guest architecture from guestOS ({@code -64} means x86_64), SMBIOS, firmware and Secure Boot. */
    Os os() throws VirtException {
        String guestOs = conf.string("guestOS");
        OsBuilder os = Os.builder().type("hvm").arch(guestOs != null && guestOs.endsWith("-64") ? "x86_64" : "i686")
                .bootDevices(List.of());
        if (conf.bool("smbios.reflecthost", false)) {
            os.smbiosMode("host");
        }
        boolean secureBoot = conf.bool("uefi.secureBoot.enabled", false);
        String firmware = conf.string("firmware");
        if (firmware != null) {
            if (!firmware.equals("efi")) {
                throw VmxErrors.internal("VMX entry 'firmware' has unknown value '" + firmware + "'");
            }
            os.firmware("efi");
            if (secureBoot) {
                os.firmwareFeatures(List.of(new Os.FirmwareFeature("yes", "enrolled-keys"),
                        new Os.FirmwareFeature("yes", "secure-boot")));
            }
        }
        return os.build();
    }
}
