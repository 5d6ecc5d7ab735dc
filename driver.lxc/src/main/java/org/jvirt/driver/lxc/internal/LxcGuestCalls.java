package org.jvirt.driver.lxc.internal;

import java.util.List;

import org.jvirt.api.ConsoleFlag;
import org.jvirt.api.Flag;
import org.jvirt.api.InterfaceStats;
import org.jvirt.api.MemoryStat;
import org.jvirt.api.NamespaceCommandResult;
import org.jvirt.api.NamespaceDescriptors;
import org.jvirt.api.ProcessSignal;
import org.jvirt.api.SchedulerType;
import org.jvirt.api.Stream;
import org.jvirt.api.TypedParameter;
import org.jvirt.api.VirtException;
import org.jvirt.api.spi.DomainRef;
import org.jvirt.api.spi.DriverConnection;
import org.jvirt.api.xml.CharDevice;
import org.jvirt.api.xml.DomainDef;
import org.jvirt.api.xml.NetInterface;
import org.jvirt.api.xml.NetInterfaceLookup;

/**
 * The calls of libvirt's LXC driver table on a container's resources: tuning (memory, scheduler,
 * block I/O), statistics (memory, interfaces), the console and signals. Each runs with the domain
 * locked ({@link #locked}); {@link LxcConnection} adds the connection and lifecycle calls.
 */
abstract class LxcGuestCalls implements DriverConnection {
    final LxcHost host;
    final Definitions definitions;
    private final ContainerTuning tuning;
    private final ConsoleSessions consoles;
    private final NetDevCounters netDev = new NetDevCounters();

    LxcGuestCalls(LxcHost host, Definitions definitions, ContainerTuning tuning, ConsoleSessions consoles) {
        this.host = host;
        this.definitions = definitions;
        this.tuning = tuning;
        this.consoles = consoles;
    }

    final LxcDomain find(DomainRef ref) throws VirtException {
        LxcDomain d = host.byUuid(ref.uuid());
        if (d == null) {
            throw LxcErrors.noDomain(ref.uuid(), ref.name());
        }
        return d;
    }

    static DomainDef definitionOf(LxcDomain d) throws VirtException {
        DomainDef def = d.def();
        if (def == null) {
            throw LxcErrors.noDomain(d.uuid(), d.name());
        }
        return def;
    }

    /**
     * {@code lxcDomainOpenConsole}: the console named by its alias, else the first one; it must be
     * a pty. One session per container ({@link ConsoleSessions}), taken over with FORCE.
     */
    @Override
    public Stream openConsole(DomainRef ref, String devName, int flags) throws VirtException {
        LxcErrors.checkFlags(flags, Flag.mask(ConsoleFlag.FORCE, ConsoleFlag.SAFE), "lxcDomainOpenConsole");
        return locked(ref, d -> {
            if (!d.isActive()) {
                throw LxcErrors.notRunning();
            }
            List<CharDevice> all = d.liveDef().devices().all().stream()
                    .filter(x -> x instanceof CharDevice c && "console".equals(c.elementName()))
                    .map(CharDevice.class::cast).toList();
            CharDevice chr = devName == null ? all.stream().findFirst().orElse(null)
                    : all.stream().filter(c -> devName.equals(c.info().alias())).findFirst().orElse(null);
            if (chr == null) {
                throw LxcErrors.internal("cannot find console device '" + (devName == null ? "default" : devName) + "'");
            }
            if (chr.type() != null && !chr.type().equals("pty")) {
                throw LxcErrors.internal("character device " + (devName == null ? chr.info().alias() : devName)
                        + " is not using a PTY");
            }
            return consoles.open(ContainerLifecycle.lxcName(d.liveDef()), Flag.isSet(flags, ConsoleFlag.FORCE));
        });
    }

    /** The domain, locked, for one call. */
    interface Locked<T> {
        T apply(LxcDomain d) throws VirtException;
    }

    final <T> T locked(DomainRef ref, Locked<T> call) throws VirtException {
        LxcDomain d = find(ref);
        synchronized (d) {
            definitions.checkRegistered(d);
            return call.apply(d);
        }
    }

    @Override
    public void setMemory(DomainRef ref, long kib, int flags) throws VirtException {
        locked(ref, d -> {
            tuning.memory.setMemory(d, kib, flags);
            return null;
        });
    }

    @Override
    public List<TypedParameter> memoryParameters(DomainRef ref, int flags) throws VirtException {
        return locked(ref, d -> tuning.memory.parameters(d, flags));
    }

