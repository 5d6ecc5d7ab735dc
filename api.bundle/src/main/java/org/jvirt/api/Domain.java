package org.jvirt.api;

import java.util.BitSet;
import java.util.List;
import java.util.UUID;

import org.osgi.annotation.versioning.ProviderType;

/**
 * A domain (virtual machine) of a {@link Connection}. libvirt's {@code virDomainPtr}.
 * <p>
 * A domain object names its domain by UUID: it stays usable while drivers are replaced, and every
 * call reads the current state from the driver. Methods throw {@link VirtException};
 * {@link ErrorCode#NO_DOMAIN} once the domain is gone, {@link ErrorCode#OPERATION_INVALID} when
 * the domain is not in a state that allows the operation.
 */
@ProviderType
public interface Domain extends DomainSnapshots {

    Connection connection();

    String name();

    UUID uuid();

    /** The ID of the running domain, -1 when it is inactive. */
    int id() throws VirtException;

    /**
     * The ID this domain object was found with, without asking the driver again: what the lookup,
     * listing or definition that returned it reported (-1 for an inactive domain), as libvirt's
     * {@code virDomainPtr} keeps it and libvirtd sends it with every domain it returns. It does not
     * follow later changes: once a call through this object may have changed the domain, or for a
     * {@link Connection#domainHandle handle}, it is {@link #id()}. The default is {@link #id()}.
     *
     * @since 1.9
     */
    default int foundId() throws VirtException {
        return id();
    }

    /** The guest OS type ({@code hvm}, {@code linux}, {@code exe}). */
    String osType() throws VirtException;

    DomainStateInfo state() throws VirtException;

    DomainInfo info() throws VirtException;

    boolean isActive() throws VirtException;

    boolean isPersistent() throws VirtException;

    /** Starts a defined domain; {@code flags} is a mask of {@link CreateFlag}. */
    void create(int flags) throws VirtException;

    /** Stops the domain at once. */
    void destroy(int flags) throws VirtException;

    /** Asks the guest to shut down. */
    void shutdown(int flags) throws VirtException;

    void reboot(int flags) throws VirtException;

    /**
     * Resets the running guest at once, as the reset button of a machine: no guest shutdown
     * ({@code virDomainReset}). {@code flags} must be 0.
     *
     * @throws VirtException {@link ErrorCode#OPERATION_INVALID} when the domain is not running
     */
    void reset(int flags) throws VirtException;

    void suspend() throws VirtException;

    void resume() throws VirtException;

    /** Removes the persistent definition; an active domain becomes transient. */
    void undefine(int flags) throws VirtException;

    /** The domain XML; {@code flags} is a mask of {@link XmlFlag}. */
    String xmlDesc(int flags) throws VirtException;

    boolean autostart() throws VirtException;

    void setAutostart(boolean autostart) throws VirtException;

    /** One entry per online vCPU, as {@code virsh vcpuinfo}. */
    List<VcpuInfo> vcpuInfo() throws VirtException;

    /** The pinning of every vCPU; {@code flags} is a mask of {@link ModificationFlag}. */
    List<BitSet> vcpuPinInfo(int flags) throws VirtException;

    /** Pins vCPU {@code vcpu} to the host CPUs in {@code cpumap}; flags of {@link ModificationFlag}. */
    void pinVcpu(int vcpu, BitSet cpumap, int flags) throws VirtException;

    /**
     * libvirt's {@code virDomainPinVcpu}, the call without flags: which definition it affects is the
     * driver's choice, as in libvirt (the QEMU driver pins the running guest only, and refuses a
     * shut-off one with {@link ErrorCode#OPERATION_INVALID}; the test driver pins the current state).
     */
    void pinVcpu(int vcpu, BitSet cpumap) throws VirtException;

    /**
     * Opens the guest's console (libvirt's {@code virDomainOpenConsole}): a stream carrying what the
     * guest writes to it and taking what it should read.
     *
     * @param devName the alias of the console, serial or channel ({@code serial0}, {@code console0});
     *                null for the first console
     * @param flags   a mask of {@link ConsoleFlag}
     * @throws VirtException {@link ErrorCode#OPERATION_INVALID} when the domain is not running;
     *         {@link ErrorCode#OPERATION_FAILED} "Active console session exists for this domain"
     *         while another stream holds it and {@link ConsoleFlag#FORCE} is not given
     */
    Stream openConsole(String devName, int flags) throws VirtException;

