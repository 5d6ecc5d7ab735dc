package org.jvirt.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.jvirt.api.Connection;
import org.jvirt.api.Domain;
import org.jvirt.api.DomainState;
import org.jvirt.api.ErrorCode;
import org.jvirt.api.VirtException;

/**
 * {@link Connection#domainHandle} (libvirt's {@code virGetDomain}, what the RPC server makes of a
 * remote call's domain) and {@link Domain#foundId()} (the ID a lookup answered, which the RPC
 * server writes back): a handle costs no driver call, its first call finds the domain (the core's
 * lookup by UUID, or the driver itself when it makes handles), and a domain that does not exist
 * fails that call with the driver's NO_DOMAIN.
 */
class DomainHandleTest {
    private static final UUID TEST = UUID.fromString("6695eb01-f6a4-8304-79aa-97f2502e193f");
    private final FakeHost host = new FakeHost();
    private final CoreConnectionFactory core = new CoreConnectionFactory(Duration.ofSeconds(1));
    private FakeDriver driver;

    @BeforeEach
    void register() {
        driver = new FakeDriver("Test", 1, host);
        core.addDriver(driver, FakeDriver.props(0, "test"));
    }

    private int driverCalls() {
        return driver.connections.stream().mapToInt(c -> c.calls.get()).sum();
    }

    @Test
    void aHandleIsLookedUpByItsFirstCallWhenTheDriverMakesNone() throws VirtException {
        try (Connection c = core.open("test:///default", 0)) {
            int before = driverCalls();
            Domain h = c.domainHandle("test", TEST, 1);
            assertEquals(before, driverCalls(), "making a handle asks nothing");
            assertEquals("test", h.name());
            assertEquals(TEST, h.uuid());
            assertEquals(DomainState.RUNNING, h.info().state());
            assertEquals(before + 2, driverCalls(), "the lookup by UUID, then the call");
            h.isPersistent();
            assertEquals(before + 3, driverCalls(), "resolved once");

            UUID none = UUID.randomUUID();
            Domain gone = c.domainHandle("gone", none, -1);
            VirtException e = assertThrows(VirtException.class, gone::info);
            assertEquals(ErrorCode.NO_DOMAIN, e.code());
            assertEquals("Domain not found: no domain with matching uuid '" + none + "'", e.getMessage());
        }
    }

    @Test
    void aDriversHandleGoesStraightToTheCall() throws VirtException {
        driver.handles = true;
        try (Connection c = core.open("test:///default", 0)) {
            int before = driverCalls();
            Domain h = c.domainHandle("test", TEST, 1);
            assertEquals(DomainState.RUNNING, h.info().state());
            assertEquals(before + 1, driverCalls(), "no lookup first");

            UUID none = UUID.randomUUID();
            VirtException e = assertThrows(VirtException.class, () -> c.domainHandle("gone", none, 3).info());
            assertEquals(ErrorCode.NO_DOMAIN, e.code());
            assertEquals("Domain not found: no domain with matching uuid '" + none + "'", e.getMessage());
        }
    }

    @Test
    void theFoundIdIsTheLookupsUntilACallIsMadeWithTheDomain() throws VirtException {
        driver.handles = true;
        try (Connection c = core.open("test:///default", 0)) {
            Domain d = c.lookupByName("test");
            List<Domain> listed = c.listAllDomains(0);
            int before = driverCalls();
            assertEquals(1, d.foundId());
            assertEquals(1, listed.get(0).foundId());
            assertEquals(before, driverCalls(), "the lookup's and the listing's answers");
            d.destroy(0);
            assertEquals(-1, d.foundId(), "after a call: the driver's answer now");
            assertEquals(before + 2, driverCalls());
            // a handle's ID is the caller's word only: the driver is asked
            assertEquals(-1, c.domainHandle("test", TEST, 1).foundId());
        }
    }
}
