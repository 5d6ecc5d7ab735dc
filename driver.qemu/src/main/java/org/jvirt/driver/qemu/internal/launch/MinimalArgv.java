package org.jvirt.driver.qemu.internal.launch;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.jvirt.api.VirtException;
import org.jvirt.api.xml.Cpu;
import org.jvirt.api.xml.DomainDef;
import org.jvirt.driver.qemu.internal.Errors;

/**
 * A small QEMU command line built from the domain definition, in libvirt's order and spelling:
 * machine, accelerator, memory, vCPU topology, UUID, no display, no defaults, the QMP monitor on
 * a UNIX socket, {@code -no-shutdown} and a pid file. Devices are not translated; the full
 * libvirt command line is the {@code internal.command} builder's job.
 */
public final class MinimalArgv {
    private MinimalArgv() {
    }

    public static List<String> build(DomainDef def, Path emulator, String defaultMachine, Path monitor, Path pidFile)
            throws VirtException {
        List<String> a = new ArrayList<>();
        a.add(emulator.toString());
        a.add("-name");
        a.add("guest=" + def.name().replace(",", ",,") + ",debug-threads=on");
        a.add("-S");
        String machine = def.os() != null && def.os().machine() != null ? def.os().machine() : defaultMachine;
        a.add("-machine");
        a.add(machine + ",usb=off");
        a.add("-accel");
        a.add(accel(def.type()));
        a.add("-m");
        a.add("size=" + def.memory().kib() + "k");
        a.add("-smp");
        a.add(smp(def));
        if (def.uuid() != null) {
            a.add("-uuid");
            a.add(def.uuid().toString());
        }
        a.add("-display");
        a.add("none");
        a.add("-no-user-config");
        a.add("-nodefaults");
        a.add("-chardev");
        a.add("socket,id=charmonitor,path=" + monitor.toString().replace(",", ",,") + ",server=on,wait=off");
        a.add("-mon");
        a.add("chardev=charmonitor,id=monitor,mode=control");
        a.add("-rtc");
        a.add("base=utc");
        a.add("-no-shutdown");
        a.add("-boot");
        a.add("strict=on");
        a.add("-pidfile");
        a.add(pidFile.toString());
        return a;
    }

    private static String accel(String type) throws VirtException {
        if ("kvm".equals(type)) {
            return "kvm";
        }
        if ("qemu".equals(type)) {
            return "tcg";
        }
        throw Errors.unsupportedConfig("emulator does not support virt type '" + type + "'");
    }

    /** {@code -smp current,maxcpus=N,sockets=S,dies=D,cores=C,threads=T} as libvirt writes it. */
    private static String smp(DomainDef def) throws VirtException {
        int max = def.vcpu().count();
        int current = def.vcpu().current();
        Cpu.Topology t = def.cpu() == null ? null : def.cpu().topology();
        int sockets = t == null ? max : t.sockets();
        int dies = t == null ? 1 : t.dies();
        int cores = t == null ? 1 : t.cores();
        int threads = t == null ? 1 : t.threads();
        int clusters = t == null ? 1 : t.clusters();
        if (sockets * dies * clusters * cores * threads != max) {
            throw Errors.unsupportedConfig("CPU topology doesn't match maximum vcpu count");
        }
        return current + ",maxcpus=" + max + ",sockets=" + sockets + ",dies=" + dies + ",cores=" + cores
                + ",threads=" + threads;
    }
}
