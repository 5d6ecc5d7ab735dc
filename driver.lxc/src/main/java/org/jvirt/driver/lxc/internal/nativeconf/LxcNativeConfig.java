package org.jvirt.driver.lxc.internal.nativeconf;

import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

import org.jvirt.api.VirtException;
import org.jvirt.api.xml.DomainDef;
import org.jvirt.api.xml.DomainXmlCodec;
import org.jvirt.api.xml.GuestDefaults;

/**
 * libvirt's {@code lxcParseConfigString} (lxc_native.c): an LXC container configuration
 * ({@code lxc-tools} format, LXC 3 keys and their pre-3.0 legacy names) read into a domain
 * definition. The reader writes domain XML and the core codec parses it, so the one domain model
 * checks every value.
 */
public final class LxcNativeConfig {
    /** The only native format libvirt's LXC driver converts ({@code LXC_CONFIG_FORMAT}). */
    public static final String FORMAT = "lxc-tools";

    /** virDomainProcessCapsFeature in libvirt's order: the names {@code lxc.cap.drop} can turn off. */
    private static final List<String> CAPS = List.of("audit_control", "audit_write", "block_suspend", "chown",
            "dac_override", "dac_read_search", "fowner", "fsetid", "ipc_lock", "ipc_owner", "kill", "lease",
            "linux_immutable", "mac_admin", "mac_override", "mknod", "net_admin", "net_bind_service",
            "net_broadcast", "net_raw", "setgid", "setfcap", "setpcap", "setuid", "sys_admin", "sys_boot",
            "sys_chroot", "sys_module", "sys_nice", "sys_pacct", "sys_ptrace", "sys_rawio", "sys_resource",
            "sys_time", "sys_tty_config", "syslog", "wake_alarm");

    private final DomainXmlCodec codec;
    private final Supplier<UUID> uuids;
    private final String emulator;

    /**
     * @param uuids    where the new definition's UUID comes from (libvirt generates a random one)
     * @param emulator the {@code <emulator>} libvirt's capabilities fill in, or null for none
     */
    public LxcNativeConfig(DomainXmlCodec codec, Supplier<UUID> uuids, String emulator) {
        this.codec = codec;
        this.uuids = uuids;
        this.emulator = emulator;
    }

    /** lxcConnectDomainXMLFromNative: the format check, then the config as a definition. */
    public DomainDef parse(String format, String config) throws VirtException {
        if (!FORMAT.equals(format)) {
            throw NativeErrors.invalidArg("unsupported config type " + format);
        }
        return codec.parse(toXml(LxcConfText.read(config)), DomainXmlCodec.PARSE_INACTIVE, GuestDefaults.NONE);
    }

    private String toXml(LxcConfText conf) throws VirtException {
        String name = conf.first("lxc.uts.name", "lxc.utsname");
        if (name == null) {
            throw NativeErrors.unknownCause();
        }
        XmlText x = new XmlText();
        x.open("domain", "type", "lxc").text("name", name.isEmpty() ? "unnamed" : name)
                .text("uuid", uuids.get());
        long memory = LxcTuning.memoryKiB(conf);
        x.text("memory", memory, "unit", "KiB").text("currentMemory", memory, "unit", "KiB");
        LxcTuning.blkiotune(conf, x);
        LxcTuning.memtune(conf, x);
        String cpus = conf.first("lxc.cgroup.cpuset.cpus");
        x.text("vcpu", 1, "placement", "static", "cpuset", cpus);
        LxcTuning.cputune(conf, x);
        LxcTuning.numatune(conf, x);
        x.open("os").text("type", "exe", "arch", arch(conf.first("lxc.arch"))).text("init", "/sbin/init")
                .close("os");
        LxcTuning.idmap(conf, x);
        LxcNetworks networks = new LxcNetworks();
        networks.read(conf);
        x.open("features");
        if (networks.privnet()) {
            x.empty("privnet");
        }
        capabilities(conf.first("lxc.cap.drop"), x);
        x.close("features");
        x.text("on_poweroff", "destroy").text("on_reboot", "restart").text("on_crash", "destroy");
        x.open("devices").text("emulator", emulator);
        LxcMounts.write(conf, x);
        networks.writeInterfaces(x);
        consoles(conf.first("lxc.tty.max", "lxc.tty"), x);
        networks.writeHostdevs(x);
        x.close("devices").close("domain");
        return x.toString();
    }

    /** lxc.arch: libvirt's names, plus LXC's {@code x86} and {@code amd64}; unknown names give none. */
    private static String arch(String value) {
        if (value == null) {
            return null;
        }
        return switch (value) {
            case "x86", "i686" -> "i686";
            case "amd64", "x86_64" -> "x86_64";
            case "i386", "i486", "i586", "aarch64", "armv7l", "armv6l", "ppc64", "ppc64le", "s390x", "riscv64",
                    "mips", "mipsel", "mips64", "mips64el", "ppc", "s390", "alpha", "sparc", "sparc64" -> value;
            default -> null;
        };
    }

    /** lxcSetCapDrop: policy allow, each dropped capability libvirt knows turned off. */
    private static void capabilities(String drop, XmlText x) {
        List<String> dropped = drop == null ? List.of() : List.of(drop.split(" ", -1));
        List<String> off = CAPS.stream().filter(dropped::contains).toList();
        if (off.isEmpty()) {
            x.empty("capabilities", "policy", "allow");
            return;
        }
        x.open("capabilities", "policy", "allow");
        for (String cap : off) {
            x.empty(cap, "state", "off");
        }
        x.close("capabilities");
    }

    /** lxcCreateConsoles: {@code lxc.tty.max} (or legacy {@code lxc.tty}) pty consoles. */
    private static void consoles(String ttys, XmlText x) throws VirtException {
        if (ttys == null) {
            return;
        }
        int n;
        try {
            n = Integer.parseInt(ttys);
        } catch (NumberFormatException e) {
            throw NativeErrors.internal("failed to parse int: '" + ttys + "'");
        }
        for (int i = 0; i < n; i++) {
            x.open("console", "type", "pty").empty("target", "type", "lxc", "port", i).close("console");
        }
    }
}
