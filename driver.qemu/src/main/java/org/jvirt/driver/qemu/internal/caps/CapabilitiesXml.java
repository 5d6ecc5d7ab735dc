package org.jvirt.driver.qemu.internal.caps;

import java.util.List;

/**
 * The {@code virsh capabilities} document (libvirt's virCapabilitiesFormatXML) for a QEMU host:
 * the host CPU, memory and topology, and one {@code <guest>} per emulator with its machine types
 * (aliases as {@code canonical=}) and domain types.
 */
public final class CapabilitiesXml {
    private CapabilitiesXml() {
    }

    /** The no-op security model {@code none}, as libvirt's unprivileged daemon reports it. */
    public static final String SECMODEL_NONE = "    <secmodel>\n      <model>none</model>\n      <doi>0</doi>\n"
            + "    </secmodel>\n";

    public static String format(HostInfo host, List<QemuCaps> emulators) {
        return format(host, emulators, SECMODEL_NONE);
    }

    /** @param secmodel the {@code <secmodel>} elements of the host's security drivers, indented */
    public static String format(HostInfo host, List<QemuCaps> emulators, String secmodel) {
        StringBuilder x = new StringBuilder("<capabilities>\n\n  <host>\n");
        if (host.uuid() != null) {
            x.append("    <uuid>").append(host.uuid()).append("</uuid>\n");
        }
        x.append("    <cpu>\n      <arch>").append(host.arch()).append("</arch>\n");
        if (host.vendor() != null) {
            x.append("      <vendor>").append(esc(host.vendor())).append("</vendor>\n");
        }
        x.append("      <topology sockets='").append(host.sockets()).append("' dies='1' clusters='1' cores='")
                .append(host.cores()).append("' threads='").append(host.threads()).append("'/>\n");
        for (long p : host.pageSizes()) {
            x.append("      <pages unit='KiB' size='").append(p).append("'/>\n");
        }
        x.append("    </cpu>\n");
        x.append("    <power_management/>\n");
        x.append("    <iommu support='no'/>\n");
        x.append("    <migration_features>\n      <live/>\n      <uri_transports>\n")
                .append("        <uri_transport>tcp</uri_transport>\n        <uri_transport>rdma</uri_transport>\n")
                .append("      </uri_transports>\n    </migration_features>\n");
        x.append("    <topology>\n      <cells num='1'>\n        <cell id='0'>\n")
                .append("          <memory unit='KiB'>").append(host.memoryKib()).append("</memory>\n")
                .append("          <distances>\n            <sibling id='0' value='10'/>\n          </distances>\n")
                .append("          <cpus num='").append(host.cpus()).append("'>\n");
        int perCore = host.threads();
        int perSocket = host.cores() * perCore;
        for (int i = 0; i < host.cpus(); i++) {
            x.append("            <cpu id='").append(i).append("' socket_id='").append(i / Math.max(1, perSocket))
                    .append("' die_id='0' cluster_id='0' core_id='").append((i % Math.max(1, perSocket)) / perCore)
                    .append("' siblings='").append(i).append("'/>\n");
        }
        x.append("          </cpus>\n        </cell>\n      </cells>\n    </topology>\n");
        x.append(secmodel);
        x.append("  </host>\n\n");
        for (QemuCaps caps : emulators) {
            guest(x, caps);
        }
        x.append("</capabilities>\n");
        return x.toString();
    }

    private static void guest(StringBuilder x, QemuCaps caps) {
        x.append("  <guest>\n    <os_type>hvm</os_type>\n    <arch name='").append(caps.arch()).append("'>\n");
        x.append("      <wordsize>").append(wordSize(caps.arch())).append("</wordsize>\n");
        x.append("      <emulator>").append(esc(caps.key().binaryPath())).append("</emulator>\n");
        // virQEMUCapsGetMachineTypesCaps: the machines of the first probe, KVM's when it ran under KVM
        for (MachineType m : caps.machines(caps.has("kvm") ? Accel.KVM : Accel.TCG)) {
            x.append("      <machine maxCpus='").append(m.maxCpus()).append(m.deprecated() ? "' deprecated='yes'>" : "'>")
                    .append(esc(m.name())).append("</machine>\n");
            if (m.alias() != null) {
                x.append("      <machine canonical='").append(esc(m.name())).append("' maxCpus='").append(m.maxCpus())
                        .append(m.deprecated() ? "' deprecated='yes'>" : "'>").append(esc(m.alias()))
                        .append("</machine>\n");
            }
        }
        x.append("      <domain type='qemu'/>\n");
        if (caps.has("kvm")) {
            x.append("      <domain type='kvm'/>\n");
        }
        x.append("    </arch>\n    <features>\n");
        if (caps.arch().equals("i686")) {
            x.append("      <pae/>\n      <nonpae/>\n");
        }
        if (caps.arch().equals("x86_64") || caps.arch().equals("i686")) {
            x.append("      <acpi default='on' toggle='yes'/>\n      <apic default='on' toggle='no'/>\n");
        }
        x.append("      <cpuselection/>\n      <deviceboot/>\n      <disksnapshot default='on' toggle='no'/>\n");
        x.append("    </features>\n  </guest>\n\n");
    }

    private static int wordSize(String arch) {
        return switch (arch) {
            case "i686", "armv7l", "ppc", "s390" -> 32;
            default -> 64;
        };
    }

    private static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("'", "&apos;");
    }
}
