package org.jvirt.driver.lxc.internal;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.jvirt.api.DomainState;
import org.jvirt.api.DomainStateInfo;
import org.jvirt.api.StateReason;
import org.jvirt.api.VirtException;
import org.jvirt.api.xml.DomainDef;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes over the containers an earlier driver instance started (libvirt's
 * {@code virLXCProcessReconnectAll}): a container whose monitor is still the recorded process
 * (pid and start time) is running again under this instance; one whose processes are gone is shut
 * off. Containers under the driver's lxc path that no status record names (a start that a crash
 * interrupted before it was recorded) are killed, so none runs unmanaged.
 */
final class Reattach {
    private static final Logger LOG = LoggerFactory.getLogger(Reattach.class);

    private final LxcHost host;
    private final LxcTools tools;
    private final ContainerNetworks networks;

    Reattach(LxcHost host, LxcTools tools, ContainerNetworks networks) {
        this.host = host;
        this.tools = tools;
        this.networks = networks;
    }

    void all() throws VirtException {
        Set<String> known = new HashSet<>();
        for (Map.Entry<String, byte[]> e : host.statusRecords().entrySet()) {
            try {
                StatusRecord st = StatusRecord.fromBytes(e.getValue());
                known.add(st.process().lxcName());
                one(UUID.fromString(e.getKey()), st);
            } catch (IOException | IllegalArgumentException | VirtException ex) {
                LOG.error("cannot take over status record {}: {}", e.getKey(), ex.getMessage());
            }
        }
        sweep(known);
    }

    private void one(UUID uuid, StatusRecord st) throws VirtException {
        ContainerProcess proc = st.process();
        LxcDomain dom = host.byUuid(uuid);
        if (dom == null) {
            dom = new LxcDomain(uuid, st.name());
        }
        synchronized (dom) {
            if (!proc.monitorAlive() && !proc.initAlive()) {
                LOG.warn("container '{}' stopped while no driver watched it (monitor pid {})", st.name(),
                        proc.monitorPid());
                releasePorts(st);
                host.deleteStatus(uuid);
                dom.detach(StateReason.SHUTOFF_UNKNOWN);
                if (dom.isPersistent()) {
                    host.put(dom);
                }
                LeftoverCgroups.removePivot();
                return;
            }
            DomainDef live = host.codec().parse(st.liveXml(), 0);
            dom.attach(st.id(), live, proc, new DomainStateInfo(DomainState.ofNumber(st.state()), st.reason()));
            host.put(dom);
            LOG.info("container '{}' reattached: init pid {}, monitor pid {}", st.name(), proc.initPid(),
                    proc.monitorPid());
        }
    }

    /** libvirt's reconnect stops a container found dead, which releases its networks' ports. */
    private void releasePorts(StatusRecord st) {
        try {
            networks.unplug(host.codec().parse(st.liveXml(), 0));
        } catch (VirtException e) {
            LOG.warn("container '{}': cannot read its live definition to release its ports: {}", st.name(),
                    e.getMessage());
        }
    }

    /** Kills the running containers of the lxc path that no status record names. */
    private void sweep(Set<String> known) {
        Path path = tools.lxcPath();
        if (!Files.isDirectory(path)) {
            return;
        }
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(path)) {
            for (Path d : dirs) {
                String name = d.getFileName().toString();
                if (known.contains(name) || !Files.exists(d.resolve("config"))) {
                    continue;
                }
                try {
                    LxcTools.Result info = tools.info(name);
                    if (info.ok() && !info.output().contains("STOPPED")) {
                        LOG.warn("container '{}' runs without a status record (an interrupted start); killing it", name);
                        tools.kill(name);
                    }
                    Files.deleteIfExists(d.resolve("config"));
                    Files.deleteIfExists(d);
                } catch (VirtException | IOException e) {
                    LOG.warn("cannot clean up container folder {}: {}", d, e.getMessage());
                }
            }
        } catch (IOException e) {
            LOG.warn("cannot list {}: {}", path, e.toString());
        }
    }
}
