package org.jvirt.core.internal;

import java.util.Set;

/**
 * Which driver calls the core may send again to a replacement driver when the driver serving a
 * call went away during it (issue 8, section 3). The one place that says so, by libvirt function
 * name; a function not listed here is never repeated.
 * <p>
 * Repeatable: calls that only read (lookups, lists, getters, the XML), and calls that set a value
 * rather than make a transition, so that doing them twice leaves what doing them once leaves
 * (autostart on/off, a vCPU's pinning, the event sink). Not repeatable: every transition (define,
 * create, start, destroy, shutdown, reboot, suspend, resume, undefine), which may already have
 * happened in the old driver; repeating them would run a guest twice, or report "is not running"
 * for a destroy that worked. For those the caller gets the outcome if the replacement shows it
 * (see {@link Outcome}), else libvirt's OPERATION_FAILED saying the outcome is unknown.
 */
final class RepeatableCalls {
    private static final Set<String> REPEATABLE = Set.of(
            // the connection and the host
            "virConnectGetType",
            "virConnectGetVersion",
            "virConnectGetHostname",
            "virConnectGetCapabilities",
            "virConnectGetDomainCapabilities",
            "virNodeGetInfo",
            "virConnectGetMaxVcpus",
            "virConnectListAllDomains",
            "virConnectDomainXMLToNative", "virConnectDomainXMLFromNative",
            "virConnectDomainEventRegisterAny",
            // finding a domain
            "virDomainLookupByName",
            "virDomainLookupByUUID",
            "virDomainLookupByID",
            // reading a domain
            "virDomainGetID",
            "virDomainGetOSType",
            "virDomainGetState",
            "virDomainGetInfo",
            "virDomainIsActive",
            "virDomainIsPersistent",
            "virDomainGetXMLDesc",
            "virDomainGetAutostart",
            "virDomainGetVcpus",
            "virDomainGetVcpuPinInfo",
            "virDomainInterfaceStats",
            "virDomainBlockStats",
            "virDomainBlockStatsFlags",
            "virDomainInterfaceAddresses",
            // setting a value: the same call twice leaves the same state
            "virDomainSetAutostart",
            "virDomainPinVcpu",
            "virDomainPinVcpuFlags",
            // secrets: reads, and setting a value (the same value twice leaves the same state)
            // snapshots: reads
            "virDomainListAllSnapshots", "virDomainSnapshotNum", "virDomainSnapshotListNames",
            "virDomainSnapshotLookupByName", "virDomainHasCurrentSnapshot", "virDomainSnapshotCurrent",
            "virDomainSnapshotGetXMLDesc", "virDomainSnapshotGetParent", "virDomainSnapshotIsCurrent",
            "virDomainSnapshotHasMetadata", "virDomainSnapshotListAllChildren",
            "virConnectListAllSecrets",
            "virConnectNumOfSecrets",
            "virSecretLookupByUUID",
            "virSecretLookupByUsage",
            "virSecretGetXMLDesc",
            "virSecretGetValue",
            "virConnectSecretEventRegisterAny",
            // networks: reads, and setting autostart
            "virConnectListAllNetworks",
            "virConnectNumOfNetworks",
            "virConnectNumOfDefinedNetworks",
            "virNetworkLookupByName",
            "virNetworkLookupByUUID",
            "virNetworkGetXMLDesc",
            "virNetworkGetBridgeName",
            "virNetworkIsActive",
            "virNetworkIsPersistent",
            "virNetworkGetAutostart",
            "virNetworkSetAutostart",
            "virNetworkGetDHCPLeases",
            "virConnectNetworkEventRegisterAny");

    private RepeatableCalls() {
    }

    /** True when {@code function} may be sent again to the replacement of a driver that went away during it. */
    static boolean isRepeatable(String function) {
        return REPEATABLE.contains(function);
    }
}
