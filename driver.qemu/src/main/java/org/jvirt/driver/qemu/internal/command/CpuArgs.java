package org.jvirt.driver.qemu.internal.command;

import java.util.List;

import org.jvirt.api.VirtException;
import org.jvirt.api.xml.Cpu;
import org.jvirt.api.xml.DomainDef;
import org.jvirt.api.xml.Features;
import org.jvirt.api.xml.Hyperv;
import org.jvirt.api.xml.Timer;
import org.jvirt.driver.qemu.internal.QemuErrors;

/**
 * The guest CPU: {@code -cpu} (model, features, cache, address bits, the paravirtual clock and
 * Hyper-V enlightenments) and {@code -smp} (vCPU counts and topology).
 */
final class CpuArgs {
    private static final List<String> HYPERV_ORDER = List.of("relaxed", "vapic", "spinlocks", "vpindex",
            "runtime", "synic", "stimer", "reset", "vendor_id", "frequencies", "reenlightenment", "tlbflush", "ipi",
            "evmcs", "avic", "emsr_bitmap", "xmm_input");

    private final QemuMachine m;

    CpuArgs(QemuMachine m) {
        this.m = m;
    }

    void cpu(Argv a) throws VirtException {
        DomainDef def = m.def();
        Cpu cpu = def.cpu();
        StringBuilder c = new StringBuilder();
        if (cpu != null) {
            model(c, cpu);
            features(c, cpu);
            cache(c, cpu);
            physBits(c, cpu);
        }
        for (Timer t : ClockArgs.timers(def)) {
            if ("kvmclock".equals(t.name()) && t.present() != null) {
                c.append(",kvmclock=").append("yes".equals(t.present()) ? "on" : "off");
            }
        }
        for (Timer t : ClockArgs.timers(def)) {
            if ("hypervclock".equals(t.name()) && "yes".equals(t.present())) {
                c.append(",hv-time=on");
            }
        }
        Features f = MachineArgs.features(def);
        if (f.apicEoi() != null) {
            c.append(",kvm-pv-eoi=").append(f.apicEoi());
        }
        if (f.state("pvspinlock") != null) {
            c.append(",kvm-pv-unhalt=").append(f.state("pvspinlock"));
        }
        hyperv(c, f.hyperv());
        if (c.length() > 0) {
            a.add("-cpu", c.charAt(0) == ',' ? c.substring(1) : c.toString());
        }
    }

    private static void model(StringBuilder c, Cpu cpu) {
        if ("host-passthrough".equals(cpu.mode()) || "maximum".equals(cpu.mode())) {
            c.append("host-passthrough".equals(cpu.mode()) ? "host" : "max");
            if (cpu.migratable() != null) {
                c.append(",migratable=").append(cpu.migratable());
            }
        } else if (cpu.model() != null) {
            c.append(cpu.model());
        }
    }

    private static void features(StringBuilder c, Cpu cpu) {
        for (Cpu.Feature f : cpu.features()) {
            String p = f.policy() == null ? "require" : f.policy();
            if (p.equals("optional")) {
                continue;
            }
            String qname = switch (f.name()) {
                case "pclmuldq" -> "pclmulqdq";
                case "i64" -> "lm";
                default -> f.name().replace('_', '-');
            };
            c.append(',').append(qname).append(p.equals("disable") || p.equals("forbid") ? "=off" : "=on");
        }
    }

    /** {@code <cpu><cache>}: QEMU's l3-cache and host-cache-info properties. */
    private static void cache(StringBuilder c, Cpu cpu) {
        if (cpu.cache() == null) {
            return;
        }
        boolean host = "host-passthrough".equals(cpu.mode()) || "maximum".equals(cpu.mode());
        switch (cpu.cache().mode()) {
            case "passthrough" -> c.append(",host-cache-info=on,l3-cache=off");
            case "disable" -> c.append(host ? ",host-cache-info=off,l3-cache=off" : ",l3-cache=off");
            case "emulate" -> c.append(host ? ",l3-cache=on,host-cache-info=off" : ",l3-cache=on");
            default -> {
            }
        }
    }

    /** {@code <cpu><maxphysaddr>}: QEMU's phys-bits / host-phys-bits(-limit). */
    private static void physBits(StringBuilder c, Cpu cpu) {
        Cpu.MaxPhysAddr e = cpu.maxPhysAddr();
        if (e == null) {
            return;
        }
        if ("emulate".equals(e.mode())) {
            c.append(e.bits() != null ? ",phys-bits=" + e.bits() : ",host-phys-bits=off");
        } else if ("passthrough".equals(e.mode())) {
            c.append(",host-phys-bits=on");
            if (e.limit() != null) {
                c.append(",host-phys-bits-limit=").append(e.limit());
            }
        }
    }

    /** {@code <features><hyperv>}: the enlightenments as {@code hv-*} properties, in QEMU's order. */
    private static void hyperv(StringBuilder c, Hyperv hyperv) throws VirtException {
        if (hyperv == null) {
            return;
        }
        for (String name : HYPERV_ORDER) {
            Hyperv.Feature e = hyperv.feature(name);
            if (e == null) {
                continue;
            }
            String qname = "hv-" + name.replace('_', '-');
            switch (name) {
                case "spinlocks" -> {
                    if ("on".equals(e.state())) {
                        if (e.retries() == null) {
                            // libvirt's parser requires it; the codec does not check it yet
                            throw QemuErrors.xml("Missing required attribute 'retries' in element 'spinlocks'");
                        }
                        c.append(",hv-spinlocks=0x").append(Integer.toHexString(e.retries()));
                    }
                }
                case "vendor_id" -> {
                    if ("on".equals(e.state())) {
                        c.append(",hv-vendor-id=").append(e.value());
                    }
                }
                default -> {
                    c.append(',').append(qname).append('=').append(e.state());
                    if (e.direct() != null) {
                        c.append(',').append(qname).append("-direct=").append(e.direct());
                    }
                    if (e.extended() != null) {
                        c.append(',').append(qname).append("-ext=").append(e.extended());
                    }
                }
            }
        }
    }

    void smp(Argv a) {
        DomainDef def = m.def();
        int max = def.vcpu().count();
        int current = def.vcpu().current();
        StringBuilder s = new StringBuilder().append(current);
        if (current != max) {
            s.append(",maxcpus=").append(max);
        }
        Cpu.Topology t = def.cpu() == null ? null : def.cpu().topology();
        if (t != null && t.sockets() > 0) {
            s.append(",sockets=").append(t.sockets());
            if (m.caps().has("smp-dies")) {
                s.append(",dies=").append(t.dies());
            }
            if (m.caps().has("smp-clusters")) {
                s.append(",clusters=").append(t.clusters());
            }
            s.append(",cores=").append(t.cores()).append(",threads=").append(t.threads());
        } else {
            s.append(",sockets=").append(max).append(",cores=1,threads=1");
        }
        a.add("-smp", s.toString());
    }
}
