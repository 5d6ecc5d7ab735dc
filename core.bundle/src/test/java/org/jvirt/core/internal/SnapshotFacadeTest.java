package org.jvirt.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;

import org.jvirt.api.Connection;
import org.jvirt.api.Domain;
import org.jvirt.api.DomainSnapshot;
import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.Flag;
import org.jvirt.api.OpenFlag;
import org.jvirt.api.SnapshotCreateFlag;
import org.jvirt.api.VirtException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** The core's snapshot entry points: libvirt's checks, and NO_SUPPORT for a driver without snapshots. */
class SnapshotFacadeTest {
    private final FakeHost host = new FakeHost();
    private final CoreConnectionFactory core = new CoreConnectionFactory(Duration.ofSeconds(1));

    @BeforeEach
    void register() {
        core.addDriver(new FakeDriver("Test", 1, host), FakeDriver.props(0, "test"));
    }

    private static void fails(ErrorCode code, ErrorDomain domain, String message, Executable call) {
        VirtException e = assertThrows(VirtException.class, call);
        assertEquals(code, e.code(), e.getMessage());
        assertEquals(domain, e.domain(), e.getMessage());
        assertEquals(message, e.getMessage());
    }

    @Test
    void aDriverWithoutSnapshotsAnswersNoSupportNamingTheFunction() throws VirtException {
        try (Connection c = core.open("test:///default", 0)) {
            Domain dom = c.lookupByName("test");
            String p = "this function is not supported by the connection driver: ";
            ErrorDomain d = ErrorDomain.DOMAIN_SNAPSHOT;
            fails(ErrorCode.NO_SUPPORT, d, p + "virDomainSnapshotCreateXML",
                    () -> dom.snapshotCreateXml("<domainsnapshot/>", 0));
            fails(ErrorCode.NO_SUPPORT, d, p + "virDomainListAllSnapshots", () -> dom.listAllSnapshots(0));
            fails(ErrorCode.NO_SUPPORT, d, p + "virDomainSnapshotNum", () -> dom.snapshotNum(0));
            fails(ErrorCode.NO_SUPPORT, d, p + "virDomainSnapshotListNames", () -> dom.snapshotListNames(0));
            fails(ErrorCode.NO_SUPPORT, d, p + "virDomainSnapshotLookupByName", () -> dom.snapshotLookupByName("s", 0));
            fails(ErrorCode.NO_SUPPORT, d, p + "virDomainHasCurrentSnapshot", () -> dom.hasCurrentSnapshot(0));
            fails(ErrorCode.NO_SUPPORT, d, p + "virDomainSnapshotCurrent", () -> dom.snapshotCurrent(0));
        }
    }

    @Test
    void argumentsFlagsAndReadOnlyAreCheckedBeforeTheDriver() throws VirtException {
        try (Connection c = core.open("test:///default", 0)) {
            Domain dom = c.lookupByName("test");
            ErrorDomain d = ErrorDomain.DOMAIN_SNAPSHOT;
            fails(ErrorCode.INVALID_ARG, d, "xmlDesc in virDomainSnapshotCreateXML must not be NULL",
                    () -> dom.snapshotCreateXml(null, 0));
            fails(ErrorCode.INVALID_ARG, d, "name in virDomainSnapshotLookupByName must not be NULL",
                    () -> dom.snapshotLookupByName(null, 0));
            fails(ErrorCode.INVALID_ARG, d, "Flag 'VIR_DOMAIN_SNAPSHOT_CREATE_REDEFINE' is required by flag "
                    + "'VIR_DOMAIN_SNAPSHOT_CREATE_CURRENT'",
                    () -> dom.snapshotCreateXml("<domainsnapshot/>", SnapshotCreateFlag.CURRENT.bit()));
            fails(ErrorCode.INVALID_ARG, d, "Flags 'VIR_DOMAIN_SNAPSHOT_CREATE_REDEFINE' and "
                    + "'VIR_DOMAIN_SNAPSHOT_CREATE_NO_METADATA' are mutually exclusive",
                    () -> dom.snapshotCreateXml("<domainsnapshot/>",
                            Flag.mask(SnapshotCreateFlag.REDEFINE, SnapshotCreateFlag.NO_METADATA)));
            fails(ErrorCode.INVALID_ARG, d, "snapshot in virDomainRevertToSnapshot must not be NULL",
                    () -> dom.revertToSnapshot(null, 0));
        }
        try (Connection ro = core.open("test:///default", OpenFlag.READ_ONLY.bit())) {
            Domain dom = ro.lookupByName("test");
            fails(ErrorCode.OPERATION_DENIED, ErrorDomain.DOMAIN_SNAPSHOT,
                    "operation forbidden: read only access prevents virDomainSnapshotCreateXML",
                    () -> dom.snapshotCreateXml("<domainsnapshot/>", 0));
        }
    }

    /**
     * {@code snapshotHandle} (libvirt's virGetDomainSnapshot, what the RPC server uses for a remote
     * snapshot): no driver call to make it; the call made on it is the driver's.
     */
    @Test
    void aHandleByNameAsksTheDriverNothingUntilItIsUsed() throws VirtException {
        try (Connection c = core.open("test:///default", 0)) {
            Domain dom = c.lookupByName("test");
            DomainSnapshot s = dom.snapshotHandle("s1"); // this driver has no snapshots: still a handle
            assertEquals("s1", s.name());
            assertEquals(dom, s.domain());
            fails(ErrorCode.NO_SUPPORT, ErrorDomain.DOMAIN_SNAPSHOT,
                    "this function is not supported by the connection driver: virDomainSnapshotGetXMLDesc",
                    () -> s.xmlDesc(0));
            fails(ErrorCode.INVALID_ARG, ErrorDomain.DOMAIN_SNAPSHOT,
                    "name in virDomainSnapshotLookupByName must not be NULL", () -> dom.snapshotHandle(null));
        }
    }
}