    @Override
    public void setMemoryParameters(DomainRef ref, List<TypedParameter> params, int flags) throws VirtException {
        locked(ref, d -> {
            tuning.memory.setParameters(d, params, flags);
            return null;
        });
    }

    @Override
    public List<MemoryStat> memoryStats(DomainRef ref, int flags) throws VirtException {
        return locked(ref, d -> tuning.memory.stats(d, flags));
    }

    @Override
    public SchedulerType schedulerType(DomainRef ref) throws VirtException {
        return locked(ref, tuning.scheduler::type);
    }

    @Override
    public List<TypedParameter> schedulerParameters(DomainRef ref, int flags) throws VirtException {
        return locked(ref, d -> tuning.scheduler.parameters(d, flags));
    }

    @Override
    public void setSchedulerParameters(DomainRef ref, List<TypedParameter> params, int flags) throws VirtException {
        locked(ref, d -> {
            tuning.scheduler.setParameters(d, params, flags);
            return null;
        });
    }

    @Override
    public List<TypedParameter> blkioParameters(DomainRef ref, int flags) throws VirtException {
        return locked(ref, d -> tuning.blkio.parameters(d, flags));
    }

    @Override
    public void setBlkioParameters(DomainRef ref, List<TypedParameter> params, int flags) throws VirtException {
        locked(ref, d -> {
            tuning.blkio.setParameters(d, params, flags);
            return null;
        });
    }

    /**
     * {@code lxcDomainInterfaceStats}: the veth's host end, counted from the container's side; a direct
     * interface's macvlan as the container counts it.
     */
    @Override
    public InterfaceStats interfaceStats(DomainRef ref, String device) throws VirtException {
        return locked(ref, d -> {
            if (!d.isActive()) {
                throw LxcErrors.notRunning();
            }
            NetInterface net = NetInterfaceLookup.find(d.liveDef(), device);
            if (DirectInterfaces.isDirect(net)) {
                // its macvlan lives in the container only (libvirt reads a host device that is not there)
                List<NetInterface> all = d.liveDef().devices().interfaces();
                return NetDevCounters.inside(d.process().initPid(), NetworkAddresses.guestName(all, all.indexOf(net)));
            }
            if (net.targetDev() == null) {
                throw LxcErrors.internal("/proc/net/dev: Interface not found");
            }
            return netDev.guestView(net.targetDev());
        });
    }

    @Override
    public void sendProcessSignal(DomainRef ref, long pid, int signum, int flags) throws VirtException {
        LxcErrors.checkFlags(flags, 0, "lxcDomainSendProcessSignal");
        ProcessSignal signal = ProcessSignals.checked(signum);
        locked(ref, d -> {
            ProcessSignals.send(d, pid, signal);
            return null;
        });
    }

    /** {@code lxcDomainLxcOpenNamespace} and the client's {@code virDomainLxcEnterNamespace}, in one. */
    @Override
    public NamespaceCommandResult lxcEnterNamespace(DomainRef ref, List<String> command, int flags)
            throws VirtException {
        LxcErrors.checkFlags(flags, 0, "lxcDomainLxcOpenNamespace");
        // the domain is locked only to find the container, as libvirt holds its job only while it
        // opens the namespaces: the command runs in the client there, here without the lock
        return NamespaceCommand.run(locked(ref, NamespaceCommand::target), command);
    }

    /**
     * {@code lxcDomainLxcOpenNamespace}: the init's namespaces, opened with the domain locked (libvirt
     * holds a query job), so the init cannot be replaced by a reboot in between.
     */
    @Override
    public NamespaceDescriptors lxcOpenNamespace(DomainRef ref, int flags) throws VirtException {
        LxcErrors.checkFlags(flags, 0, "lxcDomainLxcOpenNamespace");
        return locked(ref, d -> {
            ContainerProcess proc = NamespaceCommand.target(d).proc();
            NamespaceFiles files;
            try {
                files = NamespaceFiles.open(proc.initPid());
            } catch (LinkageError e) {   // JNA is an optional import of the bundle
                throw LxcErrors.internal("opening namespaces needs JNA (com.sun.jna): " + e);
            }
            if (!proc.initAlive()) {   // its pid may be another process's now: not the container's
                files.close();
                throw LxcErrors.invalid("Init pid is not yet available");
            }
            return files;
        });
    }
}
