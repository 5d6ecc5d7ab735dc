package org.jvirt.driver.hyperv.internal.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The simulator as an independent WS-Management client sees it: Debian's {@code wsl} package
 * (bash, curl and xmllint; {@code .ci/run} installs it) enumerates with a WQL filter, gets an
 * instance by its selectors and invokes a method on an EPR it enumerated. Skipped where wsl is absent.
 */
class WslCrossCheckTest {
    private static final String V2 = WsmanSimulator.WMI + "root/virtualization/v2/";
    private static WsmanSimulator sim;
    private static String webGuid;
    @TempDir
    static Path dir;

    @BeforeAll
    static void start() throws IOException {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/wslenum")), "Debian's wsl package is not installed");
        sim = WsmanSimulator.start();
        webGuid = sim.addVm("web", 2, 2, 2048);
        sim.addVm("db", 3, 1, 1024);
    }

    @AfterAll
    static void stop() {
        if (sim != null) {
            sim.close();
        }
    }

    /** Runs a wsl command in {@code dir}; returns its exit status and everything it printed. */
    private static Map.Entry<Integer, String> wsl(String... args) throws Exception {
        return wsl(Map.of(), args);
    }

    /** As above, with more environment (wsl's own variables, or curl's CURL_HOME). */
    private static Map.Entry<Integer, String> wsl(Map<String, String> more, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(args));
        command.set(0, "/usr/bin/" + args[0]);
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
        Map<String, String> env = pb.environment();
        env.put("WSENDPOINT", "127.0.0.1:" + sim.port());
        env.put("WSUSER", WsmanSimulator.USER);
        env.put("WSPASS", WsmanSimulator.PASSWORD);
        env.put("WSNOSSL", "1");
        env.put("WSAUTOMATED", "1");
        env.put("KEEPHISTORY", "0");
        env.put("OUTPREFIX", dir.toString());
        env.put("WGETTIMEOUTSECS", "10");
        env.put("WGETTRYNUM", "0");
        env.putAll(more);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "wsl did not end");
        return Map.entry(p.exitValue(), out);
    }

    @Test
    void getsAnInstanceBySelectors() throws Exception {
        Map.Entry<Integer, String> r = wsl("wslget", V2 + "Msvm_ComputerSystem", "CreationClassName=Msvm_ComputerSystem",
                "Name=" + webGuid);
        assertEquals(0, r.getKey(), r.getValue());
        assertTrue(r.getValue().contains("<p:ElementName>web</p:ElementName>"), r.getValue());
    }

    /** WQL enumeration (Enumerate, then Pull to the end), then Invoke on the EPR it gave. */
    @Test
    void enumeratesWithWqlThenInvokesRequestStateChangeOnTheEpr() throws Exception {
        Map.Entry<Integer, String> epr = wsl("wslenum", V2 + "Msvm_ComputerSystem", "-mode", "epr", "-dialect",
                "http://schemas.microsoft.com/wbem/wsman/1/WQL", "-filter",
                "SELECT * FROM Msvm_ComputerSystem WHERE Description = \"Microsoft Virtual Machine\" AND ElementName = \"db\"");
        assertEquals(0, epr.getKey(), epr.getValue());
        assertTrue(epr.getValue().contains("<w:Selector Name=\"Name\">"), epr.getValue());
        assertEquals(0, sim.openEnumerations());
        // wslinvoke pastes the EPR's selector lines verbatim into its request, whose envelope binds the
        // wsman namespace to the prefix "wsman" only (as the Dell servers wsl was written for answer);
        // WinRM, and so the simulator, answer with "w": the test renames the prefix in the copy
        Path eprFile = dir.resolve("db-epr.xml");
        Files.writeString(eprFile, Files.readString(dir.resolve("response.xml")).replace("<w:", "<wsman:")
                .replace("</w:", "</wsman:"));
        Map.Entry<Integer, String> r = wsl("wslinvoke", V2 + "Msvm_ComputerSystem", "RequestStateChange",
                "RequestedState=2", "-inst", eprFile.toString());
        assertEquals(0, r.getKey(), r.getValue());
        assertTrue(r.getValue().contains("<p:ReturnValue>4096</p:ReturnValue>"), r.getValue());
        // Starting (32770) until the job is polled to its end
        assertEquals(32770, sim.enabledState("db"));
    }

    /**
     * NTLM as another client speaks it: wsl has no NTLM option of its own, but runs curl, which
     * reads {@code $CURL_HOME/.curlrc}; there {@code ntlm} makes curl's own NTLM (not jvirt's
     * HttpClient) log in to the simulator's MS-NLMP server side. The right password gets the
     * instance; a wrong one gets 401 and no instance.
     */
    @Test
    void wslAndCurlLogInWithCurlsOwnNtlm() throws Exception {
        sim.offerAuth("NTLM");
        try {
            Path curlHome = Files.createDirectories(dir.resolve("curl-home"));
            Files.writeString(curlHome.resolve(".curlrc"), "ntlm\n");
            int logins = sim.ntlmLogins();
            Map.Entry<Integer, String> r = wsl(Map.of("CURL_HOME", curlHome.toString()), "wslget",
                    V2 + "Msvm_ComputerSystem", "CreationClassName=Msvm_ComputerSystem", "Name=" + webGuid);
            assertEquals(0, r.getKey(), r.getValue());
            assertTrue(r.getValue().contains("<p:ElementName>web</p:ElementName>"), r.getValue());
            assertEquals(1, sim.ntlmLogins() - logins);

            // curl directly: the status of a wrong password, then the right one
            Path request = dir.resolve("get.xml");
            Files.writeString(request, getEnvelope(webGuid));
            assertEquals("401", curlNtlm(request, "wrong"));
            assertEquals(1, sim.ntlmLogins() - logins);
            assertEquals("200", curlNtlm(request, WsmanSimulator.PASSWORD));
            assertEquals(2, sim.ntlmLogins() - logins);
        } finally {
            sim.offerAuth("Basic");
        }
    }

    /** A WS-Transfer Get of a VM's Msvm_ComputerSystem (DSP0226 7.3). */
    private static String getEnvelope(String guid) {
        return "<s:Envelope xmlns:s=\"http://www.w3.org/2003/05/soap-envelope\""
                + " xmlns:a=\"http://schemas.xmlsoap.org/ws/2004/08/addressing\""
                + " xmlns:w=\"http://schemas.dmtf.org/wbem/wsman/1/wsman.xsd\"><s:Header>"
                + "<a:To>http://127.0.0.1:" + sim.port() + "/wsman</a:To>"
                + "<w:ResourceURI s:mustUnderstand=\"true\">" + V2 + "Msvm_ComputerSystem</w:ResourceURI>"
                + "<a:ReplyTo><a:Address>http://schemas.xmlsoap.org/ws/2004/08/addressing/role/anonymous"
                + "</a:Address></a:ReplyTo>"
                + "<a:Action s:mustUnderstand=\"true\">http://schemas.xmlsoap.org/ws/2004/09/transfer/Get</a:Action>"
                + "<a:MessageID>uuid:00000000-0000-0000-0000-000000000001</a:MessageID>"
                + "<w:SelectorSet><w:Selector Name=\"CreationClassName\">Msvm_ComputerSystem</w:Selector>"
                + "<w:Selector Name=\"Name\">" + guid + "</w:Selector></w:SelectorSet>"
                + "</s:Header><s:Body/></s:Envelope>";
    }

    /** POSTs {@code request} with {@code curl --ntlm}; returns the final HTTP status. */
    private static String curlNtlm(Path request, String password) throws Exception {
        Process p = new ProcessBuilder("curl", "-s", "-o", "/dev/null", "-w", "%{http_code}", "--ntlm",
                "-u", WsmanSimulator.USER + ":" + password, "-H", "Content-Type: application/soap+xml;charset=UTF-8",
                "--data-binary", "@" + request, "http://127.0.0.1:" + sim.port() + "/wsman")
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "curl did not end");
        return out;
    }
}
