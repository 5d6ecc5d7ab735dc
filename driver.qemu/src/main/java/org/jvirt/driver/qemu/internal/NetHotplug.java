package org.jvirt.driver.qemu.internal;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.VirtException;
import org.jvirt.api.xml.Device;
import org.jvirt.api.xml.DomainDef;
import org.jvirt.api.xml.NetInterface;
import org.jvirt.driver.qemu.internal.domain.QemuDomainObj;
import org.jvirt.driver.qemu.internal.hotplug.DeviceLists;
import org.jvirt.driver.qemu.internal.hotplug.NetMatch;
import org.jvirt.driver.qemu.internal.net.TapFds;
import org.jvirt.driver.qemu.internal.net.TunDevice;
import org.jvirt.driver.qemu.internal.qmp.QmpClient;
import org.jvirt.driver.qemu.internal.qmp.QmpException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Network interfaces plugged into and out of a running guest, as libvirt 9.0's
 * qemuDomainAttachNetDevice and qemuDomainDetachPrepNet/qemuDomainRemoveNetDevice: the tap (or macvtap)
 * is made as a start makes it (network port, bridge, QoS: {@link org.jvirt.driver.qemu.internal.net.GuestNetworks#plugOne}),
 * its descriptor (and vhost-net's, for a KVM virtio NIC) goes to QEMU with {@code getfd} over the
 * monitor, then {@code netdev_add} and {@code device_add}; the NIC gets the next {@code net<N>} alias
 * and a PCI slot as a start would give it. Out: {@code device_del}, the guest's
 * {@code DEVICE_DELETED} (5 s, then the event finishes it), {@code netdev_del}, the tap or macvtap
 * deleted and the port released. Nothing is labelled or let into the device cgroup: QEMU opens no file for the NIC,
 * it gets descriptors the driver opened (libvirt labels them for SELinux only). Callers hold the
 * domain's lock.
 */
final class NetHotplug {
    private static final Logger LOG = LoggerFactory.getLogger(NetHotplug.class);
    /**
     * The types qemuDomainAttachNetDevice plugs that jvirt has backends for; a direct interface gets its
     * macvtap as at a start (qemuInterfaceDirectConnect), and so does a network one whose port is on a
     * macvtap pool.
     */
    private static final Set<String> PLUGGABLE = Set.of("network", "bridge", "direct", "ethernet", "user");
    private static final Path VHOST_NET = Path.of("/dev/vhost-net");

    private final QemuHost host;
    private final HostContext ctx;

    NetHotplug(QemuHost host) {
        this.host = host;
        this.ctx = host.context();
    }

    void attach(QemuDomainObj dom, NetInterface net) throws VirtException {
        String type = net.type() == null ? "user" : net.type();
        if (!PLUGGABLE.contains(type)) {
            throw new VirtException(ErrorCode.OPERATION_UNSUPPORTED, ErrorDomain.QEMU,
                    "hotplug of interface type of " + type + " is not implemented yet");
        }
        DomainDef live = withAliases(dom.liveDef());
        // a user alias (ua-...) is kept, as libvirt keeps it, once it is unique (virDomainDefCompatibleDevice)
        String userAlias = net.info().alias();
        if (userAlias != null && live.devices().interfaces().stream().anyMatch(n -> userAlias.equals(n.info().alias()))) {
            throw new VirtException(ErrorCode.OPERATION_INVALID, ErrorDomain.QEMU,
                    "non unique alias detected: " + userAlias);
        }
        Path emulator = ctx.emulators().find(live);
        QmpClient qmp = DiskHotplug.monitor(dom);
        // the post-parse of a start gives the new NIC its PCI slot and defaults; it goes after the
        // interfaces there are (DeviceLists.with), and post-parse adds and reorders none
        DomainDef completed = ctx.argv().complete(DeviceLists.with(live, net), emulator);
        List<NetInterface> nics = completed.devices().interfaces();
        if (nics.size() != live.devices().interfaces().size() + 1) {
            throw QemuErrors.internal("the new interface is missing after post-parse");
        }
        NetInterface added = nics.get(live.devices().interfaces().size());
        String alias = userAlias != null ? userAlias : nextAlias(live);
        added = added.withInfo(added.info().toBuilder().alias(alias).build());
        TapFds taps = new TapFds();
        NetInterface plugged = ctx.networks().plugOne(live, added, ctx.security().processOwner(live), taps);
        List<String> passed = new ArrayList<>();
        boolean netdevAdded = false;
        try {
            String tapFd = null;
            String vhostFd = null;
            List<Integer> fds = taps.descriptors();
            if (!fds.isEmpty()) {
                // libvirt's qemuFDPassDirect names: tapfd-<alias><queue>
                tapFd = passFd(qmp, "tapfd-" + alias + "0", fds.get(0), passed);
                vhostFd = wantsVhost(live, plugged) ? passVhost(qmp, plugged, "vhostfd-" + alias + "0", passed) : null;
            }
            taps.close(); // QEMU holds the tap now; the device lives as long as QEMU's descriptor
            DomainDef withNet = DeviceLists.with(live, plugged);
            List<String> args = ctx.argv().netHotplug(withNet, emulator, plugged, tapFd, vhostFd);
            for (int i = 0; i + 1 < args.size(); i += 2) {
                JsonNode props = QmpJson.parse(args.get(i + 1));
                switch (args.get(i)) {
                    case "-netdev" -> {
                        qmp.execute("netdev_add", QmpJson.object(props));
                        netdevAdded = true;
                    }
                    case "-device" -> qmp.execute("device_add", QmpJson.object(props));
                    default -> throw QemuErrors.internal("cannot hot-plug " + args.get(i) + " " + args.get(i + 1));
                }
            }
            dom.setLiveDef(withNet);
        } catch (QmpException | VirtException | RuntimeException e) {
            if (netdevAdded) {
                netdevDel(qmp, "host" + alias);
            }
            passed.forEach(name -> closeFd(qmp, name));
            taps.close();
            ctx.networks().unplugOne(live, plugged);
            throw e instanceof QmpException q ? QemuErrors.internal(q.getMessage(), q)
                    : e instanceof VirtException v ? v : QemuErrors.internal(e.toString(), e);
        }
        host.saveStatusQuietly(dom);
        LOG.info("domain '{}': interface {} ({}) attached as {}", dom.name(), plugged.mac(),
                plugged.targetDev() == null ? plugged.type() : plugged.targetDev(), alias);
    }

    /** qemuDomainDetachPrepNet + qemuDomainDetachDeviceLive for an interface. */
    void detach(QemuDomainObj dom, NetInterface match) throws VirtException {
        DomainDef live = withAliases(dom.liveDef());
        NetInterface net = NetMatch.find(live, match);
        String id = net.info().alias();
        dom.setLiveDef(live);
        QmpClient qmp = DiskHotplug.monitor(dom);
        if (DeviceUnplug.request(qmp, id)) {
            finishRemoval(dom, net);
        } else {
            LOG.info("domain '{}': detach of {} requested; the guest has not released it yet", dom.name(), id);
        }
    }

    /**
     * The guest released device {@code id} ({@code DEVICE_DELETED}): an interface of that alias is
     * removed now if a detach left it. Lock held. Whether it was an interface.
     */
    boolean deviceDeleted(QemuDomainObj dom, String id) {
        DomainDef live = dom.liveDef();
        if (live == null) {
            return false;
        }
        live = withAliases(live);
        for (NetInterface n : live.devices().interfaces()) {
            if (id.equals(n.info().alias())) {
                dom.setLiveDef(live);
                finishRemoval(dom, n);
                return true;
            }
        }
        return false;
    }

    /** qemuDomainRemoveNetDevice: the backend goes, then the tap and the port; the XML loses the NIC. */
    private void finishRemoval(QemuDomainObj dom, NetInterface net) {
        QmpClient qmp = dom.qmp();
        DomainDef live = dom.liveDef();
        if (qmp != null) {
            netdevDel(qmp, "host" + net.info().alias());
        }
        ctx.networks().unplugOne(live, net);
        dom.setLiveDef(DeviceLists.without(live, net));
        host.saveStatusQuietly(dom);
        LOG.info("domain '{}': interface {} ({}) detached", dom.name(), net.mac(), net.info().alias());
        host.events().deviceRemoved(dom, net.info().alias());
    }

    /**
     * The live definition with every interface's alias: a start names them {@code net<i>} by position
     * without recording it, and positions shift once one is unplugged.
     */
    static DomainDef withAliases(DomainDef live) {
        List<Device> all = new ArrayList<>(live.devices().all());
        int i = 0;
        boolean changed = false;
        for (int k = 0; k < all.size(); k++) {
            if (all.get(k) instanceof NetInterface n) {
                if (n.info().alias() == null) {
                    all.set(k, n.withInfo(n.info().toBuilder().alias("net" + i).build()));
                    changed = true;
                }
                i++;
            }
        }
        return changed ? live.withDevices(live.devices().withAll(all)) : live;
    }

    /** libvirt's qemuAssignDeviceNetAlias with no index: one above the highest {@code net<N>}. */
    private static String nextAlias(DomainDef live) {
        int next = 0;
        for (NetInterface n : live.devices().interfaces()) {
            String a = n.info().alias();
            if (a != null && a.matches("net\\d{1,9}")) {
                next = Math.max(next, Integer.parseInt(a.substring(3)) + 1);
            }
        }
        return "net" + next;
    }

    /** libvirt's qemuInterfaceOpenVhostNet: virtio NICs of KVM guests, unless the driver says qemu. */
    private static boolean wantsVhost(DomainDef live, NetInterface n) throws VirtException {
        String driver = n.driver() == null ? null : n.driver().name();
        if (!"kvm".equals(live.type()) || "qemu".equals(driver)) {
            return false;
        }
        if (!"virtio".equals(n.modelType()) && "vhost".equals(driver)) {
            throw new VirtException(ErrorCode.CONFIG_UNSUPPORTED, ErrorDomain.QEMU,
                    "vhost-net is only supported for virtio network interfaces");
        }
        return "virtio".equals(n.modelType());
    }

    /** The vhost-net descriptor passed as {@code name}; null (and a warning) if it cannot be opened and was not asked for. */
    private static String passVhost(QmpClient qmp, NetInterface n, String name, List<String> passed)
            throws QmpException, VirtException {
        int fd;
        try {
            fd = TunDevice.openDevice(VHOST_NET.toString());
        } catch (VirtException e) {
            if (n.driver() != null && "vhost".equals(n.driver().name())) {
                throw new VirtException(ErrorCode.CONFIG_UNSUPPORTED, ErrorDomain.QEMU,
                        "vhost-net was requested for an interface, but is unavailable");
            }
            LOG.warn("Unable to open vhost-net. Opened so far 0, requested 1 ({})", e.getMessage());
            return null;
        }
        try {
            return passFd(qmp, name, fd, passed);
        } finally {
            TunDevice.close(fd);
        }
    }

    private static String passFd(QmpClient qmp, String name, int fd, List<String> passed) throws QmpException {
        qmp.executeWithFd("getfd", QmpClient.args().put("fdname", name), fd);
        passed.add(name);
        return name;
    }

    private static void closeFd(QmpClient qmp, String name) {
        try {
            qmp.execute("closefd", QmpClient.args().put("fdname", name));
        } catch (QmpException e) {
            // netdev_add took it (and closes it with the netdev)
            LOG.debug("closefd {}: {}", name, e.getMessage());
        }
    }

    private static void netdevDel(QmpClient qmp, String id) {
        try {
            qmp.execute("netdev_del", QmpClient.args().put("id", id));
        } catch (QmpException e) {
            LOG.debug("netdev_del {}: {}", id, e.getMessage());
        }
    }

}