    /** The scheduler and how many parameters it has ({@code virDomainGetSchedulerType}). */
    SchedulerType schedulerType() throws VirtException;

    /** Scheduler parameters ({@code cpu_shares}, {@code vcpu_quota}, ...); flags of {@link ModificationFlag}. */
    List<TypedParameter> schedulerParameters(int flags) throws VirtException;

    /** Changes scheduler parameters; flags of {@link ModificationFlag}. */
    void setSchedulerParameters(List<TypedParameter> params, int flags) throws VirtException;

    /** Memory tunables ({@code hard_limit}, {@code soft_limit}, {@code swap_hard_limit}, in KiB). */
    List<TypedParameter> memoryParameters(int flags) throws VirtException;

    /** Changes memory tunables; flags of {@link ModificationFlag}. */
    void setMemoryParameters(List<TypedParameter> params, int flags) throws VirtException;

    /** Block I/O tunables ({@code weight}, per-device settings). */
    List<TypedParameter> blkioParameters(int flags) throws VirtException;

    /** Changes block I/O tunables; flags of {@link ModificationFlag}. */
    void setBlkioParameters(List<TypedParameter> params, int flags) throws VirtException;

    // ---- interface bandwidth (virsh domiftune) ----

    /** libvirt's {@code VIR_DOMAIN_BANDWIDTH_*} parameter names, all {@link ParameterType#UINT}: kB/s, burst kB. */
    String BANDWIDTH_IN_AVERAGE = "inbound.average";
    String BANDWIDTH_IN_PEAK = "inbound.peak";
    String BANDWIDTH_IN_BURST = "inbound.burst";
    String BANDWIDTH_IN_FLOOR = "inbound.floor";
    String BANDWIDTH_OUT_AVERAGE = "outbound.average";
    String BANDWIDTH_OUT_PEAK = "outbound.peak";
    String BANDWIDTH_OUT_BURST = "outbound.burst";

    /**
     * The {@code <bandwidth>} of one interface, named by host device ({@code <target dev>}) or MAC
     * address, as the {@code BANDWIDTH_*} parameters ({@code virDomainGetInterfaceParameters}); flags
     * of {@link ModificationFlag}.
     *
     * @throws VirtException INVALID_ARG "'x' is not a known interface"; NO_SUPPORT from drivers without it
     * @since 1.10
     */
    List<TypedParameter> interfaceParameters(String device, int flags) throws VirtException;

    /**
     * How many parameters {@link #interfaceParameters} returns: libvirt's call with {@code nparams} 0,
     * which the drivers answer before (test) or without (QEMU) looking the device up.
     *
     * @since 1.10
     */
    int interfaceParameterCount(String device, int flags) throws VirtException;

    /**
     * Changes an interface's {@code <bandwidth>} ({@code virDomainSetInterfaceParameters}): an
     * average (or inbound floor) of 0 removes that direction; flags of {@link ModificationFlag}.
     * Refused on a read-only connection.
     *
     * @since 1.10
     */
    void setInterfaceParameters(String device, List<TypedParameter> params, int flags) throws VirtException;

    /**
     * Sets the current memory (balloon) or, with {@link MemoryFlag#MAXIMUM}, the maximum memory, in
     * KiB; flags of {@link ModificationFlag} and {@link MemoryFlag} ({@code virDomainSetMemoryFlags}).
     */
    void setMemory(long kib, int flags) throws VirtException;

    /** Sets the vCPU count; flags of {@link ModificationFlag} and {@link VcpuFlag}. */
    void setVcpus(int count, int flags) throws VirtException;

    /** The vCPU count; flags of {@link ModificationFlag} and {@link VcpuFlag} ({@code virDomainGetVcpusFlags}). */
    int vcpusCount(int flags) throws VirtException;

    /** Memory statistics of the running domain ({@code virDomainMemoryStats}). */
    List<MemoryStat> memoryStats(int flags) throws VirtException;

