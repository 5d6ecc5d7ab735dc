package org.jvirt.driver.qemu.internal.command;

import java.util.LinkedHashMap;
import java.util.Map;

import org.jvirt.api.VirtException;
import org.jvirt.api.xml.DomainDef;
import org.jvirt.driver.qemu.internal.caps.QemuCaps;

/**
 * Domain definition (after {@link QemuPostParse}) + capabilities → QEMU command line, in the
 * order of libvirt's qemuBuildCommandLine. The machine-wide options are built here; each kind of
 * device by a class of its own ({@link DiskArgs}, {@link NetArgs}, {@link CharArgs}, ...).
 */
public final class QemuCommandBuilder {
    private final QemuCaps caps;
    private final CommandEnv env;

    public QemuCommandBuilder(QemuCaps caps, CommandEnv env) {
        this.caps = caps;
        this.env = env;
    }

    public QemuCommandLine build(DomainDef def) throws VirtException {
        // libvirt assigns USB ports when it builds the command line, on this copy only
        DomainDef withPorts = OtherAddresses.usb(def);
        QemuMachine m = new QemuMachine(withPorts, caps);
        String domDir = env.domainDir(def.id(), def.name());
        Map<String, String> vars = new LinkedHashMap<>();
        vars.put("LC_ALL", "C");
        putIfSet(vars, "PATH", env.baseEnv().get("PATH"));
        vars.put("HOME", domDir);
        putIfSet(vars, "USER", env.baseEnv().get("USER"));
        putIfSet(vars, "LOGNAME", env.baseEnv().get("LOGNAME"));
        vars.put("XDG_DATA_HOME", domDir + "/.local/share");
        vars.put("XDG_CACHE_HOME", domDir + "/.cache");
        vars.put("XDG_CONFIG_HOME", domDir + "/.config");

        Argv a = new Argv();
        String emulator = def.devices().emulator() != null ? def.devices().emulator() : caps.key().binaryPath();
        a.add(emulator);
        a.add("-name", "guest=" + Argv.commas(def.name()) + ",debug-threads=on");
        a.add("-S");
        a.object(Json.object().put("qom-type", "secret").put("id", "masterKey0").put("format", "raw")
                .put("file", domDir + "/master-key.aes"));
        MemoryArgs memory = new MemoryArgs(m, new MemoryBackendObjects(m.def(), env), env);
        MachineArgs machine = new MachineArgs(m, env);
        CpuArgs cpu = new CpuArgs(m);
        memory.checkHostNodes();
        machine.machine(a);
        a.add("-accel", "kvm".equals(m.def().type()) ? "kvm" : "tcg");
        cpu.cpu(a);
        memory.memory(a);
        cpu.smp(a);
        IoThreads.objects(m.def(), a);
        memory.numa(a);
        if (m.def().uuid() != null) {
            a.add("-uuid", m.def().uuid().toString());
        }
        machine.genid(a);
        GraphicsArgs graphics = new GraphicsArgs(m, env, vars);
        graphics.display(a);
        a.add("-no-user-config", "-nodefaults");
        machine.monitor(a, domDir);
        new ClockArgs(m, env).clock(a, vars);
        machine.power(a);
        new BootArgs(m).boot(a);
        PlatformDeviceArgs platform = new PlatformDeviceArgs(m);
        platform.iommu(a);
        new ControllerArgs(m).controllers(a);
        platform.hubs(a);
        new DiskArgs(m, env).disks(a);
        new FilesystemArgs(m).filesystems(a);
        BootIndex boot = new BootIndex(m.def());
        new NetArgs(m, env, boot).interfaces(a);
        CharArgs chr = new CharArgs(m, env);
        new SmartcardArgs(m, chr).smartcards(a);
        chr.serials(a);
        chr.parallels(a);
        chr.channels(a);
        chr.consoles(a);
        new InputArgs(m).inputs(a);
        new AudioArgs(m, env, vars).audiodevs(a);
        graphics.graphics(a);
        new VideoArgs(m).videos(a);
        new SoundArgs(m).sounds(a);
        platform.watchdogs(a);
        new HostdevArgs(m, boot).hostdevs(a);
        BalloonRngArgs balloonRng = new BalloonRngArgs(m, chr);
        balloonRng.memballoon(a);
        balloonRng.rngs(a);
        platform.panic(a);
        QemuNamespace.apply(m.def(), a, vars);
        a.add("-sandbox", "on,obsolete=deny,elevateprivileges=deny,spawn=deny,resourcecontrol=deny");
        machine.runWith(a);
        a.add("-msg", "timestamp=on");
        return new QemuCommandLine(vars, a.args);
    }

    private static void putIfSet(Map<String, String> m, String k, String v) {
        if (v != null) {
            m.put(k, v);
        }
    }
}
