package org.jvirt.driver.lxc.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.jvirt.api.VirtException;
import org.jvirt.api.xml.DomainDef;
import org.jvirt.api.xml.Features;

/**
 * The process capabilities of a container's init, as libvirt's {@code lxcContainerDropCapabilities}
 * sets them, written as liblxc's {@code lxc.cap.drop} / {@code lxc.cap.keep} (applied to the
 * effective, permitted, inheritable and bounding sets just before the init is exec'd):
 * <ul>
 * <li>no {@code <capabilities>}, or policy {@code default}: drop {@code sys_module}, {@code sys_time},
 * {@code mknod}, {@code audit_control} and {@code mac_admin} unless set {@code on}, and every
 * capability set {@code off}; {@code sys_boot} stays (the kernel lets {@code reboot()} in a PID
 * namespace end the container, libvirt's {@code keepReboot}), even when set {@code off}, as in libvirt;</li>
 * <li>{@code allow}: drop only what is set {@code off};</li>
 * <li>{@code deny}: drop everything (also capabilities libvirt does not name), keep what is set {@code on}.</li>
 * </ul>
 */
final class ContainerCapabilities {
    /** libvirt's virDomainProcessCapsFeature names, in its order. */
    static final List<String> NAMES = List.of("audit_control", "audit_write", "block_suspend", "chown",
            "dac_override", "dac_read_search", "fowner", "fsetid", "ipc_lock", "ipc_owner", "kill", "lease",
            "linux_immutable", "mac_admin", "mac_override", "mknod", "net_admin", "net_bind_service", "net_broadcast",
            "net_raw", "setgid", "setfcap", "setpcap", "setuid", "sys_admin", "sys_boot", "sys_chroot", "sys_module",
            "sys_nice", "sys_pacct", "sys_ptrace", "sys_rawio", "sys_resource", "sys_time", "sys_tty_config",
            "syslog", "wake_alarm");

    /** What libvirt drops from a container by default. */
    static final List<String> DEFAULT_DROP = List.of("sys_module", "sys_time", "mknod", "audit_control", "mac_admin");

    private ContainerCapabilities() {
    }

    static void write(DomainDef def, ConfigText c) throws VirtException {
        Features.Capabilities caps = capabilities(def);
        String policy = caps == null ? "default" : caps.policy();
        Map<String, String> states = caps == null ? Map.of()
                : caps.states().stream().collect(Collectors.toMap(Features.Capability::name,
                        Features.Capability::state, (a, b) -> b));
        if ("deny".equals(policy)) {
            List<String> keep = NAMES.stream().filter(n -> "on".equals(states.get(n))).toList();
            if (keep.isEmpty()) {
                // an empty keep list means "keep everything" to liblxc: drop every capability by number
                c.set("lxc.cap.drop", allNumbers());
            } else {
                c.set("lxc.cap.keep", String.join(" ", keep));
            }
            return;
        }
        List<String> drop = new ArrayList<>();
        for (String name : NAMES) {
            String state = states.get(name);
            boolean toDrop;
            if ("allow".equals(policy) || "sys_boot".equals(name)) {
                toDrop = "allow".equals(policy) && "off".equals(state);
            } else if (DEFAULT_DROP.contains(name)) {
                toDrop = !"on".equals(state);
            } else {
                toDrop = "off".equals(state);
            }
            if (toDrop) {
                drop.add(name);
            }
        }
        if (!drop.isEmpty()) {
            c.set("lxc.cap.drop", String.join(" ", drop));
        }
    }

    private static Features.Capabilities capabilities(DomainDef def) {
        return def.features() == null ? null : def.features().capabilities();
    }

    /** 0 .. the kernel's last capability ({@code /proc/sys/kernel/cap_last_cap}). */
    private static String allNumbers() throws VirtException {
        int last;
        // read as a line: Files.readString returns only "4" of "40" from this /proc/sys file (JDK 17)
        try (BufferedReader r = Files.newBufferedReader(Path.of("/proc/sys/kernel/cap_last_cap"))) {
            last = Integer.parseInt(String.valueOf(r.readLine()).strip());
        } catch (IOException | NumberFormatException e) {
            throw LxcErrors.internal("cannot read the kernel's last capability: " + e.getMessage(), e);
        }
        StringBuilder b = new StringBuilder();
        for (int i = 0; i <= last; i++) {
            b.append(i == 0 ? "" : " ").append(i);
        }
        return b.toString();
    }
}