    /**
     * The traffic counters of one interface of the running domain, named by its host device
     * ({@code <target dev>}) or its MAC address ({@code virDomainInterfaceStats}).
     *
     * @throws VirtException INVALID_ARG "'x' is not a known interface"; OPERATION_INVALID when the
     *         domain is not running
     */
    InterfaceStats interfaceStats(String device) throws VirtException;

    /**
     * The I/O counters of one disk of the running domain, named by its target ({@code vda}) or its
     * source path ({@code virDomainBlockStats}).
     *
     * @throws VirtException INVALID_ARG "invalid path: x" for a disk the domain does not have;
     *         OPERATION_INVALID when the domain is not running
     */
    BlockStats blockStats(String disk) throws VirtException;

    /**
     * The I/O counters of one disk, or of all disks together when {@code disk} is empty, as typed
     * parameters named as libvirt's {@code VIR_DOMAIN_BLOCK_STATS_*} ({@code rd_operations},
     * {@code rd_bytes}, {@code wr_total_times}, ...) ({@code virDomainBlockStatsFlags}); flags of
     * {@code VIR_TYPED_PARAM_STRING_OKAY} only.
     */
    List<TypedParameter> blockStatsParameters(String disk, int flags) throws VirtException;

    /**
     * The IP addresses of the running domain's interfaces ({@code virDomainInterfaceAddresses}), from
     * {@code source}, an {@link InterfaceAddressSource} value; {@link InterfaceAddressSource#AGENT} needs
     * a writable connection. Interfaces without an address are left out for the lease source.
     *
     * @throws VirtException OPERATION_INVALID when the domain is not running; ARGUMENT_UNSUPPORTED for a
     *         source the driver does not know or cannot use
     */
    List<DomainInterface> interfaceAddresses(int source, int flags) throws VirtException;

    /**
     * Runs {@code command} inside the running container's namespaces (mount, UTS, IPC, network,
     * PID, cgroup and, with {@code <idmap>}, user), as its root user in its root and working folder,
     * with an empty standard input, and waits until it ends: libvirt's
     * {@code virDomainLxcOpenNamespace} plus {@code virDomainLxcEnterNamespace}, which a Java
     * process cannot do to itself (a JVM cannot move its threads into another mount namespace).
     *
     * @param command the program (a path inside the container, or a name found on the container's
     *                {@code /bin:/sbin:/usr/bin:/usr/sbin}) and its arguments
     * @param flags   must be 0
     * @throws VirtException OPERATION_INVALID when the domain is not running; NO_SUPPORT from
     *         drivers without containers
     */
    NamespaceCommandResult lxcEnterNamespace(List<String> command, int flags) throws VirtException;

    /**
     * Opens the namespaces of the running container's init ({@code virDomainLxcOpenNamespace}):
     * {@code /proc/PID/ns/} {@code user}, {@code ipc}, {@code mnt}, {@code net}, {@code pid} and
     * {@code uts}, those that can be opened, in that order. The caller owns the result and closes it.
     *
     * @param flags must be 0
     * @throws VirtException OPERATION_INVALID when the domain is not running; OPERATION_DENIED on a
     *         read-only connection; NO_SUPPORT from drivers without containers
     */
    NamespaceDescriptors lxcOpenNamespace(int flags) throws VirtException;

    /**
     * Sends a signal to a process of the domain ({@code virDomainSendProcessSignal}).
     *
     * @param pid    the process id as the guest sees it (the LXC driver: only 1, the init)
     * @param signum a {@link ProcessSignal} number
     * @param flags  must be 0
     * @throws VirtException INVALID_ARG for pid 0 or a signal number out of range
     */
    void sendProcessSignal(long pid, int signum, int flags) throws VirtException;

    /**
     * Sets how often the guest's balloon driver reports memory statistics, in seconds; 0 turns the
     * reports off ({@code virDomainSetMemoryStatsPeriod}). Flags of {@link ModificationFlag}.
     *
     * @throws VirtException INVALID_ARG for a negative period
     */
    void setMemoryStatsPeriod(int period, int flags) throws VirtException;

    /**
     * Saves the running domain's memory and device state to the file {@code to} on the hypervisor's
     * host and stops it ({@code virDomainSave}); {@link Connection#restore} starts it again from the
     * file. A relative {@code to} is made absolute against this process's working directory, as
     * libvirt's client library does.
     *
     * @throws VirtException OPERATION_DENIED on a read-only connection, INVALID_ARG for a null
     *                       {@code to}, OPERATION_INVALID when the domain is not running
     * @since 1.11
     */
    void save(String to) throws VirtException;

