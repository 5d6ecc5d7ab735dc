package org.jvirt.driver.qemu.internal.command;

import java.util.LinkedHashMap;
import java.util.Map;

import org.jvirt.driver.qemu.internal.secret.GuestSecrets;

/**
 * Everything a command line depends on besides the definition and the capabilities: where the
 * domain's runtime files live, the environment QEMU inherits, the host it runs on and how it gets
 * its sockets and files. {@link #onThisHost} is the one production environment; libvirt's test
 * harness builds its own from fakes of {@link CommandHost} and {@link FdHandover}.
 *
 * @param libDir      libvirt's per-driver state ({@code /var/lib/libvirt/qemu}); the domain
 *                    directory {@code domain-<id>-<name>} lives under it
 * @param channelDir  the directory of automatic channel sockets
 * @param monitorPath the QMP socket path, or null to put it in the domain directory
 * @param baseEnv     PATH, USER, LOGNAME and other variables passed through
 * @param host        the host's NUMA nodes, hugepages, devices, clock and free ports
 * @param fds         how QEMU gets the sockets, files and taps of its command line
 * @param secrets     the values of the secrets the guest uses, encrypted with its master key
 */
public record CommandEnv(String libDir, String channelDir, String monitorPath, Map<String, String> baseEnv,
                         CommandHost host, FdHandover fds, GuestSecrets secrets) {
    /** libvirt's VIR_DOMAIN_SHORT_NAME_MAX. */
    private static final int SHORT_NAME_MAX = 20;

    /**
     * This host, rooted at {@code libDir}, with PATH, USER and LOGNAME of this process; no secret
     * can be read until {@link #withSecrets} gives the guest's.
     */
    public static CommandEnv onThisHost(String libDir, String channelDir, String monitorPath) {
        Map<String, String> env = new LinkedHashMap<>();
        for (String k : new String[] {"PATH", "USER", "LOGNAME"}) {
            String v = System.getenv(k);
            if (v != null) {
                env.put(k, v);
            }
        }
        return new CommandEnv(libDir, channelDir, monitorPath, env, new LinuxCommandHost(), new PathHandover(),
                GuestSecrets.unavailable());
    }

    /** A copy with one more inherited environment variable (libvirt passes some through, e.g. PipeWire's). */
    public CommandEnv withInherited(String name, String value) {
        Map<String, String> env = new LinkedHashMap<>(baseEnv);
        env.put(name, value);
        return new CommandEnv(libDir, channelDir, monitorPath, env, host, fds, secrets);
    }

    /** A copy whose QEMU gets its sockets, files and taps through {@code handover}. */
    public CommandEnv withFds(FdHandover handover) {
        return new CommandEnv(libDir, channelDir, monitorPath, baseEnv, host, handover, secrets);
    }

    /** A copy that reads and encrypts secret values with {@code guestSecrets}. */
    public CommandEnv withSecrets(GuestSecrets guestSecrets) {
        return new CommandEnv(libDir, channelDir, monitorPath, baseEnv, host, fds, guestSecrets);
    }

    /** Where file-backed guest RAM lives ({@code memory_backing_dir}). */
    public String memoryDir() {
        return libDir + "/ram";
    }

    /** {@code domain-<id>-<name>}, the name cut to 20 characters (virDomainDefGetShortName). */
    public String domainDir(int id, String name) {
        return libDir + "/domain-" + shortName(id, name);
    }

    /**
     * libvirt's virDomainDefGetShortName: {@code <id>-<name>} with the name cut to its first 20
     * characters; characters, not bytes or UTF-16 units (libvirt cuts wide characters), so a
     * multi-byte name is never split inside a character.
     */
    public static String shortName(int id, String name) {
        int end = name.codePointCount(0, name.length()) > SHORT_NAME_MAX
                ? name.offsetByCodePoints(0, SHORT_NAME_MAX) : name.length();
        return id + "-" + name.substring(0, end);
    }
}
