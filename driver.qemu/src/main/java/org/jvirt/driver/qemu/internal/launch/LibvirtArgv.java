package org.jvirt.driver.qemu.internal.launch;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.jvirt.api.VirtException;
import org.jvirt.api.xml.Controller;
import org.jvirt.api.xml.Disk;
import org.jvirt.api.xml.DomainDef;
import org.jvirt.api.xml.DomainXmlCodec;
import org.jvirt.api.xml.NetInterface;
import org.jvirt.api.xml.Os;
import org.jvirt.driver.qemu.internal.QemuErrors;
import org.jvirt.driver.qemu.internal.caps.QemuCaps;
import org.jvirt.driver.qemu.internal.command.CommandEnv;
import org.jvirt.driver.qemu.internal.command.DiskHotplugArgs;
import org.jvirt.driver.qemu.internal.command.NetHotplugArgs;
import org.jvirt.driver.qemu.internal.command.PathHandover;
import org.jvirt.driver.qemu.internal.command.QemuCommandBuilder;
import org.jvirt.driver.qemu.internal.command.QemuCommandLine;
import org.jvirt.driver.qemu.internal.command.QemuPostParse;
import org.jvirt.driver.qemu.internal.secret.GuestSecrets;
import org.jvirt.driver.qemu.internal.secret.MasterKey;
import org.jvirt.driver.qemu.internal.secret.SecretCipher;
import org.jvirt.driver.qemu.internal.secret.SecretLookup;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * libvirt's command line for a start: the definition completed for the probed emulator
 * ({@link QemuPostParse}), then {@link QemuCommandBuilder} with real paths: the QMP monitor on
 * the driver's socket, the domain folder {@code <run>/domain-<id>-<name>} with the master key
 * libvirt's {@code masterKey0} secret reads (32 random bytes, mode 0600, as
 * qemuDomainWriteMasterKeyFile), the values of the secrets the guest uses (from {@link SecretLookup})
 * encrypted with that key, and {@code -pidfile}. The key file is written only once the command
 * line is built: a secret that cannot be read fails the start before anything is written.
 */
public final class LibvirtArgv implements ArgvBuilder {
    private static final Logger LOG = LoggerFactory.getLogger(LibvirtArgv.class);

    /** The probed capabilities of an emulator binary. */
    @FunctionalInterface
    public interface CapsSource {
        QemuCaps capsOf(Path emulator) throws VirtException;
    }

    private final CapsSource caps;
    private final DomainXmlCodec codec;
    private final Path runDir;
    private final String defaultMachine;
    private final SecretLookup secrets;
    private final Path kvmDevice;
    private final SecureRandom random = new SecureRandom();

    /**
     * @param defaultMachine the configured machine for domains that name none; empty: the emulator's default
     * @param secrets        where the values of the guests' secrets come from
     */
    public LibvirtArgv(CapsSource caps, DomainXmlCodec codec, Path runDir, String defaultMachine,
                       SecretLookup secrets) {
        this(caps, codec, runDir, defaultMachine, secrets, Path.of("/dev/kvm"));
    }

    /** @param kvmDevice the KVM device a {@code kvm} guest's start needs */
    LibvirtArgv(CapsSource caps, DomainXmlCodec codec, Path runDir, String defaultMachine, SecretLookup secrets,
                Path kvmDevice) {
        this.kvmDevice = kvmDevice;
        this.caps = caps;
        this.codec = codec;
        this.runDir = runDir;
        this.defaultMachine = defaultMachine;
        this.secrets = secrets;
    }

    private CommandEnv env(Path monitor) {
        return CommandEnv.onThisHost(runDir.toString(), runDir.resolve("channel").toString(),
                monitor == null ? null : monitor.toString());
    }

    @Override
    public List<String> build(DomainDef live, Path emulator, Path monitor, Path pidFile) throws VirtException {
        return build(live, emulator, monitor, pidFile, Map.of());
    }

    @Override
    public List<String> build(DomainDef live, Path emulator, Path monitor, Path pidFile, Map<String, Integer> taps)
            throws VirtException {
        return build(live, emulator, monitor, pidFile, taps, Map.of());
    }

