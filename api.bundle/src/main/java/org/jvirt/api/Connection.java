package org.jvirt.api;

import java.util.List;
import java.util.UUID;

import org.osgi.annotation.versioning.ProviderType;

/**
 * A connection to a hypervisor, opened by URI through {@link ConnectionFactory}. libvirt's
 * {@code virConnectPtr}.
 * <p>
 * Thread-safe. A connection stays valid while the driver behind it is stopped, updated or replaced:
 * calls made while no driver serves its URI wait a bounded time for one, then fail with
 * {@link ErrorCode#NO_CONNECT}. Every method throws {@link VirtException} with libvirt's code for
 * what went wrong; {@link ErrorCode#NO_SUPPORT} when the driver does not support the operation
 * and {@link ErrorCode#OPERATION_DENIED} for a change on a read-only connection.
 */
@ProviderType
public interface Connection extends AutoCloseable {

    /** The URI this connection was opened with. */
    ConnectUri uri();

    /** True when opened with {@link OpenFlag#READ_ONLY}. */
    boolean isReadOnly();

    /** The hypervisor type, as {@code virConnectGetType} answers it ({@code TEST} for the test driver, {@code QEMU}). */
    String type() throws VirtException;

    /** Hypervisor version as {@code major * 1,000,000 + minor * 1,000 + micro}. */
    long hypervisorVersion() throws VirtException;

    /** jvirt's libvirt-compatible library version, encoded as {@link #hypervisorVersion()}. */
    long libVersion() throws VirtException;

    String hostname() throws VirtException;

    /** The capabilities XML, as {@code virsh capabilities} prints it. */
    String capabilities() throws VirtException;

    NodeInfo nodeInfo() throws VirtException;

    /**
     * The domain capabilities XML, as {@code virsh domcapabilities} prints it: what a guest of one
     * emulator, architecture, machine type and virtualization type may use. Any argument may be
     * null for the driver's default (the host's architecture, its emulator for it, the emulator's
     * preferred machine, the best virtualization type available).
     *
     * @param emulatorBin the emulator binary, or null
     * @param arch        the guest architecture ({@code x86_64}), or null
     * @param machine     the machine type (an alias such as {@code q35} is made canonical), or null
     * @param virtType    the virtualization type ({@code kvm}, {@code qemu}), or null
     * @param flags       none defined yet: 0
     * @throws VirtException {@link ErrorCode#INVALID_ARG} for an unknown architecture or virt type,
     *                       one the emulator does not serve, or a machine it does not have;
     *                       {@link ErrorCode#NO_SUPPORT} when the driver has no domain capabilities
     * @since 1.6
     */
    String domainCapabilities(String emulatorBin, String arch, String machine, String virtType, int flags)
            throws VirtException;

    /** Maximum vCPUs of a guest of {@code type} (null for the driver's default). */
    int maxVcpus(String type) throws VirtException;

    /** All domains matching {@code flags} (a mask of {@link ListFlag}); 0 lists all. */
    List<Domain> listAllDomains(int flags) throws VirtException;

    /** @throws VirtException {@link ErrorCode#NO_DOMAIN} when no domain has that name */
    Domain lookupByName(String name) throws VirtException;

    /** @throws VirtException {@link ErrorCode#NO_DOMAIN} when no domain has that UUID */
    Domain lookupByUuid(UUID uuid) throws VirtException;

    /** @throws VirtException {@link ErrorCode#NO_DOMAIN} when no running domain has that ID */
    Domain lookupById(int id) throws VirtException;

    /**
     * A handle on the domain {@code uuid} made without asking whether it exists: libvirt's
     * {@code virGetDomain}, as libvirtd makes one from the name, UUID and ID a remote call sends
     * ({@code get_nonnull_domain}). Each call on the handle finds its domain (by UUID) and fails as
     * the driver reports a domain that does not exist ({@link ErrorCode#NO_DOMAIN}, the driver's
     * message), so a handle saves the lookup a call would otherwise make first. {@code name} is
     * what {@link Domain#name()} answers; {@code id} is only a hint (the handle's
     * {@link Domain#id()} asks the driver). The default looks the domain up ({@link #lookupByUuid}).
     *
     * @since 1.9
     */
    default Domain domainHandle(String name, UUID uuid, int id) throws VirtException {
        return lookupByUuid(uuid);
    }

    /** Defines (or redefines) a persistent domain; {@code flags} is a mask of {@link DefineFlag}. */
    Domain defineXml(String xml, int flags) throws VirtException;

    /** Creates and starts a transient domain; {@code flags} is a mask of {@link CreateFlag}. */
    Domain createXml(String xml, int flags) throws VirtException;

    /**
     * Starts a domain from the image {@link Domain#save} wrote to {@code from} ({@code virDomainRestore});
     * a relative path is made absolute against this process's working directory.
     *
     * @throws VirtException OPERATION_DENIED on a read-only connection, INVALID_ARG for a null path,
     *                       OPERATION_INVALID when a domain of the image's UUID is active, and the
     *                       driver's error for a file that is not a save image
     * @since 1.11
     */
    void restore(String from) throws VirtException;

