package org.jvirt.driver.qemu.internal;

import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.NodeInfo;
import org.jvirt.api.VirtException;
import org.jvirt.api.xml.DomainDef;
import org.jvirt.api.xml.DomainXmlCodec;
import org.jvirt.driver.qemu.internal.caps.CapabilitiesXml;
import org.jvirt.driver.qemu.internal.caps.HostInfo;
import org.jvirt.driver.qemu.internal.caps.QemuCaps;
import org.jvirt.driver.qemu.internal.caps.QemuCapsCache;
import org.jvirt.driver.qemu.internal.command.CommandEnv;
import org.jvirt.driver.qemu.internal.command.DomainXmlToNative;
import org.jvirt.driver.qemu.internal.host.KvmMaxVcpus;
import org.jvirt.driver.qemu.internal.host.HostNodeInfoReader;
import org.jvirt.driver.qemu.internal.launch.Emulators;
import org.jvirt.driver.qemu.internal.secret.GuestSecrets;
import org.jvirt.driver.qemu.internal.secret.MasterKey;
import org.jvirt.driver.qemu.internal.secret.SecretCipher;
import org.jvirt.driver.qemu.internal.secret.SecretLookup;
import org.jvirt.driver.qemu.internal.secret.SharedSecretLookup;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.sun.jna.LastErrorException;

/**
 * The host-wide answers of the QEMU driver: the host name, {@code virsh capabilities} (the host plus the probed
 * capabilities of every emulator on the search path), node info, the maximum vCPUs per domain type
 * and {@code domxml-to-native}. Emulator capabilities come from the shared, mtime-keyed cache.
 */
final class HostCapabilities {
    private static final Logger LOG = LoggerFactory.getLogger(HostCapabilities.class);
    /** libvirt's qemuConnectGetMaxVcpus answer for TCG (and for no type). */
    static final int TCG_MAX_VCPUS = 16;

    private final QemuCapsCache caps;
    private final Emulators emulators;
    private final UUID hostUuid;
    private final SecretLookup secrets;

    HostCapabilities(QemuCapsCache caps, Emulators emulators) {
        this(caps, emulators, new SharedSecretLookup(() -> null));
    }

    /** @param secrets where {@code domxml-to-native} reads the secrets a definition uses */
    HostCapabilities(QemuCapsCache caps, Emulators emulators, SecretLookup secrets) {
        this.caps = caps;
        this.emulators = emulators;
        this.hostUuid = hostUuid();
        this.secrets = secrets;
    }

    QemuCaps capsOf(Path emulator) throws VirtException {
        try {
            return caps.get(emulator);
        } catch (IOException e) {
            throw new VirtException(ErrorCode.INTERNAL_ERROR, ErrorDomain.QEMU,
                    "Failed to probe capabilities for " + emulator + ": " + e.getMessage(), e);
        }
    }

    String capabilities() throws VirtException {
        return capabilities(CapabilitiesXml.SECMODEL_NONE);
    }

    /** @param secmodel the {@code <secmodel>} of the connection's security driver */
    String capabilities(String secmodel) throws VirtException {
        List<QemuCaps> probed = new ArrayList<>();
        for (Path emulator : emulators.all()) {
            try {
                probed.add(capsOf(emulator));
            } catch (VirtException e) {
                // as libvirt: an emulator that cannot be probed is left out, the others still count
                LOG.warn("leaving {} out of the capabilities: {}", emulator, e.getMessage());
            }
        }
        try {
            return CapabilitiesXml.format(HostInfo.probe(hostUuid), probed, secmodel);
        } catch (IOException e) {
            throw QemuErrors.system("cannot read the host's CPU and memory: " + e.getMessage());
        }
    }

    NodeInfo nodeInfo() throws VirtException {
        try {
            return new HostNodeInfoReader(Path.of("/")).read(hostArch());
        } catch (IOException | RuntimeException e) {
            throw QemuErrors.system("cannot read the host's CPU and memory: " + e.getMessage());
        }
    }

    /** libvirt's qemuConnectGetMaxVcpus. */
    int maxVcpus(String type) throws VirtException {
        if (type == null || type.equalsIgnoreCase("qemu")) {
            return TCG_MAX_VCPUS;
        }
        if (type.equalsIgnoreCase("kvm")) {
            try {
                return KvmMaxVcpus.query("/dev/kvm");
            } catch (LastErrorException e) {
                throw QemuErrors.system("Unable to open /dev/kvm: " + KvmMaxVcpus.strerror(e.getErrorCode()));
            }
        }
        throw QemuErrors.invalidArg("unknown type '" + type + "'");
    }

    /** {@code virConnectDomainXMLToNative}: libvirt's command line with this host's real paths. */
    String domainXmlToNative(DomainXmlCodec codec, String format, String xml, Path runDir) throws VirtException {
        if (!DomainXmlToNative.QEMU_ARGV.equals(format)) {
            throw QemuErrors.invalidArg("Unsupported config type " + format);
        }
        DomainDef def = codec.parse(xml, DomainXmlCodec.PARSE_INACTIVE);
        QemuCaps emulatorCaps = capsOf(emulators.find(def));
        // libvirt's domxml-to-native reads the secrets too, encrypted with a key no guest will get
        SecureRandom random = new SecureRandom();
        CommandEnv env = CommandEnv.onThisHost(runDir.toString(), runDir.resolve("channel").toString(), null)
                .withSecrets(new GuestSecrets(secrets, new SecretCipher(MasterKey.create(random), random)));
        return new DomainXmlToNative(codec).convert(format, xml, emulatorCaps, env);
    }

    static String hostArch() {
        String arch = System.getProperty("os.arch");
        return arch.equals("amd64") ? "x86_64" : arch;
    }

    /** SMBIOS's UUID when readable, else one derived from the machine id, else a random one. */
    private static UUID hostUuid() {
        for (String f : new String[] {"/sys/devices/virtual/dmi/id/product_uuid", "/etc/machine-id"}) {
            try {
                String v = Files.readString(Path.of(f)).strip();
                if (f.endsWith("product_uuid")) {
                    return UUID.fromString(v);
                }
                if (!v.isEmpty()) {
                    return UUID.nameUUIDFromBytes(v.getBytes(StandardCharsets.UTF_8));
                }
            } catch (IOException | IllegalArgumentException e) {
                // next source
            }
        }
        return UUID.randomUUID();
    }

    /** qemuConnectGetHostname: the host's canonical name. */
    String hostname() throws VirtException {
        try {
            return InetAddress.getLocalHost().getCanonicalHostName();
        } catch (UnknownHostException e) {
            throw QemuErrors.system("cannot find the host name: " + e.getMessage());
        }
    }
}
