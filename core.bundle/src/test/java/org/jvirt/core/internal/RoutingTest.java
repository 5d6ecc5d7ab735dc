package org.jvirt.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;

import org.jvirt.api.Connection;
import org.jvirt.api.DriverInfo;
import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.VirtException;
import org.junit.jupiter.api.Test;

class RoutingTest {
    private final FakeHost host = new FakeHost();
    private final CoreConnectionFactory core = new CoreConnectionFactory(Duration.ofSeconds(1));

    private FakeDriver driver(String name, int ranking, String... schemes) {
        FakeDriver d = new FakeDriver(name, ranking, host);
        core.addDriver(d, FakeDriver.props(ranking, schemes));
        return d;
    }

    @Test
    void routesByScheme() throws VirtException {
        driver("Test", 0, "test");
        driver("QEMU", 0, "qemu");
        try (Connection t = core.open("test:///default", 0); Connection q = core.open("qemu:///system", 0)) {
            assertEquals("Test", t.type());
            assertEquals("QEMU", q.type());
        }
    }

    @Test
    void nullUriOpensTheDefault() throws VirtException {
        driver("Test", 0, "test");
        try (Connection c = core.open(null, 0)) {
            assertEquals("test:///default", c.uri().toString());
            assertEquals("Test", c.type());
        }
    }

    @Test
    void highestRankingWinsAndRemovingItFallsBack() throws VirtException {
        FakeDriver low = driver("Low", 0, "test");
        FakeDriver high = driver("High", 10, "test");
        driver("Other", 50, "qemu");
        try (Connection c = core.open("test:///default", 0)) {
            assertEquals("High", c.type());
        }
        core.removeDriver(high);
        try (Connection c = core.open("test:///default", 0)) {
            assertEquals("Low", c.type());
        }
        assertEquals(1, low.opens.get());
    }

    @Test
    void aDecliningDriverPassesTheUriOn() throws VirtException {
        FakeDriver high = driver("High", 10, "test");
        high.decline = true;
        driver("Low", 0, "test");
        try (Connection c = core.open("test:///default", 0)) {
            assertEquals("Low", c.type());
        }
        assertEquals(1, high.opens.get());
    }

    @Test
    void aFailingDriverEndsTheSearch() {
        FakeDriver high = driver("High", 10, "test");
        high.failOpen = new VirtException(ErrorCode.OPEN_FAILED, ErrorDomain.TEST, "/nope.xml");
        FakeDriver low = driver("Low", 0, "test");
        VirtException e = assertThrows(VirtException.class, () -> core.open("test:///nope.xml", 0));
        assertEquals(ErrorCode.OPEN_FAILED, e.code());
        assertEquals(0, low.opens.get(), "a failure must not fall through to the next driver");
    }

    @Test
    void noDriverForTheSchemeIsNoConnectNamingSchemeAndInstalledDrivers() {
        driver("Test", 0, "test");
        driver("QEMU", 5, "qemu");
        VirtException e = assertThrows(VirtException.class, () -> core.open("xen:///system", 0));
        assertEquals(ErrorCode.NO_CONNECT, e.code());
        assertEquals(5, e.rawCode());
        String m = e.getMessage();
        assertTrue(m.startsWith("no connection driver available for xen:///system"), m);
        assertTrue(m.contains("scheme 'xen'"), m);
        assertTrue(m.contains("QEMU [qemu] ranking 5") && m.contains("Test [test] ranking 0"), m);
    }

    @Test
    void noDriverAtAllSaysNone() {
        VirtException e = assertThrows(VirtException.class, () -> core.open("test:///default", 0));
        assertEquals(ErrorCode.NO_CONNECT, e.code());
        assertTrue(e.getMessage().endsWith("installed drivers: none"), e.getMessage());
    }

    @Test
    void allDecliningIsNoConnectNamingThem() {
        driver("Test", 0, "test").decline = true;
        VirtException e = assertThrows(VirtException.class, () -> core.open("test:///default", 0));
        assertEquals(ErrorCode.NO_CONNECT, e.code());
        assertTrue(e.getMessage().contains("every driver for scheme 'test' declined it (Test)"), e.getMessage());
    }

    @Test
    void remoteUrisGoToTheRemoteDriver() throws VirtException {
        driver("Test", 0, "test");
        VirtException e = assertThrows(VirtException.class, () -> core.open("test+tcp://host1/default", 0));
        assertEquals(ErrorCode.NO_CONNECT, e.code());
        assertTrue(e.getMessage().contains("scheme 'remote'"), e.getMessage());
        driver("remote", 0, "remote");
        try (Connection c = core.open("test+tcp://host1/default", 0);
             Connection h = core.open("qemu://host2/system", 0);
             Connection u = core.open("qemu+unix:///system?socket=/run/x.sock", 0);
             Connection local = core.open("test:///default", 0)) {
            assertEquals("remote", c.type());
            assertEquals("remote", h.type());
            assertEquals("remote", u.type());
            assertEquals("Test", local.type());
        }
    }

    @Test
    void hostUrisTryTheirOwnSchemeBeforeTheRemoteDriver() throws VirtException {
        driver("ESX", 0, "esx");
        driver("Test", 0, "test").decline = true;
        driver("remote", 0, "remote");
        try (Connection esx = core.open("esx://vcenter1/?no_verify=1", 0);
             Connection test = core.open("test://host1/default", 0);
             Connection tcp = core.open("esx+tcp://vcenter1/", 0)) {
            assertEquals("ESX", esx.type(), "a driver that reaches hosts itself takes its host URIs");
            assertEquals("remote", test.type(), "a declining local driver passes host URIs on");
            assertEquals("remote", tcp.type(), "a transport always means the remote driver");
        }
    }

    @Test
    void malformedUriIsInvalidArg() {
        driver("Test", 0, "test");
        VirtException e = assertThrows(VirtException.class, () -> core.open("::nope", 0));
        assertEquals(ErrorCode.INVALID_ARG, e.code());
    }

    @Test
    void driversListsEveryRegistrationBestFirst() {
        driver("Low", 0, "test");
        driver("High", 10, "test", "test2");
        List<DriverInfo> drivers = core.drivers();
        assertEquals(List.of("High", "Low"), drivers.stream().map(DriverInfo::name).toList());
        assertEquals(List.of("test", "test2"), drivers.get(0).schemes());
        assertEquals(10, drivers.get(0).ranking());
    }

    /** The core's service is gone: its connections are closed and it opens no new ones. */
    @Test
    void deactivationClosesConnectionsAndRefusesNewOnes() throws VirtException {
        driver("Test", 0, "test");
        Connection before = core.open("test:///default", 0);
        core.deactivate();
        VirtException closed = assertThrows(VirtException.class, before::type);
        assertEquals(ErrorCode.INVALID_CONN, closed.code());
        VirtException refused = assertThrows(VirtException.class, () -> core.open("test:///default", 0));
        assertEquals(ErrorCode.NO_CONNECT, refused.code());
        assertTrue(refused.getMessage().contains("stopping"), refused.getMessage());
    }

    @Test
    void forDriverBuildsAWorkingFactory() throws VirtException {
        FakeDriver d = new FakeDriver("Test", 0, host);
        CoreConnectionFactory f = CoreConnectionFactory.forDriver(d, "test");
        try (Connection c = f.open("test:///default", 0)) {
            assertEquals("Test", c.type());
            assertEquals(List.of("test"), f.drivers().get(0).schemes());
        }
    }
}