    /**
     * {@code virDomainRestoreFlags}: {@link #restore} with {@code dxml}, a definition to start instead
     * of the image's (null for none; drivers check that the guest ABI is the same), and
     * {@link SaveRestoreFlag}s (RUNNING and PAUSED exclude each other).
     *
     * @since 1.11
     */
    void restoreFlags(String from, String dxml, int flags) throws VirtException;

    /**
     * The domain XML stored in the save image {@code file} ({@code virDomainSaveImageGetXMLDesc});
     * flags: {@link XmlFlag#SECURE}. Refused on a read-only connection, as libvirt 9.0 does.
     *
     * @since 1.11
     */
    String saveImageXmlDesc(String file, int flags) throws VirtException;

    /**
     * Replaces the domain XML stored in the save image {@code file} ({@code virDomainSaveImageDefineXML});
     * flags: {@link SaveRestoreFlag#RUNNING} or {@link SaveRestoreFlag#PAUSED} to change how a restore
     * starts the guest, where the driver keeps that in the image.
     *
     * @since 1.11
     */
    void saveImageDefineXml(String file, String dxml, int flags) throws VirtException;

    /**
     * Converts domain XML to the driver's native format ({@code qemu-argv} for QEMU), as
     * {@code virsh domxml-to-native}.
     */
    String domainXmlToNative(String nativeFormat, String xml, int flags) throws VirtException;

    /**
     * Converts a configuration in the driver's native format ({@code xen-xl}, {@code xen-xm} for
     * Xen) to domain XML, as {@code virsh domxml-from-native}.
     */
    String domainXmlFromNative(String nativeFormat, String nativeConfig, int flags) throws VirtException;

    /**
     * Registers a domain event listener for all domains of this connection: it hears lifecycle
     * events and, through {@link DomainEventListener#onReboot}, reboots.
     *
     * @return a callback id for {@link #removeLifecycleListener(int)}
     */
    int addLifecycleListener(DomainEventListener listener) throws VirtException;

    /** @throws VirtException {@link ErrorCode#INVALID_ARG} when no listener has that id */
    void removeLifecycleListener(int callbackId) throws VirtException;

    /** True while the connection is open and a driver serves it. Never throws. */
    boolean isAlive();

    /** Closes the connection; later calls fail with {@link ErrorCode#INVALID_CONN}. Idempotent. */
    @Override
    void close();

    /** The host's security model ({@code virNodeGetSecurityModel}). */
    SecurityModel securityModel() throws VirtException;

    /**
     * Statistics of every domain matching {@code flags} ({@code virConnectGetAllDomainStats}).
     *
     * @param stats a mask of {@link StatsGroup}; 0 asks for every group the driver has
     * @param flags libvirt's {@code virConnectGetAllDomainStatsFlags}
     */
    List<DomainStats> allDomainStats(int stats, int flags) throws VirtException;

    /** Statistics of the given domains of this connection ({@code virDomainListGetStats}). */
    List<DomainStats> domainStats(List<Domain> domains, int stats, int flags) throws VirtException;

    // ---- secrets (libvirt's virSecret* API, served by the secret driver the connection uses) ----

    /**
     * All secrets matching {@code flags} (a mask of {@link SecretListFlag}); 0 lists all.
     *
     * @throws VirtException {@link ErrorCode#NO_SUPPORT} when the connection has no secret driver
     *                       (libvirt's test driver has none)
     */
    List<Secret> listAllSecrets(int flags) throws VirtException;

    /** The number of secrets. */
    int numOfSecrets() throws VirtException;

    /**
     * Defines (or redefines) a secret from its XML; {@code flags} must be 0.
     *
     * @throws VirtException {@link ErrorCode#INTERNAL_ERROR} as libvirt when another secret has the
     *                       same usage, the UUID is defined for another usage, or a private secret
     *                       would become public
     */
    Secret defineSecret(String xml, int flags) throws VirtException;

    /** @throws VirtException {@link ErrorCode#NO_SECRET} when no secret has that UUID */
    Secret lookupSecretByUuid(UUID uuid) throws VirtException;

    /** @throws VirtException {@link ErrorCode#NO_SECRET} when no secret has that usage */
    Secret lookupSecretByUsage(SecretUsageType usageType, String usageId) throws VirtException;

    /**
     * Registers a listener for the secret events of this connection.
     *
     * @return a callback id for {@link #removeSecretEventListener(int)}
     */
    int addSecretEventListener(SecretEventListener listener) throws VirtException;

    /** @throws VirtException {@link ErrorCode#INVALID_ARG} when no listener has that id */
    void removeSecretEventListener(int callbackId) throws VirtException;

    // ---- networks (libvirt's virNetwork* API, served by the network driver the connection uses) ----

    /**
     * All networks matching {@code flags} (a mask of {@link NetworkListFlag}); 0 lists all.
     *
     * @throws VirtException {@link ErrorCode#NO_SUPPORT} when the connection has no network driver
     */
    List<Network> listAllNetworks(int flags) throws VirtException;

