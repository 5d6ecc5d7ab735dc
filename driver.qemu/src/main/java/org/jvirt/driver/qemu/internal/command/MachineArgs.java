package org.jvirt.driver.qemu.internal.command;

import java.util.List;

import org.jvirt.api.xml.Audio;
import org.jvirt.api.xml.DomainDef;
import org.jvirt.api.xml.Features;
import org.jvirt.api.xml.Iommu;
import org.jvirt.api.xml.Pm;
import org.jvirt.api.xml.Sound;
import org.jvirt.api.xml.Timer;
import org.jvirt.driver.qemu.internal.caps.MachineType;

/**
 * The machine itself: {@code -machine} and its properties, the generation id, the QMP monitor,
 * power management and {@code -run-with}.
 */
final class MachineArgs {
    private final QemuMachine m;
    private final CommandEnv env;

    MachineArgs(QemuMachine m, CommandEnv env) {
        this.m = m;
        this.env = env;
    }

    private static final Features NO_FEATURES = Features.builder().build();

    /** The {@code <features>}, empty when there are none. */
    static Features features(DomainDef def) {
        return def.features() == null ? NO_FEATURES : def.features();
    }

    void machine(Argv a) {
        DomainDef def = m.def();
        StringBuilder b = new StringBuilder(m.machine()).append(",usb=off");
        if (def.devices().ofType(Iommu.class).stream()
                .anyMatch(i -> "intel".equals(i.model()) && "on".equals(i.intremap()))) {
            b.append(",kernel_irqchip=split");
        }
        Features f = features(def);
        if (f.state("ps2") != null) {
            b.append(",i8042=").append(f.state("ps2"));
        }
        if (f.state("vmport") != null) {
            b.append(",vmport=").append(f.state("vmport"));
        }
        if (f.smm() != null) {
            b.append(",smm=").append(f.smm().state());
        }
        String dump = def.memory().dumpCore();
        b.append(",dump-guest-core=").append(dump == null ? "off" : dump);
        MachineType mt = m.caps().machine(m.accel(), m.machine());
        if (mt != null && mt.defaultRamId() != null && MemoryArgs.cells(def).isEmpty()) {
            b.append(",memory-backend=").append(mt.defaultRamId());
        }
        for (Timer t : ClockArgs.timers(def)) {
            if ("hpet".equals(t.name()) && "no".equals(t.present())) {
                b.append(",hpet=off");
            } else if ("hpet".equals(t.name()) && "yes".equals(t.present())) {
                b.append(",hpet=on");
            }
        }
        List<Audio> audios = def.devices().ofType(Audio.class);
        for (Sound snd : def.devices().ofType(Sound.class)) {
            if ("pcspk".equals(snd.model()) && !audios.isEmpty()) {
                Integer id = audios.get(0).id();
                b.append(",pcspk-audiodev=audio").append(id == null ? 1 : id);
            }
        }
        if (mt != null && mt.acpi()) {
            b.append(",acpi=").append(f.has("acpi") ? "on" : "off");
        }
        a.add("-machine", b.toString());
    }

    /** {@code <genid>}: the VM generation id device. */
    void genid(Argv a) {
        if (m.def().genid() != null) {
            a.device(Json.object().put("driver", "vmgenid").put("guid", m.def().genid().toString())
                    .put("id", "vmgenid0"));
        }
    }

    void monitor(Argv a, String domDir) {
        String path = env.monitorPath() != null ? env.monitorPath() : domDir + "/monitor.sock";
        a.add("-chardev", "socket,id=charmonitor," + env.fds().listeningSocket(path) + ",server=on,wait=off");
        a.add("-mon", "chardev=charmonitor,id=monitor,mode=control");
    }

    /** What the guest's reboot and S3/S4 requests do. */
    void power(Argv a) {
        if ("destroy".equals(m.def().onReboot()) && !m.caps().has("set-action")) {
            a.add("-no-reboot");
        }
        a.add("-no-shutdown");
        String pm = m.isQ35() ? "ICH9-LPC" : "PIIX4_PM";
        Pm pmDef = m.def().pm();
        if (pmDef != null) {
            if (pmDef.suspendToMem() != null) {
                a.add("-global", pm + ".disable_s3=" + ("no".equals(pmDef.suspendToMem()) ? "1" : "0"));
            }
            if (pmDef.suspendToDisk() != null) {
                a.add("-global", pm + ".disable_s4=" + ("no".equals(pmDef.suspendToDisk()) ? "1" : "0"));
            }
        }
    }

    /** {@code <features><async-teardown enabled='yes'/>}. */
    void runWith(Argv a) {
        if ("yes".equals(features(m.def()).asyncTeardown())) {
            a.add("-run-with", "async-teardown=on");
        }
    }
}
