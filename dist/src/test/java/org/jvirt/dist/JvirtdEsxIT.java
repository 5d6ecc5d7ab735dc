package org.jvirt.dist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.abort;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * jvirtd serving an ESX connection over libvirt's RPC (issue 15: the driver "over the wire via
 * rpc.bundle for remote clients"): real virsh through jvirtd's socket with libvirt's remote driver
 * ({@code esx+unix:///?socket=...&name=esx://...}: the daemon opens the {@code name} URI with its
 * ESX driver and its credentials file) and real virsh with libvirt's own ESX driver
 * ({@code esx://...}) on one VMware simulator (driver.esx's Go fixture, built here with Debian's
 * Go): {@code list --all} and {@code dominfo} read alike, and {@code destroy}, {@code start} and
 * {@code autostart} made through jvirtd are what libvirt reads, and the other way round; snapshots
 * made, listed, described, reverted to and deleted through jvirtd are what libvirt reads, and the
 * other way round.
 */
class JvirtdEsxIT {
    private static final Path GO = Path.of("/usr/bin/go");
    private static final Path GOPATH = Path.of("/usr/share/gocode");
    private static final List<String> FIELDS = List.of("Id", "Name", "UUID", "OS Type", "State", "CPU(s)",
            "Max memory", "Used memory", "Persistent", "Autostart");
    private static Path work;
    private static Path run;
    private static Process vcsim;
    private static Process jvirtd;
    private static String esx;

    @BeforeAll
    static void start() throws Exception {
        if (!Files.isExecutable(GO) || !Files.isDirectory(GOPATH.resolve("src/github.com/vmware/govmomi/simulator"))
                || !Files.isExecutable(Path.of("/usr/bin/virsh"))) {
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                fail("needs golang-go, golang-github-vmware-govmomi-dev and virsh (required in CI)");
            }
            abort("needs golang-go, golang-github-vmware-govmomi-dev and virsh");
        }
        Path home = Path.of(Commands.property("jvirt.dist.home"));
        work = Files.createDirectories(Path.of(Commands.property("jvirt.work")).resolve("esx-" + System.nanoTime()));
        Path binary = work.resolve("vcsim");
        Commands.Result build = Commands.run(home.resolve("../driver.esx/src/test/go/vcsim").normalize(),
                Map.of("GO111MODULE", "off", "GOPATH", GOPATH.toString()), "", 600,
                List.of(GO.toString(), "build", "-o", binary.toString(), "."));
        assertEquals(0, build.exitCode(), build.toString());
        vcsim = new ProcessBuilder(binary.toString(), "-vms", "2").redirectError(work.resolve("vcsim.err").toFile())
                .start();
        BufferedReader out = new BufferedReader(new InputStreamReader(vcsim.getInputStream(), StandardCharsets.UTF_8));
        String url = CompletableFuture.supplyAsync(() -> {
            try {
                return out.readLine();
            } catch (Exception e) {
                return null;
            }
        }).get(60, TimeUnit.SECONDS);
        assertTrue(url != null && url.startsWith("URL http://"), "vcsim: " + url);
        String hostPort = url.substring("URL http://".length()).replaceFirst("/sdk$", "");
        esx = "esx://" + hostPort + "/?no_verify=1&transport=http";
        run = Files.createTempDirectory("jvirtd-esx-");
        jvirtd = RemoteDriverJvirtd.start(home, work, run, "org.jvirt.driver.esx",
                "[credentials-vcsim]\nusername=user\npassword=pass\n\n[auth-esx-default]\ncredentials=vcsim\n");
        RemoteDriverJvirtd.awaitServing(jvirtd, work, run, "esx", () -> jvirt("list --all"));
    }

    @AfterAll
    static void stop() throws Exception {
        if (jvirtd != null) {
            assertTrue(Commands.stop(jvirtd.toHandle(), 30), "bin/jvirtd did not end after SIGTERM");
        }
        if (vcsim != null) {
            vcsim.destroy();
            if (!vcsim.waitFor(10, TimeUnit.SECONDS)) {
                vcsim.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        }
        if (run != null) {
            Commands.deleteTree(run);
        }
    }

    /** virsh through jvirtd: libvirt's remote driver, the ESX URI as the name the daemon opens. */
    private static Commands.Result jvirt(String commands) throws Exception {
        String uri = "esx+unix:///?socket=" + run.resolve("libvirt-sock") + "&name="
                + esx.replace("&", "%26");
        return Commands.run(work, Map.of(), "", 60, List.of("virsh", "-c", uri, commands));
    }

    /** virsh with libvirt's own ESX driver, credentials from the same file. */
    private static Commands.Result libvirt(String commands) throws Exception {
        return Commands.run(work, Map.of("LIBVIRT_AUTH_FILE", work.resolve("auth.conf").toString(),
                "LIBVIRT_LOG_OUTPUTS", "1:file:" + work.resolve("libvirt.log")), "", 60,
                List.of("virsh", "-c", esx, commands));
    }

    private static String ok(Commands.Result r) {
        assertEquals(0, r.exitCode(), r.toString());
        return r.stdout();
    }

    /** The dominfo fields both drivers answer (virsh leaves out what a driver does not serve). */
    private static Map<String, String> dominfo(Commands.Result r) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String line : ok(r).split("\n")) {
            int colon = line.indexOf(':');
            if (colon > 0 && FIELDS.contains(line.substring(0, colon).trim())) {
                out.put(line.substring(0, colon).trim(), line.substring(colon + 1).trim());
            }
        }
        assertEquals(FIELDS.size(), out.size(), r.stdout());
        return out;
    }

    @Test
    void listAndDominfoReadAlike() throws Exception {
        assertEquals(ok(libvirt("list --all")), ok(jvirt("list --all")));
        for (String vm : List.of("ha-host_VM0", "ha-host_VM1")) {
            assertEquals(dominfo(libvirt("dominfo " + vm)), dominfo(jvirt("dominfo " + vm)));
        }
    }

    /**
     * Snapshots over the wire (the RPC server's snapshot procedures on the ESX driver): virsh's
     * snapshot commands through jvirtd and through libvirt's own ESX driver on the same VM.
     */
    @Test
    void snapshotsThroughJvirtdAreWhatLibvirtReads() throws Exception {
        String vm = "ha-host_VM0";
        ok(jvirt("snapshot-create-as " + vm + " w1 'made through jvirtd'"));
        ok(libvirt("snapshot-create-as " + vm + " w2 'made by libvirt'"));
        ok(jvirt("snapshot-create-as " + vm + " w3"));
        for (String read : List.of("snapshot-list --name " + vm, "snapshot-list --name --roots " + vm,
                "snapshot-list --name --leaves " + vm, "snapshot-list --tree " + vm, "snapshot-current --name " + vm,
                "snapshot-parent " + vm + " w3", "snapshot-dumpxml " + vm + " w1", "snapshot-dumpxml " + vm + " w2",
                "snapshot-info " + vm + " w2")) {
            assertEquals(ok(libvirt(read)), ok(jvirt(read)), read);
        }
        assertEquals("w1\nw2\nw3", ok(jvirt("snapshot-list --name " + vm)).strip());
        Commands.Result theirs = libvirt("snapshot-dumpxml " + vm + " nope");
        Commands.Result ours = jvirt("snapshot-dumpxml " + vm + " nope");
        assertEquals(1, ours.exitCode(), ours.toString());
        assertEquals(theirs.stderr().strip(), ours.stderr().strip());
        assertTrue(ours.stderr().contains("Could not find snapshot with name 'nope'"), ours.stderr());

        ok(jvirt("snapshot-revert " + vm + " w1"));
        assertEquals("w1", ok(libvirt("snapshot-current --name " + vm)).strip());
        ok(libvirt("snapshot-delete " + vm + " w3"));
        assertEquals("w1\nw2", ok(jvirt("snapshot-list --name " + vm)).strip());
        ok(jvirt("snapshot-delete --children " + vm + " w1"));
        assertEquals("", ok(libvirt("snapshot-list --name " + vm)).strip());
        assertEquals(ok(libvirt("list --all")), ok(jvirt("list --all")));
    }

    @Test
    void changesThroughJvirtdAreWhatLibvirtReads() throws Exception {
        String vm = "ha-host_VM1";
        ok(jvirt("destroy " + vm));
        assertEquals("shut off", dominfo(libvirt("dominfo " + vm)).get("State"));
        ok(libvirt("start " + vm));
        assertEquals("running", dominfo(jvirt("dominfo " + vm)).get("State"));
        ok(jvirt("autostart " + vm));
        assertEquals("enable", dominfo(libvirt("dominfo " + vm)).get("Autostart"));
        ok(libvirt("autostart --disable " + vm));
        assertEquals("disable", dominfo(jvirt("dominfo " + vm)).get("Autostart"));
        assertEquals(ok(libvirt("list --all")), ok(jvirt("list --all")));
    }
}
