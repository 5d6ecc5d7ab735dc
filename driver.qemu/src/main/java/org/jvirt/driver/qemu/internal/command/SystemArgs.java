package org.jvirt.driver.qemu.internal.command;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Map;

import org.jvirt.api.VirtException;
import org.jvirt.api.xml.Clock;
import org.jvirt.api.xml.Cpu;
import org.jvirt.api.xml.DomainDef;
import org.jvirt.api.xml.NumaCell;
import org.jvirt.api.xml.NumaTune;
import org.jvirt.api.xml.Pm;
import org.jvirt.api.xml.Timer;
import org.jvirt.api.xml.XmlElement;
import org.jvirt.driver.qemu.internal.QemuErrors;
import org.jvirt.driver.qemu.internal.caps.MachineType;

/** The machine-wide options: -machine, -cpu, -m, -smp, the monitor, -rtc, power and -boot. */
final class SystemArgs {
    private static final List<String> HYPERV_ORDER = List.of("relaxed", "vapic", "spinlocks", "vpindex",
            "runtime", "synic", "stimer", "reset", "vendor_id", "frequencies", "reenlightenment", "tlbflush", "ipi",
            "evmcs", "avic", "emsr_bitmap", "xmm_input");

    private final QemuDomain d;
    private final DomainDef def;
    private final CommandEnv env;

    SystemArgs(QemuDomain d, CommandEnv env) {
        this.d = d;
        this.def = d.def;
        this.env = env;
    }

    void machine(Argv a) throws VirtException {
        StringBuilder m = new StringBuilder(d.machine());
        m.append(",usb=off");
        if (!d.devices("iommu", i -> "intel".equals(i.attr("model")) && i.child("driver") != null
                && "on".equals(i.child("driver").attr("intremap"))).isEmpty()) {
            m.append(",kernel_irqchip=split");
        }
        XmlElement ps2 = feature("ps2");
        if (ps2 != null && ps2.attribute("state") != null) {
            m.append(",i8042=").append(ps2.attribute("state"));
        }
        XmlElement vmport = feature("vmport");
        if (vmport != null && vmport.attribute("state") != null) {
            m.append(",vmport=").append(vmport.attribute("state"));
        }
        XmlElement smm = feature("smm");
        if (smm != null) {
            m.append(",smm=").append(smm.attribute("state") == null ? "on" : smm.attribute("state"));
        }
        String dump = def.memory().dumpCore();
        m.append(",dump-guest-core=").append(dump == null ? "off" : dump);
        MachineType mt = d.caps.machine(d.accel(), d.machine());
        if (mt != null && mt.defaultRamId() != null && numaCells().isEmpty()) {
            m.append(",memory-backend=").append(mt.defaultRamId());
        }
        if (def.clock() != null) {
            for (Timer t : def.clock().timers()) {
                if ("hpet".equals(t.name()) && "no".equals(t.present())) {
                    m.append(",hpet=off");
                } else if ("hpet".equals(t.name()) && "yes".equals(t.present())) {
                    m.append(",hpet=on");
                }
            }
        }
        for (XmlElement snd : soundModels()) {
            if ("pcspk".equals(snd.attribute("model"))) {
                String au = d.devices("audio").isEmpty() ? null : "audio" + d.devices("audio").get(0).attr("id", "1");
                if (au != null) {
                    m.append(",pcspk-audiodev=").append(au);
                }
            }
        }
        if (mt != null && mt.acpi()) {
            m.append(",acpi=").append(feature("acpi") != null ? "on" : "off");
        }
        a.add("-machine", m.toString());
    }