    @Override
    public List<String> build(DomainDef live, Path emulator, Path monitor, Path pidFile, Map<String, Integer> taps,
                              Map<String, Integer> sockets) throws VirtException {
        QemuCaps emulatorCaps = caps.capsOf(emulator);
        DomainDef def = complete(live, emulatorCaps);
        byte[] masterKey = MasterKey.create(random);
        SecretCipher cipher = new SecretCipher(masterKey, random);
        CommandEnv env = env(monitor).withSecrets(new GuestSecrets(secrets, cipher)).withFds(new PathHandover(taps, sockets));
        QemuCommandLine cmd;
        try {
            cmd = new QemuCommandBuilder(emulatorCaps, env).build(def);
            MasterKey.write(Path.of(env.domainDir(live.id(), live.name())), masterKey);
        } finally {
            cipher.clear();
            Arrays.fill(masterKey, (byte) 0);
        }
        List<String> argv = new ArrayList<>(cmd.argv());
        argv.set(0, emulator.toString());
        argv.add("-pidfile");
        argv.add(pidFile.toString());
        return argv;
    }

    /**
     * The definition is validated again (libvirt's qemuProcessStartValidate of a new start): the
     * emulator's capabilities may have changed since it was defined, and a definition read back
     * from the state store was not validated when loaded. First, as libvirt, a {@code kvm} guest
     * needs the KVM device (the cached capabilities may predate its removal).
     */
    @Override
    public DomainDef complete(DomainDef live, Path emulator) throws VirtException {
        QemuCaps emulatorCaps = caps.capsOf(emulator);
        if ("kvm".equals(live.type()) && !Files.exists(kvmDevice)) {
            throw QemuErrors.unsupported("Domain requires KVM, but it is not available. Check that virtualization "
                    + "is enabled in the host BIOS, and host configuration is setup to load the kvm modules.");
        }
        return new QemuPostParse(codec).check(withDefaultMachine(live), emulatorCaps).withId(live.id());
    }

    @Override
    public List<String> diskHotplug(DomainDef live, Path emulator, Disk disk, int node, boolean mediumOnly)
            throws VirtException {
        // no secrets: the hot-plug refuses disks that need them before it gets here
        DiskHotplugArgs args = new DiskHotplugArgs(live, caps.capsOf(emulator), env(null));
        return mediumOnly ? args.medium(disk, node) : args.disk(disk, node);
    }

    @Override
    public List<String> controllerHotplug(DomainDef live, Path emulator, Controller c) throws VirtException {
        return new DiskHotplugArgs(live, caps.capsOf(emulator), env(null)).controller(c);
    }

    @Override
    public List<String> netHotplug(DomainDef live, Path emulator, NetInterface net, String tapFd, String vhostFd)
            throws VirtException {
        return new NetHotplugArgs(live, caps.capsOf(emulator), env(null), tapFd, vhostFd).net(net);
    }

    /** At define and create: the checks and post-parse of a start, without keeping the result. */
    @Override
    public void validate(DomainDef def, Path emulator) throws VirtException {
        new QemuPostParse(codec).check(withDefaultMachine(def), caps.capsOf(emulator));
    }

    /**
     * {@link #build}'s definition, {@link #complete}d already: completing it again adds nothing.
     * Post-parse works on the persistent form; the start keeps its id (the domain folder is named by it).
     */
    private DomainDef complete(DomainDef live, QemuCaps emulatorCaps) throws VirtException {
        return new QemuPostParse(codec).apply(withDefaultMachine(live), emulatorCaps).withId(live.id());
    }

    private DomainDef withDefaultMachine(DomainDef def) {
        Os os = def.os();
        if (os == null || os.machine() != null || defaultMachine == null || defaultMachine.isEmpty()) {
            return def;
        }
        return def.withOs(os.withMachine(defaultMachine));
    }

    @Override
    public void cleanup(int id, String name) {
        removeTree(Path.of(env(null).domainDir(id, name)));
        removeTree(new GuestRunDir(runDir).channelDir(id, name));
    }

    private static void removeTree(Path dir) {
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (var paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            LOG.warn("cannot remove {}: {}", dir, e.toString());
        }
    }
}
