package org.jvirt.core.internal;

import static org.jvirt.core.internal.DomainCalls.UNKNOWN;

import java.util.List;
import java.util.Objects;
import java.util.UUID;

import org.jvirt.api.BlockStats;
import org.jvirt.api.Connection;
import org.jvirt.api.Domain;
import org.jvirt.api.DomainInfo;
import org.jvirt.api.DomainSnapshot;
import org.jvirt.api.DomainInterface;
import org.jvirt.api.DomainState;
import org.jvirt.api.DomainStateInfo;
import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.Flag;
import org.jvirt.api.InterfaceStats;
import org.jvirt.api.MemoryStat;
import org.jvirt.api.NamespaceCommandResult;
import org.jvirt.api.NamespaceDescriptors;
import org.jvirt.api.SchedulerType;
import org.jvirt.api.SecurityLabel;
import org.jvirt.api.Stream;
import org.jvirt.api.TypedParameter;
import org.jvirt.api.VcpuInfo;
import org.jvirt.api.VirtException;
import org.jvirt.api.XmlFlag;
import org.jvirt.api.spi.BlockStatsDriver;
import org.jvirt.api.spi.DomainRef;
import org.jvirt.api.spi.DriverConnection;

/**
 * The {@link Domain} the core hands out. It names its domain by UUID: after a driver swap it
 * re-resolves its {@link DomainRef} on the new driver connection before the first call there
 * ({@link DomainCalls}), so it keeps working for as long as the domain exists. Validation happens
 * here and, for the lifecycle, the calls into the guest and the snapshots, in
 * {@link DomainLifecycleCalls}, {@link DomainGuestCalls} and {@link DomainSnapshots}, and for the
 * groups of {@link DomainCallGroups} in theirs, as in libvirt's {@code libvirt-domain.c}; everything
 * else goes to the driver.
 */
final class DomainFacade extends DomainCallGroups {
    private final ConnectionFacade connection;
    private final String name;
    private final UUID uuid;
    private final DomainCalls calls;
    private final DomainLifecycleCalls lifecycle;
    private final DomainSnapshots snapshots;
    private final DomainGuestCalls guest;

    /**
     * @param generation the binding's that gave {@code ref}, {@link DomainCalls#UNRESOLVED} for none
     * @param found      whether {@code ref} is the driver's answer (a lookup, a listing: its ID is the
     *                   domain's, {@link #foundId()}), not a handle ({@link ConnectionFacade#domainHandle})
     */
    DomainFacade(ConnectionFacade connection, DomainRef ref, long generation, boolean found) {
        this(connection, ref, new DomainCalls(connection, ref, generation, found));
    }

    private DomainFacade(ConnectionFacade connection, DomainRef ref, DomainCalls calls) {
        super(connection, calls);
        this.connection = connection;
        this.name = ref.name();
        this.uuid = Objects.requireNonNull(ref.uuid(), "a driver returned a domain without UUID");
        this.calls = calls;
        this.lifecycle = new DomainLifecycleCalls(calls);
        this.snapshots = new DomainSnapshots(this, new SnapshotCalls(connection, calls));
        this.guest = new DomainGuestCalls(connection, calls);
    }

