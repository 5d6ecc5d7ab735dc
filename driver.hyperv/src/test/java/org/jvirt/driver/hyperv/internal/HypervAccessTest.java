package org.jvirt.driver.hyperv.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.jvirt.api.ConnectUri;
import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.ListFlag;
import org.jvirt.api.VirtException;
import org.jvirt.api.spi.DomainRef;
import org.jvirt.api.spi.DriverConnection;
import org.jvirt.driver.hyperv.internal.sim.WsmanSimulator;

/**
 * How a connection gets in: credentials from libvirt's auth.conf (service {@code hyperv}) for
 * callers without a callback, with the callback's prompts only for what the file lacks; a
 * WS-Management server that is not a Hyper-V host (no v2 namespace, or no host system in it);
 * the autostart filters of the list.
 */
class HypervAccessTest {
    @TempDir
    Path dir;

    private static HypervDriver driver(Path credentials) {
        return new HypervDriver(HypervTestSupport.config(30, 1 << 20, 10, 1000,
                credentials == null ? "" : credentials.toString()), HypervTestSupport.CODEC);
    }

    private Path authConf(String host, String user, String password) throws Exception {
        return Files.writeString(dir.resolve("auth.conf"), "[credentials-hv]\n"
                + (user == null ? "" : "username=" + user + "\n") + (password == null ? "" : "password=" + password + "\n")
                + "\n[auth-hyperv-" + host + "]\ncredentials=hv\n\n[auth-esx-default]\ncredentials=nobody\n");
    }

    private static List<String> names(List<DomainRef> refs) {
        return refs.stream().map(DomainRef::name).sorted().toList();
    }

    @Test
    void credentialsFileServesCallersWithoutACallback() throws Exception {
        try (WsmanSimulator sim = WsmanSimulator.start()) {
            sim.addVm("web", 2, 1, 512);
            Path file = authConf("127.0.0.1", WsmanSimulator.USER, WsmanSimulator.PASSWORD);
            for (String offered : List.of("Basic", "Negotiate")) {
                sim.offerAuth(offered);
                DriverConnection conn = driver(file).open(HypervTestSupport.uri(sim, null), 0).orElseThrow();
                assertEquals(List.of("web"), names(conn.listAllDomains(0)));
                conn.close();
            }
        }
    }

    @Test
    void theFileComesBeforeTheCallbackWhichIsAskedOnlyForWhatIsMissing() throws Exception {
        try (WsmanSimulator sim = WsmanSimulator.start()) {
            Path file = authConf("127.0.0.1", null, WsmanSimulator.PASSWORD);
            HypervTestSupport.Auth auth = new HypervTestSupport.Auth("not asked");
            driver(file).open(HypervTestSupport.uri(sim, null), auth, 0).orElseThrow().close();
            assertEquals(1, auth.asked.size());
            assertEquals("Enter username for 127.0.0.1 [administrator]", auth.asked.get(0).prompt());
        }
    }

    @Test
    void fileWithoutThisHostOrPasswordFailsAsLibvirt() throws Exception {
        try (WsmanSimulator sim = WsmanSimulator.start()) {
            Path other = authConf("elsewhere", WsmanSimulator.USER, WsmanSimulator.PASSWORD);
            VirtException e = assertThrows(VirtException.class,
                    () -> driver(other).open(HypervTestSupport.uri(sim, null), 0));
            assertEquals(ErrorCode.AUTH_FAILED, e.code());
            assertEquals(ErrorDomain.HYPERV, e.domain());
            assertTrue(e.getMessage().endsWith("Password request failed"), e.getMessage());
            Path wrong = authConf("127.0.0.1", WsmanSimulator.USER, "wrong");
            e = assertThrows(VirtException.class, () -> driver(wrong).open(HypervTestSupport.uri(sim, null), 0));
            assertEquals(ErrorCode.AUTH_FAILED, e.code());
            e = assertThrows(VirtException.class, () -> driver(dir.resolve("missing.conf"))
                    .open(HypervTestSupport.uri(sim, null), 0));
            assertEquals(ErrorCode.AUTH_UNAVAILABLE, e.code());
        }
    }

    @Test
    void aServerWithoutTheV2NamespaceIsRefusedWithItsFault() throws Exception {
        try (WsmanSimulator sim = WsmanSimulator.start()) {
            sim.withoutVirtualizationNamespace();
            VirtException e = assertThrows(VirtException.class, () -> HypervTestSupport.open(
                    HypervTestSupport.driver(), sim));
            assertEquals(ErrorCode.INTERNAL_ERROR, e.code());
            // libvirt's hypervVerifyResponse wording for the enumeration of the host system
            assertTrue(e.getMessage().startsWith("internal error: SOAP fault during enumeration: code 's:Sender',"
                    + " subcode 'a:DestinationUnreachable', reason 'The WS-Management service cannot process the"
                    + " request because the WMI namespace root/virtualization/v2"), e.getMessage());
            assertTrue(e.getMessage().endsWith("detail 'InvalidResourceURI'"), e.getMessage());
        }
    }

    @Test
    void aServerWithoutAHostSystemIsNotAHypervServer() throws Exception {
        try (WsmanSimulator sim = WsmanSimulator.start()) {
            sim.withoutHostSystem();
            VirtException e = assertThrows(VirtException.class, () -> HypervTestSupport.open(
                    HypervTestSupport.driver(), sim));
            assertEquals("internal error: 127.0.0.1 is not a Hyper-V server", e.getMessage());
            assertEquals(ErrorDomain.HYPERV, e.domain());
        }
    }

    @Test
    void autostartFiltersOfTheList() throws Exception {
        try (WsmanSimulator sim = WsmanSimulator.start()) {
            sim.addVm("web", 2, 1, 512);
            sim.addVm("db", 3, 1, 512);
            sim.addVm("mail", 3, 1, 512);
            DriverConnection conn = HypervTestSupport.open(HypervTestSupport.driver(), sim);
            DomainRef db = conn.listAllDomains(ListFlag.INACTIVE.bit()).stream()
                    .filter(d -> d.name().equals("db")).findFirst().orElseThrow();
            conn.setAutostart(db, true);
            assertEquals(List.of("db"), names(conn.listAllDomains(ListFlag.AUTOSTART.bit())));
            assertEquals(List.of("mail", "web"), names(conn.listAllDomains(ListFlag.NO_AUTOSTART.bit())));
            assertEquals(List.of("db", "mail", "web"), names(conn.listAllDomains(
                    ListFlag.AUTOSTART.bit() | ListFlag.NO_AUTOSTART.bit())));
            assertEquals(List.of(), names(conn.listAllDomains(ListFlag.AUTOSTART.bit() | ListFlag.ACTIVE.bit())));
            assertEquals(List.of("db"), names(conn.listAllDomains(ListFlag.AUTOSTART.bit() | ListFlag.INACTIVE.bit())));
            assertEquals(List.of("web"), names(conn.listAllDomains(ListFlag.NO_AUTOSTART.bit()
                    | ListFlag.RUNNING.bit())));
            conn.close();
        }
    }
}
