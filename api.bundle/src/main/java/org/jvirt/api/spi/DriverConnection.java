package org.jvirt.api.spi;

import java.util.BitSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.jvirt.api.DomainInfo;
import org.jvirt.api.DomainInterface;
import org.jvirt.api.DomainStateInfo;
import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.InterfaceStats;
import org.jvirt.api.MemoryStat;
import org.jvirt.api.NamespaceCommandResult;
import org.jvirt.api.NamespaceDescriptors;
import org.jvirt.api.NodeInfo;
import org.jvirt.api.SchedulerType;
import org.jvirt.api.SecurityLabel;
import org.jvirt.api.SecurityModel;
import org.jvirt.api.Stream;
import org.jvirt.api.TypedParameter;
import org.jvirt.api.VcpuInfo;
import org.jvirt.api.VirtException;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * A driver's connection: libvirt's {@code virHypervisorDriver} table. The core validates
 * arguments and read-only access before it calls in, so drivers only do the work. Every optional
 * operation defaults to libvirt's {@link ErrorCode#NO_SUPPORT} error naming the libvirt function;
 * a driver overrides what it supports.
 * <p>
 * Domains are named by {@link DomainRef}; drivers find them by UUID and raise
 * {@link ErrorCode#NO_DOMAIN} when there is none. Must be thread-safe.
 */
@ConsumerType
public interface DriverConnection extends DriverCallGroups {

    /** libvirt's "not supported" error for the libvirt function {@code function}. */
    static VirtException unsupported(String function) {
        // libvirt reports it from its public entry points, whose error domain is VIR_FROM_DOMAIN
        // for host and domain functions alike (virNodeGetMemoryStats, virDomainBlockPeek: 20)
        return new VirtException(ErrorCode.NO_SUPPORT, ErrorDomain.DOMAIN, function);
    }

    String type() throws VirtException;

    long hypervisorVersion() throws VirtException;

    default String hostname() throws VirtException {
        throw unsupported("virConnectGetHostname");
    }

    default String capabilities() throws VirtException {
        throw unsupported("virConnectGetCapabilities");
    }

    default NodeInfo nodeInfo() throws VirtException {
        throw unsupported("virNodeGetInfo");
    }

    /** {@code virConnectGetDomainCapabilities}: see {@code Connection#domainCapabilities}. */
    default String domainCapabilities(String emulatorBin, String arch, String machine, String virtType, int flags)
            throws VirtException {
        throw unsupported("virConnectGetDomainCapabilities");
    }

    default int maxVcpus(String type) throws VirtException {
        throw unsupported("virConnectGetMaxVcpus");
    }

    /** Domains matching a mask of {@link org.jvirt.api.ListFlag}; 0 means all. */
    List<DomainRef> listAllDomains(int flags) throws VirtException;

    DomainRef lookupByName(String name) throws VirtException;

    DomainRef lookupByUuid(UUID uuid) throws VirtException;

    DomainRef lookupById(int id) throws VirtException;

    /**
     * {@code Connection#domainHandle}: a reference to the domain {@code uuid} made without a round
     * trip to the hypervisor, for a driver each of whose calls finds its domain by UUID and fails
     * with {@link org.jvirt.api.ErrorCode#NO_DOMAIN} (libvirt's message) when it does not exist, as
     * libvirt's drivers look their domain up in every API call. Empty (the default): the core looks
     * the domain up ({@link #lookupByUuid}) before the first call made with the handle.
     *
     * @since 1.10
     */
    default Optional<DomainRef> domainHandle(String name, UUID uuid, int id) throws VirtException {
        return Optional.empty();
    }

    default DomainRef defineXml(String xml, int flags) throws VirtException {
        throw unsupported("virDomainDefineXMLFlags");
    }

    default DomainRef createXml(String xml, int flags) throws VirtException {
        throw unsupported("virDomainCreateXML");
    }

    default String domainXmlToNative(String nativeFormat, String xml, int flags) throws VirtException {
        throw unsupported("virConnectDomainXMLToNative");
    }

    default String domainXmlFromNative(String nativeFormat, String nativeConfig, int flags) throws VirtException {
        throw unsupported("virConnectDomainXMLFromNative");
    }

    /** Sets where this connection delivers lifecycle events; null stops delivery. */
    default void setEventSink(DomainEventSink sink) {
    }

    String osType(DomainRef dom) throws VirtException;

    DomainStateInfo state(DomainRef dom) throws VirtException;

    DomainInfo info(DomainRef dom) throws VirtException;

    boolean isPersistent(DomainRef dom) throws VirtException;

    default void create(DomainRef dom, int flags) throws VirtException {
        throw unsupported("virDomainCreateWithFlags");
    }

    default void destroy(DomainRef dom, int flags) throws VirtException {
        throw unsupported("virDomainDestroyFlags");
    }

    default void shutdown(DomainRef dom, int flags) throws VirtException {
        throw unsupported("virDomainShutdownFlags");
    }

    default void reboot(DomainRef dom, int flags) throws VirtException {
        throw unsupported("virDomainReboot");
    }

    /** Resets the running guest at once ({@code virDomainReset}); the core has checked read-only access. */
    default void reset(DomainRef dom, int flags) throws VirtException {
        throw unsupported("virDomainReset");
    }

    default void suspend(DomainRef dom) throws VirtException {
        throw unsupported("virDomainSuspend");
    }

    default void resume(DomainRef dom) throws VirtException {
        throw unsupported("virDomainResume");
    }

    default void undefine(DomainRef dom, int flags) throws VirtException {
        throw unsupported("virDomainUndefineFlags");
    }

    String xmlDesc(DomainRef dom, int flags) throws VirtException;

    default boolean autostart(DomainRef dom) throws VirtException {
        throw unsupported("virDomainGetAutostart");
    }

    default void setAutostart(DomainRef dom, boolean autostart) throws VirtException {
        throw unsupported("virDomainSetAutostart");
    }

    default List<VcpuInfo> vcpuInfo(DomainRef dom) throws VirtException {
        throw unsupported("virDomainGetVcpus");
    }

    default List<BitSet> vcpuPinInfo(DomainRef dom, int flags) throws VirtException {
        throw unsupported("virDomainGetVcpuPinInfo");
    }

    default void pinVcpu(DomainRef dom, int vcpu, BitSet cpumap, int flags) throws VirtException {
        throw unsupported("virDomainPinVcpuFlags");
    }

    /**
     * libvirt's {@code domainPinVcpu} entry, {@code virDomainPinVcpu} without flags: each driver
     * decides what it affects (libvirt's QEMU driver: the live guest; its test driver: flags 0).
     */
    default void pinVcpu(DomainRef dom, int vcpu, BitSet cpumap) throws VirtException {
        throw unsupported("virDomainPinVcpu");
    }

    /**
     * Opens a console of the running domain (see {@code Domain.openConsole}); the core has checked
     * the flags and the read-only state.
     */
    default Stream openConsole(DomainRef dom, String devName, int flags) throws VirtException {
        throw unsupported("virDomainOpenConsole");
    }

    default SchedulerType schedulerType(DomainRef dom) throws VirtException {
        throw unsupported("virDomainGetSchedulerType");
    }

    default List<TypedParameter> schedulerParameters(DomainRef dom, int flags) throws VirtException {
        throw unsupported("virDomainGetSchedulerParametersFlags");
    }

    default void setSchedulerParameters(DomainRef dom, List<TypedParameter> params, int flags)
            throws VirtException {
        throw unsupported("virDomainSetSchedulerParametersFlags");
    }

    default List<TypedParameter> memoryParameters(DomainRef dom, int flags) throws VirtException {
        throw unsupported("virDomainGetMemoryParameters");
    }

    default void setMemoryParameters(DomainRef dom, List<TypedParameter> params, int flags)
            throws VirtException {
        throw unsupported("virDomainSetMemoryParameters");
    }

    default List<TypedParameter> blkioParameters(DomainRef dom, int flags) throws VirtException {
        throw unsupported("virDomainGetBlkioParameters");
    }

    default void setBlkioParameters(DomainRef dom, List<TypedParameter> params, int flags)
            throws VirtException {
        throw unsupported("virDomainSetBlkioParameters");
    }

    default void setMemory(DomainRef dom, long kib, int flags) throws VirtException {
        throw unsupported("virDomainSetMemoryFlags");
    }

    default void setVcpus(DomainRef dom, int count, int flags) throws VirtException {
        throw unsupported("virDomainSetVcpusFlags");
    }

    default int vcpusCount(DomainRef dom, int flags) throws VirtException {
        throw unsupported("virDomainGetVcpusFlags");
    }

    default List<MemoryStat> memoryStats(DomainRef dom, int flags) throws VirtException {
        throw unsupported("virDomainMemoryStats");
    }

    default InterfaceStats interfaceStats(DomainRef dom, String device) throws VirtException {
        throw unsupported("virDomainInterfaceStats");
    }

    default List<DomainInterface> interfaceAddresses(DomainRef dom, int source, int flags) throws VirtException {
        throw unsupported("virDomainInterfaceAddresses");
    }

    /** Runs a command in a container's namespaces; libvirt's function is {@code virDomainLxcOpenNamespace}. */
    default NamespaceCommandResult lxcEnterNamespace(DomainRef dom, List<String> command, int flags)
            throws VirtException {
        throw unsupported("virDomainLxcOpenNamespace");
    }

    /** Opens a container's namespaces ({@code virDomainLxcOpenNamespace}); the caller closes the result. */
    default NamespaceDescriptors lxcOpenNamespace(DomainRef dom, int flags) throws VirtException {
        throw unsupported("virDomainLxcOpenNamespace");
    }

    /** {@code signum} is a {@link org.jvirt.api.ProcessSignal} number, not yet checked for its range. */
    default void sendProcessSignal(DomainRef dom, long pid, int signum, int flags) throws VirtException {
        throw unsupported("virDomainSendProcessSignal");
    }

    default void setMemoryStatsPeriod(DomainRef dom, int period, int flags) throws VirtException {
        throw unsupported("virDomainSetMemoryStatsPeriod");
    }

    /** {@code keycodes}: 1 to 16 codes of the {@link org.jvirt.api.KeycodeSet} {@code codeset} (checked by the core). */
    default void sendKey(DomainRef dom, int codeset, int holdtime, int[] keycodes, int flags) throws VirtException {
        throw unsupported("virDomainSendKey");
    }

    default BitSet emulatorPinInfo(DomainRef dom, int flags) throws VirtException {
        throw unsupported("virDomainGetEmulatorPinInfo");
    }

    default void pinEmulator(DomainRef dom, BitSet cpumap, int flags) throws VirtException {
        throw unsupported("virDomainPinEmulator");
    }

    default SecurityModel securityModel() throws VirtException {
        throw unsupported("virNodeGetSecurityModel");
    }

    default SecurityLabel securityLabel(DomainRef dom) throws VirtException {
        throw unsupported("virDomainGetSecurityLabel");
    }

    default List<SecurityLabel> securityLabels(DomainRef dom) throws VirtException {
        throw unsupported("virDomainGetSecurityLabelList");
    }

    /**
     * Statistics of {@code domains}, or of every domain matching {@code flags} when null
     * ({@code virConnectGetAllDomainStats} / {@code virDomainListGetStats}). The core passes the
     * refs it holds without looking them up (handles included): the driver finds each domain by UUID
     * and leaves out one that does not exist, as libvirt's drivers do ({@code virDomainObjListConvert}
     * with {@code skip_missing}).
     */
    default List<DomainStatsRecord> domainStats(List<DomainRef> domains, int stats, int flags)
            throws VirtException {
        throw unsupported("virConnectGetAllDomainStats");
    }

    /**
     * True while the driver can serve this connection. The core asks before every call and opens
     * a new connection when this turns false, so it must be cheap (a flag, no I/O). Never throws.
     */
    default boolean isAlive() {
        return true;
    }

    /** Releases what the connection holds. Never throws; idempotent. */
    void close();

    // ---- secrets: libvirt's secondary secret driver of a connection ----

    /**
     * Whether this connection's secret calls go to the host's shared {@link SecretDriver}, as they
     * do for libvirt's local stateful drivers (QEMU, LXC). The default is true; a driver without
     * secrets answers false (libvirt's test driver: its secret calls fail with NO_SUPPORT).
     * Ignored when {@link #ownSecrets()} gives a connection.
     */
    default boolean usesSharedSecrets() {
        return true;
    }

    /**
     * This connection's own secret driver, for a driver that has one (the remote driver: the
     * secrets of the daemon it talks to); empty (the default) otherwise.
     */
    default Optional<SecretDriverConnection> ownSecrets() {
        return Optional.empty();
    }

    // ---- networks: libvirt's secondary network driver of a connection ----

    /**
     * Whether this connection's network calls go to the host's shared {@link NetworkDriver}, as they
     * do for libvirt's local stateful drivers (QEMU, LXC). The default is true; a driver without
     * networks answers false (its network calls fail with NO_SUPPORT). Ignored when
     * {@link #ownNetworks()} gives a connection.
     */
    default boolean usesSharedNetworks() {
        return true;
    }

    // ---- storage: libvirt's secondary storage driver of a connection ----

    /**
     * Whether this connection's storage calls go to the host's shared {@link StorageDriver}, as they
     * do for libvirt's local stateful drivers (QEMU, LXC). The default is true; a driver without
     * storage answers false (its storage calls fail with NO_SUPPORT). Ignored when
     * {@link #ownStorage()} gives a connection.
     */
    default boolean usesSharedStorage() {
        return true;
    }

    // This connection's own network and storage drivers, for a driver that has them (the remote
    // driver: those of the daemon it talks to); empty (the default) otherwise.

    default Optional<NetworkDriverConnection> ownNetworks() {
        return Optional.empty();
    }

    default Optional<StorageDriverConnection> ownStorage() {
        return Optional.empty();
    }
}