    /** The number of active networks. */
    int numOfNetworks() throws VirtException;

    /** The number of inactive (defined, not running) networks. */
    int numOfDefinedNetworks() throws VirtException;

    /**
     * Defines (or redefines) a persistent network from its XML; {@code flags} may hold
     * {@code VIR_NETWORK_DEFINE_VALIDATE} (1).
     *
     * @throws VirtException {@link ErrorCode#XML_ERROR} and others as libvirt for a bad definition,
     *                       {@link ErrorCode#OPERATION_FAILED} when another network has the name or UUID
     */
    Network defineNetwork(String xml, int flags) throws VirtException;

    /** Creates and starts a transient network; {@code flags} may hold {@code VIR_NETWORK_CREATE_VALIDATE} (1). */
    Network createNetwork(String xml, int flags) throws VirtException;

    /** @throws VirtException {@link ErrorCode#NO_NETWORK} when no network has that name */
    Network lookupNetworkByName(String name) throws VirtException;

    /** @throws VirtException {@link ErrorCode#NO_NETWORK} when no network has that UUID */
    Network lookupNetworkByUuid(UUID uuid) throws VirtException;

    /**
     * Whether the connection's network driver applies {@code virNetworkUpdate}'s command and section
     * in their documented order (libvirt's driver feature 16,
     * {@code VIR_DRV_FEATURE_NETWORK_UPDATE_HAS_CORRECT_ORDER}): true whenever the connection has a
     * network driver, as every libvirt driver with networks answers.
     */
    boolean networkUpdateHasCorrectOrder() throws VirtException;

    /**
     * A handle on a network named by a caller that already knows it (a network a client of the wire
     * names), without a lookup, as libvirt's {@code virGetNetwork}: the driver finds the network, or
     * fails with {@link ErrorCode#NO_NETWORK}, when a call uses it, after checking the call's flags.
     */
    Network network(String name, UUID uuid);

    /**
     * Registers a listener for the network lifecycle events of this connection.
     *
     * @return a callback id for {@link #removeNetworkEventListener(int)}
     */
    int addNetworkEventListener(NetworkEventListener listener) throws VirtException;

    /** @throws VirtException {@link ErrorCode#INVALID_ARG} when no listener has that id */
    void removeNetworkEventListener(int callbackId) throws VirtException;

    // ---- storage (libvirt's virStoragePool* / virStorageVol* API, served by the storage driver the connection uses) ----

    /**
     * All storage pools matching {@code flags} (a mask of {@link StoragePoolListFlag}); 0 lists all.
     *
     * @throws VirtException {@link ErrorCode#NO_SUPPORT} when the connection has no storage driver
     */
    List<StoragePool> listAllStoragePools(int flags) throws VirtException;

    /** The number of active pools. */
    int numOfStoragePools() throws VirtException;

    /** The number of inactive persistent pools. */
    int numOfDefinedStoragePools() throws VirtException;

    /** Defines (or redefines) a persistent pool from its XML; {@code flags}: {@link StoragePoolDefineFlag}. */
    StoragePool defineStoragePool(String xml, int flags) throws VirtException;

    /** Creates and starts a transient pool from its XML; {@code flags}: {@link StoragePoolCreateFlag}. */
    StoragePool createStoragePool(String xml, int flags) throws VirtException;

    /** @throws VirtException {@link ErrorCode#NO_STORAGE_POOL} when no pool has that name */
    StoragePool lookupStoragePoolByName(String name) throws VirtException;

    /** @throws VirtException {@link ErrorCode#NO_STORAGE_POOL} when no pool has that UUID */
    StoragePool lookupStoragePoolByUuid(UUID uuid) throws VirtException;

    /** The pool whose target is {@code path} (cleaned as libvirt does: repeated and trailing slashes dropped). */
    StoragePool lookupStoragePoolByTargetPath(String path) throws VirtException;

    /** A handle on a pool without a lookup, as libvirt's {@code virGetStoragePool} (see {@link #network}). */
    StoragePool storagePool(String name, UUID uuid);

    /** A handle on a volume without a lookup, as libvirt's {@code virGetStorageVol} (see {@link #network}). */
    StorageVol storageVol(String pool, String name, String key);

    /** @throws VirtException {@link ErrorCode#NO_STORAGE_VOL} when no volume of a running pool has that key */
    StorageVol lookupStorageVolByKey(String key) throws VirtException;

    /** @throws VirtException {@link ErrorCode#NO_STORAGE_VOL} when no volume of a running pool has that path */
    StorageVol lookupStorageVolByPath(String path) throws VirtException;

    /** Registers a listener for the storage pool events of this connection; returns its callback id. */
    int addStoragePoolEventListener(StoragePoolEventListener listener) throws VirtException;

    /** @throws VirtException {@link ErrorCode#INVALID_ARG} when no listener has that id */
    void removeStoragePoolEventListener(int callbackId) throws VirtException;
}
