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
}