    void cpu(Argv a) {
        Cpu cpu = def.cpu();
        StringBuilder c = new StringBuilder();
        if (cpu != null && ("host-passthrough".equals(cpu.mode()) || "maximum".equals(cpu.mode()))) {
            c.append("host-passthrough".equals(cpu.mode()) ? "host" : "max");
            if (cpu.migratable() != null) {
                c.append(",migratable=").append(cpu.migratable());
            }
        } else if (cpu != null && cpu.model() != null) {
            c.append(cpu.model());
        }
        if (cpu != null) {
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
                c.append(',').append(qname)
                        .append(p.equals("disable") || p.equals("forbid") ? "=off" : "=on");
            }
            cpuCache(c, cpu);
            physBits(c, cpu);
        }
        if (def.clock() != null) {
            for (Timer t : def.clock().timers()) {
                if ("kvmclock".equals(t.name()) && t.present() != null) {
                    c.append(",kvmclock=").append("yes".equals(t.present()) ? "on" : "off");
                }
            }
        }
        if (def.clock() != null) {
            for (Timer t : def.clock().timers()) {
                if ("hypervclock".equals(t.name()) && "yes".equals(t.present())) {
                    c.append(",hv-time=on");
                }
            }
        }
        XmlElement apic = feature("apic");
        if (apic != null && apic.attribute("eoi") != null) {
            c.append(",kvm-pv-eoi=").append(apic.attribute("eoi"));
        }
        XmlElement pvspin = feature("pvspinlock");
        if (pvspin != null) {
            c.append(",kvm-pv-unhalt=").append(pvspin.attribute("state") == null ? "on" : pvspin.attribute("state"));
        }
        XmlElement hyperv = feature("hyperv");
        if (hyperv != null) {
            for (String name : HYPERV_ORDER) {
                XmlElement e = hyperv.child(name);
                if (e == null) {
                    continue;
                }
                String state = e.attribute("state");
                String qname = "hv-" + name.replace('_', '-');
                switch (name) {
                    case "spinlocks" -> {
                        if ("on".equals(state)) {
                            c.append(",hv-spinlocks=0x").append(Integer.toHexString(
                                    Integer.parseInt(e.attribute("retries"))));
                        }
                    }
                    case "vendor_id" -> {
                        if ("on".equals(state)) {
                            c.append(",hv-vendor-id=").append(e.attribute("value"));
                        }
                    }
                    default -> {
                        c.append(',').append(qname).append('=').append(state);
                        for (XmlElement sub : e.children()) {
                            String sq = switch (sub.name()) {
                                case "extended" -> "ext";
                                default -> sub.name();
                            };
                            c.append(',').append(qname).append('-').append(sq).append('=')
                                    .append(sub.attribute("state"));
                        }
                    }
                }
            }
        }
        if (c.length() > 0) {
            a.add("-cpu", c.charAt(0) == ',' ? c.substring(1) : c.toString());
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

    /** {@code <cpu><cache>}: QEMU's l3-cache and host-cache-info properties. */
    private static void cpuCache(StringBuilder c, Cpu cpu) {
        boolean host = "host-passthrough".equals(cpu.mode()) || "maximum".equals(cpu.mode());
        if (cpu.cache() == null) {
            return;
        }
        switch (cpu.cache().mode()) {
            case "passthrough" -> c.append(",host-cache-info=on,l3-cache=off");
            case "disable" -> c.append(host ? ",host-cache-info=off,l3-cache=off" : ",l3-cache=off");
            case "emulate" -> c.append(host ? ",l3-cache=on,host-cache-info=off" : ",l3-cache=on");
            default -> {
            }
        }
    }

    /** Every host node numatune names must exist on this host. */
    void checkHostNodes() throws VirtException {
        NumaTune nt = def.numatune();
        if (nt == null) {
            return;
        }
        BitSet host = env.host().numaNodes();
        List<String> nodesets = new ArrayList<>();
        if (nt.memoryNodeset() != null) {
            nodesets.add(nt.memoryNodeset());
        }
        nt.memnodes().forEach(mn -> nodesets.add(mn.nodeset()));
        for (String ns : nodesets) {
            BitSet want = CpuSets.parse(ns);
            want.andNot(host);
            if (!want.isEmpty()) {
                throw QemuErrors.unsupported("NUMA node " + want.nextSetBit(0) + " is unavailable");
            }
        }
    }

    void memory(Argv a) {
        long kib = alignMiB(def.memory().kib());
        if (!numaCells().isEmpty()) {
            kib = 0;
            for (NumaCell c : numaCells()) {
                kib += alignMiB(c.memoryKib());
            }
        }
        StringBuilder m = new StringBuilder("size=" + kib + "k");
        if (def.maxMemory() != null) {
            if (def.maxMemory().slots() > 0) {
                m.append(",slots=").append(def.maxMemory().slots());
            }
            m.append(",maxmem=").append(alignMiB(def.maxMemory().kib())).append('k');
        }
        a.add("-m", m.toString());
        MachineType mt = d.caps.machine(d.accel(), d.machine());
        if (mt != null && mt.defaultRamId() != null && numaCells().isEmpty()) {
            Json ram = new MemoryBacking(def, env).backend(mt.defaultRamId(), -1, null, kib * 1024);
            NumaTune nt = def.numatune();
            if (nt != null && nt.memoryNodeset() != null && !"auto".equals(nt.memoryPlacement())) {
                String mode = nt.memoryMode();
                if (!mode.equals("restrictive")) {
                    List<Integer> nodes = new ArrayList<>();
                    CpuSets.parse(nt.memoryNodeset()).stream().forEach(nodes::add);
                    ram.put("host-nodes", nodes).put("policy", mode.equals("strict") ? "bind" : mode);
                }
            }
            a.object(ram);
        }
        a.add("-overcommit", "mem-lock=" + (def.memoryBacking() != null && def.memoryBacking().locked() ? "on" : "off"));
    }

    static long alignMiB(long kib) {
        return (kib + 1023) / 1024 * 1024;
    }

    void smp(Argv a) {
        int max = def.vcpu().count();
        int current = def.vcpu().current();
        StringBuilder s = new StringBuilder().append(current);
        if (current != max) {
            s.append(",maxcpus=").append(max);
        }
        Cpu.Topology t = def.cpu() == null ? null : def.cpu().topology();
        if (t != null && t.sockets() > 0) {
            s.append(",sockets=").append(t.sockets());
            if (d.caps.has("smp-dies")) {
                s.append(",dies=").append(t.dies());
            }
            if (d.caps.has("smp-clusters")) {
                s.append(",clusters=").append(t.clusters());
            }
            s.append(",cores=").append(t.cores()).append(",threads=").append(t.threads());
        } else {
            s.append(",sockets=").append(max).append(",cores=1,threads=1");
        }
        a.add("-smp", s.toString());
    }

    /** {@code <genid>}: the VM generation id device. */
    void genid(Argv a) {
        if (def.genid() != null) {
            a.device(Json.object().put("driver", "vmgenid").put("guid", def.genid().toString()).put("id", "vmgenid0"));
        }
    }

    /** {@code <features><async-teardown enabled='yes'/>}. */
    void runWith(Argv a) {
        XmlElement at = feature("async-teardown");
        if (at != null && "yes".equals(at.attribute("enabled"))) {
            a.add("-run-with", "async-teardown=on");
        }
    }

    private List<XmlElement> soundModels() {
        List<XmlElement> out = new ArrayList<>();
        for (XNode s : d.devices("sound")) {
            out.add(s.toXml());
        }
        return out;
    }

    /** The guest NUMA cells ({@code <cpu><numa><cell>}), empty without NUMA. */
    List<NumaCell> numaCells() {
        return def.cpu() == null ? List.of() : def.cpu().numaCells();
    }

    /** One RAM backend and one {@code -numa node} per cell. */
    void numa(Argv a) {
        List<NumaCell> cells = numaCells();
        for (NumaCell c : cells) {
            String id = Integer.toString(c.id());
            long kib = alignMiB(c.memoryKib());
            MachineType mt = d.caps.machine(d.accel(), d.machine());
            if (mt != null && mt.numaMemSupported() && def.memoryBacking() == null && numatune(id) == null
                    && c.memAccess() == null) {
                // old machine types still take the node size directly (-numa mem=, in MiB)
                StringBuilder n = new StringBuilder("node,nodeid=").append(id);
                if (c.cpus() != null) {
                    for (String r : CpuSets.ranges(CpuSets.parse(c.cpus()))) {
                        n.append(",cpus=").append(r);
                    }
                }
                a.add("-numa", n.append(",mem=").append(kib / 1024).toString());
                continue;
            }
            Json backend = new MemoryBacking(def, env).backend("ram-node" + id, Integer.parseInt(id),
                    c.memAccess(), kib * 1024);
            NumaTune.MemNode tune = numatune(id);
            boolean threadContext = false;
            if (tune != null && tune.nodeset() != null) {
                List<Integer> nodes = new ArrayList<>();
                CpuSets.parse(tune.nodeset()).stream().forEach(nodes::add);
                String mode = tune.mode();
                if (!mode.equals("restrictive")) {
                    backend.put("host-nodes", nodes).put("policy", switch (mode) {
                        case "preferred" -> "preferred";
                        case "interleave" -> "interleave";
                        default -> "bind";
                    });
                    // preallocation threads run on the target host nodes (QEMU's thread-context)
                    if (d.caps.has("thread-context") && new MemoryBacking(def, env).prealloc(Integer.parseInt(id))) {
                        a.object(Json.object().put("qom-type", "thread-context").put("id", "tc-ram-node" + id)
                                .put("node-affinity", nodes));
                        backend.put("prealloc-context", "tc-ram-node" + id);
                    }
                }
            }
            a.object(backend);
            StringBuilder n = new StringBuilder("node,nodeid=").append(id);
            if (c.cpus() != null) {
                for (String r : CpuSets.ranges(CpuSets.parse(c.cpus()))) {
                    n.append(",cpus=").append(r);
                }
            }
            n.append(",memdev=ram-node").append(id);
            a.add("-numa", n.toString());
        }
    }

    /** The numatune entry for cell {@code id}: its memnode, else the domain-wide memory. */
    private NumaTune.MemNode numatune(String id) {
        NumaTune nt = def.numatune();
        if (nt == null) {
            return null;
        }
        for (NumaTune.MemNode mn : nt.memnodes()) {
            if (id.equals(Integer.toString(mn.cellId()))) {
                return mn;
            }
        }
        return nt.memoryMode() != null && !"auto".equals(nt.memoryPlacement())
                ? new NumaTune.MemNode(-1, nt.memoryMode(), nt.memoryNodeset()) : null;
    }

    void monitor(Argv a, String domDir) {
        String path = env.monitorPath() != null ? env.monitorPath() : domDir + "/monitor.sock";
        a.add("-chardev", "socket,id=charmonitor," + env.fds().listeningSocket(path) + ",server=on,wait=off");
        a.add("-mon", "chardev=charmonitor,id=monitor,mode=control");
    }

    void clock(Argv a, Map<String, String> vars) {
        Clock clock = def.clock() == null ? Clock.utc() : def.clock();
        if ("timezone".equals(clock.offset()) && clock.timezone() != null) {
            vars.put("TZ", clock.timezone());
        }
        StringBuilder rtc = new StringBuilder("base=");
        switch (clock.offset()) {
            case "localtime", "timezone" -> rtc.append("localtime");
            case "variable", "absolute" -> {
                long adj = 0;
                if (clock.adjustment() != null && !clock.adjustment().equals("reset")) {
                    adj = Long.parseLong(clock.adjustment());
                }
                long now = env.host().epochSeconds();
                long t = "absolute".equals(clock.offset()) && clock.start() != null ? clock.start()
                        : now + adj + ("localtime".equals(clock.basis()) ? env.host().utcOffsetSeconds(now) : 0);
                rtc.append(DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss")
                        .format(Instant.ofEpochSecond(t).atOffset(ZoneOffset.UTC)));
            }
            default -> rtc.append("utc");
        }
        String pitPolicy = null;
        for (Timer t : clock.timers()) {
            String name = t.name();
            if ("rtc".equals(name)) {
                if ("host".equals(t.track())) {
                    rtc.append(",clock=host");
                } else if ("guest".equals(t.track())) {
                    rtc.append(",clock=vm");
                } else if ("realtime".equals(t.track())) {
                    rtc.append(",clock=rt");
                }
                if ("catchup".equals(t.tickpolicy())) {
                    rtc.append(",driftfix=slew");
                }
            } else if ("pit".equals(name)) {
                pitPolicy = t.tickpolicy();
            }
        }
        a.add("-rtc", rtc.toString());
        if ("delay".equals(pitPolicy)) {
            a.add("-global", "kvm-pit.lost_tick_policy=delay");
        } else if ("discard".equals(pitPolicy)) {
            a.add("-global", "kvm-pit.lost_tick_policy=discard");
        }
    }

    void power(Argv a) {
        if ("destroy".equals(def.onReboot()) && !d.caps.has("set-action")) {
            a.add("-no-reboot");
        }
        a.add("-no-shutdown");
        String pm = d.isQ35() ? "ICH9-LPC" : "PIIX4_PM";
        Pm pmDef = def.pm();
        if (pmDef != null) {
            if (pmDef.suspendToMem() != null) {
                a.add("-global", pm + ".disable_s3=" + ("no".equals(pmDef.suspendToMem()) ? "1" : "0"));
            }
            if (pmDef.suspendToDisk() != null) {
                a.add("-global", pm + ".disable_s4=" + ("no".equals(pmDef.suspendToDisk()) ? "1" : "0"));
            }
        }
    }

    void boot(Argv a) {
        StringBuilder b = new StringBuilder();
        if (def.os().bootMenu() != null) {
            boolean on = "yes".equals(def.os().bootMenu().enable());
            b.append("menu=").append(on ? "on" : "off");
            if (on && def.os().bootMenu().timeout() != null) {
                b.append(",splash-time=").append(def.os().bootMenu().timeout());
            }
            b.append(',');
        }
        for (XmlElement e : def.os().other().children()) {
            if (e.name().equals("bios") && e.attribute("rebootTimeout") != null) {
                b.append("reboot-timeout=").append(e.attribute("rebootTimeout")).append(',');
            }
        }
        b.append("strict=on");
        a.add("-boot", b.toString());
        for (XmlElement e : def.os().other().children()) {
            if (e.name().equals("acpi")) {
                for (XmlElement t : e.children("table")) {
                    String type = t.attribute("type");
                    a.add("-acpitable", ("slic".equals(type) ? "sig=SLIC," : "") + "file=" + Argv.commas(t.text()));
                }
            }
        }
        if (def.os().kernel() != null) {
            a.add("-kernel", def.os().kernel());
        }
        if (def.os().initrd() != null) {
            a.add("-initrd", def.os().initrd());
        }
        if (def.os().cmdline() != null) {
            a.add("-append", def.os().cmdline());
        }
    }

    private XmlElement feature(String name) {
        return def.features() == null ? null : def.features().get(name);
    }
}