    @Override
    public Connection connection() {
        return connection;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public UUID uuid() {
        return uuid;
    }

    @Override
    public int id() throws VirtException {
        return calls.read("virDomainGetID", b -> b.connection().lookupByUuid(uuid).id());
    }

    @Override
    public int foundId() throws VirtException { // the lookup's or listing's answer until a call is made
        int found = calls.foundId();
        return found != DomainCalls.ID_UNKNOWN ? found : id();
    }

    @Override
    public String osType() throws VirtException {
        return calls.read("virDomainGetOSType", b -> b.connection().osType(calls.ref(b)));
    }

    @Override
    public DomainStateInfo state() throws VirtException {
        return calls.read("virDomainGetState", b -> b.connection().state(calls.ref(b)));
    }

    @Override
    public DomainInfo info() throws VirtException {
        return calls.read("virDomainGetInfo", b -> b.connection().info(calls.ref(b)));
    }

    @Override
    public boolean isActive() throws VirtException {
        // libvirt: a domain is active while it has an ID, i.e. in any state but shut off.
        return calls.read("virDomainIsActive", b -> b.connection().state(calls.ref(b)).state() != DomainState.SHUTOFF);
    }

    @Override
    public boolean isPersistent() throws VirtException {
        return calls.read("virDomainIsPersistent", b -> b.connection().isPersistent(calls.ref(b)));
    }

    @Override
    public void create(int flags) throws VirtException {
        lifecycle.create(flags);
    }

    @Override
    public void destroy(int flags) throws VirtException {
        lifecycle.destroy(flags);
    }

    @Override
    public void shutdown(int flags) throws VirtException {
        lifecycle.shutdown(flags);
    }

    @Override
    public void reboot(int flags) throws VirtException {
        lifecycle.reboot(flags);
    }

    @Override
    public void reset(int flags) throws VirtException {
        lifecycle.reset(flags);
    }

    @Override
    public void suspend() throws VirtException {
        lifecycle.suspend();
    }

    @Override
    public void resume() throws VirtException {
        lifecycle.resume();
    }

    @Override
    public void undefine(int flags) throws VirtException {
        lifecycle.undefine(flags);
    }

    @Override
    public String xmlDesc(int flags) throws VirtException {
        String fn = "virDomainGetXMLDesc";
        connection.checkOpen(fn, ErrorDomain.DOMAIN);
        if (connection.isReadOnly() && Flag.isSet(flags, XmlFlag.SECURE)) {
            // libvirt's own wording for this case (no "read only access prevents" prefix)
            throw new VirtException(ErrorCode.OPERATION_DENIED, ErrorDomain.DOMAIN,
                    "virDomainGetXMLDesc with secure flag");
        }
        return connection.call(fn, b -> b.connection().xmlDesc(calls.ref(b), flags));
    }

    @Override
    public boolean autostart() throws VirtException {
        return calls.read("virDomainGetAutostart", b -> b.connection().autostart(calls.ref(b)));
    }

    @Override
    public void setAutostart(boolean autostart) throws VirtException {
        calls.write("virDomainSetAutostart", b -> b.connection().setAutostart(calls.ref(b), autostart), UNKNOWN);
    }

    @Override
    public List<VcpuInfo> vcpuInfo() throws VirtException {
        return calls.read("virDomainGetVcpus", b -> b.connection().vcpuInfo(calls.ref(b)));
    }

    @Override
    public Stream openConsole(String devName, int flags) throws VirtException {
        // libvirt-domain.c checks only the read-only state; the driver checks its flags
        connection.checkWritable("virDomainOpenConsole", ErrorDomain.DOMAIN);
        return connection.call("virDomainOpenConsole", b -> b.connection().openConsole(calls.ref(b), devName, flags));
    }

    @Override
    public SchedulerType schedulerType() throws VirtException {
        return calls.read("virDomainGetSchedulerType", b -> b.connection().schedulerType(calls.ref(b)));
    }

    @Override
    public List<MemoryStat> memoryStats(int flags) throws VirtException {
        return calls.read("virDomainMemoryStats", b -> b.connection().memoryStats(calls.ref(b), flags));
    }

    @Override
    public InterfaceStats interfaceStats(String device) throws VirtException {
        Checks.notNull(device, "device", "virDomainInterfaceStats", ErrorDomain.DOMAIN);
        return calls.read("virDomainInterfaceStats", b -> b.connection().interfaceStats(calls.ref(b), device));
    }

    @Override
    public BlockStats blockStats(String disk) throws VirtException {
        Checks.notNull(disk, "disk", "virDomainBlockStats", ErrorDomain.DOMAIN);
        return calls.read("virDomainBlockStats",
                b -> blockStatsOf(b, "virDomainBlockStats").blockStats(calls.ref(b), disk));
    }

    @Override
    public List<TypedParameter> blockStatsParameters(String disk, int flags) throws VirtException {
        Checks.notNull(disk, "disk", "virDomainBlockStatsFlags", ErrorDomain.DOMAIN);
        return calls.read("virDomainBlockStatsFlags", b -> blockStatsOf(b, "virDomainBlockStatsFlags")
                .blockStatsParameters(calls.ref(b), disk, flags));
    }

    private static BlockStatsDriver blockStatsOf(Binding b, String fn) throws VirtException {
        return b.connection().ownBlockStats().orElseThrow(() -> DriverConnection.unsupported(fn));
    }

    @Override
    public List<DomainInterface> interfaceAddresses(int source, int flags) throws VirtException {
        return guest.interfaceAddresses(source, flags);
    }

    @Override
    public NamespaceCommandResult lxcEnterNamespace(List<String> command, int flags) throws VirtException {
        return guest.lxcEnterNamespace(command, flags);
    }

    @Override
    public NamespaceDescriptors lxcOpenNamespace(int flags) throws VirtException {
        return guest.lxcOpenNamespace(flags);
    }

    @Override
    public void sendProcessSignal(long pid, int signum, int flags) throws VirtException {
        guest.sendProcessSignal(pid, signum, flags);
    }

    @Override
    public SecurityLabel securityLabel() throws VirtException {
        return calls.read("virDomainGetSecurityLabel", b -> b.connection().securityLabel(calls.ref(b)));
    }

    @Override
    public List<SecurityLabel> securityLabels() throws VirtException {
        return calls.read("virDomainGetSecurityLabelList", b -> b.connection().securityLabels(calls.ref(b)));
    }

    @Override
    public DomainSnapshot snapshotCreateXml(String xml, int flags) throws VirtException {
        return snapshots.create(xml, flags);
    }

    @Override
    public List<DomainSnapshot> listAllSnapshots(int flags) throws VirtException {
        return snapshots.listAll(flags);
    }

    @Override
    public int snapshotNum(int flags) throws VirtException {
        return snapshots.num(flags);
    }

    @Override
    public List<String> snapshotListNames(int flags) throws VirtException {
        return snapshots.listNames(flags);
    }

    @Override
    public DomainSnapshot snapshotLookupByName(String snapshotName, int flags) throws VirtException {
        return snapshots.lookupByName(snapshotName, flags);
    }

    @Override
    public DomainSnapshot snapshotHandle(String snapshotName) throws VirtException {
        return snapshots.handleOf(snapshotName);
    }

    @Override
    public boolean hasCurrentSnapshot(int flags) throws VirtException {
        return snapshots.hasCurrent(flags);
    }

    @Override
    public DomainSnapshot snapshotCurrent(int flags) throws VirtException {
        return snapshots.current(flags);
    }

    @Override
    public void revertToSnapshot(DomainSnapshot snapshot, int flags) throws VirtException {
        snapshots.revert(snapshot, flags);
    }

    /**
     * The ref this domain was last known by, not looked up (a handle's may name a domain that does
     * not exist): for driver calls that find their domains by UUID themselves.
     */
    DomainRef namingRef() {
        return calls.lastRef();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DomainFacade d && d.connection == connection && d.uuid.equals(uuid);
    }

    @Override
    public int hashCode() {
        return uuid.hashCode();
    }

    @Override
    public String toString() {
        return "Domain[" + name + " " + uuid + "]";
    }
}