    /**
     * {@code virDomainSaveFlags}: {@link #save} with {@code dxml}, a definition to store in the image
     * instead of the domain's (null for none; drivers check that the guest ABI is the same), and
     * {@link SaveRestoreFlag}s (RUNNING and PAUSED exclude each other).
     *
     * @since 1.11
     */
    void saveFlags(String to, String dxml, int flags) throws VirtException;

    /**
     * Saves the running domain's memory to an image the host manages and stops it; the next start
     * resumes from the image ({@code virDomainManagedSave}).
     *
     * @param flags must be 0 (jvirt's drivers take none of libvirt's bypass-cache/running/paused flags yet)
     * @throws VirtException OPERATION_INVALID when the domain is not running
     */
    void managedSave(int flags) throws VirtException;

    /** Whether the domain has a managed save image ({@code virDomainHasManagedSaveImage}); flags must be 0. */
    boolean hasManagedSaveImage(int flags) throws VirtException;

    /**
     * Discards the managed save image; the next start boots afresh ({@code virDomainManagedSaveRemove}).
     *
     * @throws VirtException OPERATION_INVALID when there is none (the Hyper-V driver), flags must be 0
     */
    void managedSaveRemove(int flags) throws VirtException;

    /**
     * Presses the keys together, holds them {@code holdtime} milliseconds and releases them
     * ({@code virDomainSendKey}).
     *
     * @param codeset  a {@link KeycodeSet} number, the set the codes are in
     * @param holdtime milliseconds between press and release (0: the driver's default)
     * @param keycodes 1 to {@link #SEND_KEY_MAX_KEYS} codes
     * @param flags    must be 0
     * @throws VirtException INVALID_ARG for no codes or more than 16
     */
    void sendKey(int codeset, int holdtime, int[] keycodes, int flags) throws VirtException;

    /** libvirt's {@code VIR_DOMAIN_SEND_KEY_MAX_KEYS}. */
    int SEND_KEY_MAX_KEYS = 16;

    // ---- devices: attach, detach, update ----

    /**
     * Adds the device described by {@code xml} to the running domain ({@code virDomainAttachDevice}:
     * the driver's {@link ModificationFlag#LIVE}).
     *
     * @throws VirtException INVALID_ARG for a null xml, OPERATION_DENIED on a read-only connection
     */
    void attachDevice(String xml) throws VirtException;

    /**
     * Adds the device described by {@code xml} ({@code virDomainAttachDeviceFlags}); flags of
     * {@link ModificationFlag} (none: the domain's current state), libvirt's other
     * {@code VIR_DOMAIN_AFFECT_*}/device-modify bits pass through to the driver, which checks them.
     */
    void attachDeviceFlags(String xml, int flags) throws VirtException;

    /** Removes the device {@code xml} describes from the running domain ({@code virDomainDetachDevice}). */
    void detachDevice(String xml) throws VirtException;

    /** Removes the device {@code xml} describes ({@code virDomainDetachDeviceFlags}); flags as for attach. */
    void detachDeviceFlags(String xml, int flags) throws VirtException;

    /**
     * Changes a device in place, e.g. a cdrom's medium ({@code virDomainUpdateDeviceFlags}); flags
     * of {@link ModificationFlag} and libvirt's {@code VIR_DOMAIN_DEVICE_MODIFY_FORCE} (4).
     */
    void updateDeviceFlags(String xml, int flags) throws VirtException;

    /** The host CPUs the emulator threads may run on; flags of {@link ModificationFlag}. */
    BitSet emulatorPinInfo(int flags) throws VirtException;

    /** Pins the emulator threads to {@code cpumap}; flags of {@link ModificationFlag}. */
    void pinEmulator(BitSet cpumap, int flags) throws VirtException;

    /** The running domain's security label from the first security driver ({@code virDomainGetSecurityLabel}). */
    SecurityLabel securityLabel() throws VirtException;

    /** The domain's labels from every security driver ({@code virDomainGetSecurityLabelList}). */
    List<SecurityLabel> securityLabels() throws VirtException;
}
