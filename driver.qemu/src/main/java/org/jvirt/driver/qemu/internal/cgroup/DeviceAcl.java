package org.jvirt.driver.qemu.internal.cgroup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.VirtException;
import org.jvirt.api.xml.CharDevice;
import org.jvirt.api.xml.Device;
import org.jvirt.api.xml.Disk;
import org.jvirt.api.xml.DomainDef;
import org.jvirt.api.xml.Input;
import org.jvirt.api.xml.MemoryDevice;
import org.jvirt.api.xml.Rng;
import org.jvirt.api.xml.Tpm;
import org.jvirt.driver.qemu.internal.security.BackingChain;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The guest's device access list, as libvirt's
 * qemuSetupDevicesCgroup writes it: every device denied, then libvirt's default
 * {@code cgroup_device_acl} (those of its nodes that exist) read-write, the guest's local
 * block-device disks ({@code r} when read-only) and block devices in the backing chain of qcow2
 * images ({@code r}, qemuSetupImageChainCgroup), all ptys ({@code c 136:* rw}), host character
 * devices of {@code type='dev'} chardevs, {@code <rng>} random backends, TPM passthrough devices,
 * evdev inputs and nvdimm / virtio-pmem backing devices (qemuSetupChardevCgroupCB,
 * qemuSetupRNGCgroup, qemuSetupTPMCgroup, qemuSetupInputCgroup, qemuSetupMemoryDevicesCgroup).
 * File-backed disks need no entry. Not handled: host devices (PCI/USB/SCSI assignment), graphics
 * render nodes, SEV and SGX, and host audio (libvirt's default qemu.conf allows it to no guest).
 * The same entries go to cgroup v1's {@code devices.allow} or, where devices is cgroup v2's, into
 * the map of the group's BPF device program ({@link BpfDeviceFilter}). Without either nothing is
 * filtered, as libvirt's.
 */
final class DeviceAcl {
    private static final Logger LOG = LoggerFactory.getLogger(DeviceAcl.class);
    /** libvirt 9.0's defaultDeviceACL (qemu_cgroup.c), the qemu.conf default. */
    static final List<String> DEFAULT_ACL = List.of("/dev/null", "/dev/full", "/dev/zero", "/dev/random",
            "/dev/urandom", "/dev/ptmx", "/dev/kvm");
    private static final String PTYS = "c 136:* rw";
    /**
     * The interface types whose tap QEMU opens itself: a bridge's, through qemu-bridge-helper. The
     * driver opens those of networks and ethernet interfaces and QEMU inherits the descriptors, as
     * libvirt does, so they need no entry (libvirt's list has none).
     */
    private static final Set<String> TAP_TYPES = Set.of("bridge");

    private final GuestCgroup group;

    DeviceAcl(GuestCgroup group) {
        this.group = group;
    }

    /** The {@code devices.allow} lines for {@code def}, in libvirt's order. */
    static List<String> entries(DomainDef def) throws VirtException {
        List<String> out = new ArrayList<>();
        for (String path : DEFAULT_ACL) {
            String node = BlockDevices.node(path);
            if (node != null) {
                out.add(node + " rw");
            }
        }
        for (Disk d : def.devices().disks()) {
            String path = d.source() == null ? null : d.source().dev() != null ? d.source().dev() : d.source().file();
            String node = path == null ? null : BlockDevices.node(path);
            if (node != null && node.startsWith("b ")) {
                out.add(node + (d.readOnly() ? " r" : " rw"));
            }
            if (d.source() != null && d.source().file() != null && (d.type() == null || "file".equals(d.type()))) {
                // QEMU opens the backing files read-only (libvirt: forceReadonly below the top)
                for (Path backing : BackingChain.below(Path.of(d.source().file()), d.driverType())) {
                    String b = BlockDevices.node(backing.toString());
                    if (b != null && b.startsWith("b ") && !out.contains(b + " r") && !out.contains(b + " rw")) {
                        out.add(b + " r");
                    }
                }
            }
        }
        out.add(PTYS);
        for (CharDevice c : def.devices().charDevices()) {
            if ("dev".equals(c.type()) && c.source() != null && c.source().path() != null) {
                addRw(out, c.source().path());
            }
        }
        for (Device d : def.devices().all()) {
            if (d instanceof Rng r && r.backend() != null && "random".equals(r.backend().model())
                    && r.backend().randomPath() != null) {
                addRw(out, r.backend().randomPath());
            } else if (d instanceof Tpm t && t.backend() != null && "passthrough".equals(t.backend().type())) {
                addRw(out, t.backend().devicePath() == null ? "/dev/tpm0" : t.backend().devicePath());
            } else if (d instanceof Input i && ("evdev".equals(i.type()) || "passthrough".equals(i.type()))
                    && i.source() != null) {
                addRw(out, i.source().evdev() != null ? i.source().evdev() : i.source().dev());
            } else if (d instanceof MemoryDevice m && ("nvdimm".equals(m.model()) || "virtio-pmem".equals(m.model()))
                    && m.source() != null && m.source().path() != null) {
                addRw(out, m.source().path());
            }
        }
        // qemu-bridge-helper, run by QEMU in its cgroup, opens the tun device
        if (def.devices().interfaces().stream().anyMatch(i -> TAP_TYPES.contains(i.type()))) {
            addRw(out, "/dev/net/tun");
        }
        return out;
    }

    /** A character or block node read-write, once (the kernel merges a repeated entry too). */
    private static void addRw(List<String> out, String path) {
        String node = BlockDevices.node(path);
        if (node != null && !out.contains(node + " rw")) {
            out.add(node + " rw");
        }
    }

    /**
     * Writes the list for {@code def} into the new guest's group: on cgroup v1 {@code devices.deny}
     * {@code a} then a {@code devices.allow} line per entry, on cgroup v2 the BPF program over an
     * empty map then a map entry per entry. Refused with EPERM (a group we may not filter), the
     * guest runs unfiltered, as libvirt's qemuSetupDevicesCgroup lets it.
     */
    void apply(DomainDef def) throws VirtException {
        if (!group.has(Controller.DEVICES)) {
            return;
        }
        List<String> entries = entries(def);
        if (group.isV2(Controller.DEVICES)) {
            BpfDeviceFilter filter = group.deviceFilter();
            try {
                filter.denyAll();
            } catch (VirtException e) {
                if (BpfDeviceFilter.errno(e) != Bpf.EPERM) {
                    throw e;
                }
                LOG.warn("Group devices ACL of {} is not accessible, disabling filtering: {}", group.path(),
                        e.getMessage());
                return;
            }
            for (String entry : entries) {
                filter.allow(DeviceRule.parse(entry));
            }
            return;
        }
        Path dir = group.dir(Controller.DEVICES);
        try {
            Files.writeString(dir.resolve("devices.deny"), "a");
        } catch (IOException e) {
            // libvirt: EPERM means the ACL is not ours to set; it runs the guest unfiltered
            LOG.warn("Group devices ACL of {} is not accessible, disabling filtering: {}", group.path(),
                    e.getMessage());
            return;
        }
        for (String entry : entries) {
            write(dir.resolve("devices.allow"), entry);
        }
    }

    /**
     * Allows device node {@code path} ({@code rw}, or {@code r}) to the running guest: a
     * hot-plugged disk (libvirt's virCgroupAllowDevicePath). A path that is no device node is
     * left out, as libvirt's.
     */
    void allowPath(String path, boolean readOnly) throws VirtException {
        change(path, readOnly ? DeviceRule.READ : DeviceRule.READ | DeviceRule.WRITE, true);
    }

    /** Takes {@code path}'s read and write access back: an unplugged disk (virCgroupDenyDevicePath). */
    void denyPath(String path) throws VirtException {
        change(path, DeviceRule.READ | DeviceRule.WRITE, false);
    }

    private void change(String path, int perms, boolean allow) throws VirtException {
        String node = BlockDevices.node(path);
        if (node == null || !group.has(Controller.DEVICES)) {
            return;
        }
        DeviceRule rule = DeviceRule.parse(node + " " + (perms == DeviceRule.READ ? "r" : "rw"));
        if (group.isV2(Controller.DEVICES)) {
            synchronized (group) {
                if (allow) {
                    group.deviceFilter().allow(rule);
                } else {
                    group.deviceFilter().deny(rule);
                }
            }
        } else {
            write(group.dir(Controller.DEVICES).resolve(allow ? "devices.allow" : "devices.deny"), rule.toString());
        }
    }

    private static void write(Path file, String entry) throws VirtException {
        try {
            Files.writeString(file, entry);
        } catch (IOException e) {
            throw new VirtException(ErrorCode.SYSTEM_ERROR, ErrorDomain.CGROUP, "Unable to write to '"
                    + file + "': " + e.getMessage(), e);
        }
    }
}
