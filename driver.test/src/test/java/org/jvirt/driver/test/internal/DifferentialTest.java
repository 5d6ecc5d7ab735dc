package org.jvirt.driver.test.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import org.jvirt.api.Connection;
import org.jvirt.api.Domain;
import org.jvirt.api.DomainInfo;
import org.jvirt.api.NodeInfo;
import org.jvirt.api.SchedulerType;
import org.jvirt.api.TypedParameter;
import org.jvirt.api.SecurityLabel;
import org.jvirt.api.SecurityModel;
import org.jvirt.api.VcpuInfo;
import org.jvirt.api.VirtException;
import org.jvirt.testing.ConformanceResults;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs one scenario on libvirt's own test driver (python3-libvirt, {@code test:///default}) and
 * on jvirt's, and compares every answer: results, states and reasons, IDs, error codes, error
 * domains and messages, domain XML, vCPU data and the lifecycle events in order. A case is one
 * step of the scenario ({@code NNN step}) or one event ({@code event NN}); the cases expected to
 * agree are listed in {@code conformance/differential-default.pass} and
 * {@code differential-host-file.pass}. Skipped when python3-libvirt is not installed.
 */
class DifferentialTest {
    private static final String PYTHON = "/usr/bin/python3";
    private static final int MAPLEN = 8;

    @TempDir
    Path tmp;

    @Test
    void theDefaultHostAnswersAsLibvirtDoes() throws Exception {
        compare("differential-default", "test:///default", Fixture.resource("differential-scenario.txt"));
    }

    @Test
    void resizingAndStatisticsAnswerAsLibvirtDoes() throws Exception {
        compare("differential-resize", "test:///default", Fixture.resource("differential-resize-scenario.txt"));
    }

    /** A flags or size argument, read as libvirt's unsigned types (2147483648 is bit 31). */
    static int number(String word) {
        return (int) Long.parseLong(word);
    }

    @Test
    void managedSaveAnswersAsLibvirtDoes() throws Exception {
        compare("differential-managedsave", "test:///default",
                Fixture.resource("differential-managedsave-scenario.txt"));
    }

    @Test
    void aHostFileAnswersAsLibvirtDoes() throws Exception {
        Files.writeString(tmp.resolve("host-node.xml"), Fixture.resource("host-node.xml"));
        Files.writeString(tmp.resolve("dom2.xml"), Fixture.resource("dom2.xml"));
        compare("differential-host-file", "test://" + tmp.resolve("host-node.xml"),
                Fixture.resource("differential-file-scenario.txt"));
    }

    private void compare(String suite, String uri, String scenario) throws Exception {
        assumeTrue(pythonLibvirt(), "python3-libvirt is not installed");
        List<String> libvirt = runLibvirt(uri, scenario);
        List<String> jvirt = runJvirt(uri, scenario, libvirt.stream().filter(l -> l.startsWith("EVENT")).count());
        List<String> steps = scenario.lines().filter(l -> !l.isBlank()).toList();
        ConformanceResults results = new ConformanceResults(suite);
        for (int i = 0; i < Math.max(libvirt.size(), jvirt.size()); i++) {
            String name = i < steps.size() ? String.format("%03d %s", i + 1, steps.get(i).strip())
                    : String.format("event %02d", i - steps.size() + 1);
            String l = i < libvirt.size() ? libvirt.get(i) : "<none>";
            String j = i < jvirt.size() ? jvirt.get(i) : "<none>";
            if (l.equals(j)) {
                results.passed(name);
            } else {
                results.failed(name, "libvirt: " + l + " | jvirt: " + j);
            }
        }
        results.assertNoRegression();
    }

    private static boolean pythonLibvirt() {
        try {
            Process p = new ProcessBuilder(PYTHON, "-c", "import libvirt").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(20, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private List<String> runLibvirt(String uri, String scenario) throws Exception {
        Path script = Files.writeString(tmp.resolve("differential.py"), Fixture.resource("differential.py"));
        Process p = new ProcessBuilder(PYTHON, script.toString(), uri).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try {
            p.getOutputStream().write(scenario.getBytes(StandardCharsets.UTF_8));
            p.getOutputStream().close();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertEquals(true, p.waitFor(60, TimeUnit.SECONDS), "python3 finished");
            assertEquals(0, p.exitValue(), out);
            return out.lines().toList();
        } finally {
            p.destroyForcibly();
        }
    }

    private List<String> runJvirt(String uri, String scenario, long expectedEvents) throws Exception {
        try (Fixture fixture = new Fixture(tmp.resolve("state")); Connection conn = fixture.core.open(uri, 0);
                Connection watcher = fixture.core.open(uri, 0)) {
            List<String> events = new CopyOnWriteArrayList<>();
            watcher.addLifecycleListener((d, e) -> events.add(
                    "EVENT " + e.name() + " " + e.id() + " " + e.type().number() + " " + e.detail()));
            List<String> out = new ArrayList<>();
            for (String line : scenario.lines().filter(l -> !l.isBlank()).toList()) {
                String[] w = line.trim().split("\\s+");
                String result;
                try {
                    String r = step(conn, w);
                    result = r == null ? "OK" : "OK " + r;
                } catch (VirtException e) {
                    result = "ERR " + e.rawCode() + " " + e.domain().number() + " " + e.getMessage();
                }
                try {
                    Domain d = conn.lookupByName(w[1]);
                    result += " | [" + d.state().state().number() + ", " + d.state().reason() + "] id=" + d.id()
                            + " persistent=" + (d.isPersistent() ? 1 : 0) + " autostart=" + (d.autostart() ? 1 : 0);
                } catch (VirtException e) {
                    // the domain is gone: libvirt prints nothing either
                }
                out.add(result);
            }
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (events.size() < expectedEvents && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            out.addAll(events);
            return out;
        }
    }

    private static String step(Connection conn, String[] w) throws VirtException {
        String op = w[0];
        String name = w[1];
        switch (op) {
            case "nodeinfo": {
                NodeInfo n = conn.nodeInfo();
                return n.model() + " " + n.memoryKiB() / 1024 + " " + n.cpus() + " " + n.mhz() + " " + n.nodes() + " "
                        + n.sockets() + " " + n.cores() + " " + n.threads();
            }
            case "tonative":
                return conn.domainXmlToNative(name, "<domain/>", 0);
            case "caps":
                return conn.capabilities().replace("\n", "|");
            case "list": {
                TreeSet<String> names = new TreeSet<>();
                for (Domain d : conn.listAllDomains(Integer.parseInt(name))) {
                    names.add(d.name());
                }
                return String.join(" ", names);
            }
            case "define":
                return conn.defineXml(xml(w), 0).name();
            case "createxml":
                return conn.createXml(xml(w), 0).name();
            case "secmodel": {
                SecurityModel m = conn.securityModel();
                return m.model() + "/" + m.doi();
            }
            case "allstats":
                return DifferentialResize.stats(conn.allDomainStats(number(w[1]), number(w[2])));
            default:
                break;
        }
        Domain d = conn.lookupByName(name);
        switch (op) {
            case "start" -> d.create(w.length > 2 ? Integer.parseInt(w[2]) : 0);
            case "destroy" -> d.destroy(0);
            case "shutdown" -> d.shutdown(0);
            case "reboot" -> d.reboot(0);
            case "reset" -> d.reset(w.length > 2 ? number(w[2]) : 0);
            case "suspend" -> d.suspend();
            case "resume" -> d.resume();
            case "undefine" -> d.undefine(w.length > 2 ? number(w[2]) : 0);
            case "managedsave" -> d.managedSave(w.length > 2 ? number(w[2]) : 0);
            case "hasmanagedsave" -> {
                // python prints the C int: 1, or nothing for 0
                return d.hasManagedSaveImage(w.length > 2 ? number(w[2]) : 0) ? "1" : null;
            }
            case "managedsaveremove" -> d.managedSaveRemove(w.length > 2 ? number(w[2]) : 0);
            case "autostart" -> d.setAutostart("1".equals(w[2]));
            case "pin" -> d.pinVcpu(Integer.parseInt(w[2]), bits(w[3]));
            case "xml" -> {
                return d.xmlDesc(Integer.parseInt(w[2])).replace("\n", "|");
            }
            case "pininfo" -> {
                List<String> maps = new ArrayList<>();
                for (BitSet b : d.vcpuPinInfo(Integer.parseInt(w[2]))) {
                    maps.add(map(b));
                }
                return String.join(" ", maps);
            }
            case "vcpus" -> {
                List<String> out = new ArrayList<>();
                for (VcpuInfo v : d.vcpuInfo()) {
                    out.add(v.number() + "/" + v.state().number() + "/" + v.cpu() + "/" + map(v.affinity()));
                }
                return String.join(" ", out);
            }
            case "seclabel" -> {
                return label(d.securityLabel());
            }
            case "seclabels" -> {
                List<String> out = new ArrayList<>();
                for (SecurityLabel l : d.securityLabels()) {
                    out.add(label(l));
                }
                return String.join(" ", out);
            }
            case "info" -> {
                DomainInfo i = d.info();
                return i.state().number() + " " + i.maxMemKiB() + " " + i.memoryKiB() + " " + i.nrVirtCpu();
            }
            case "schedtype" -> {
                SchedulerType t = d.schedulerType();
                return t.type() + " " + t.nparams();
            }
            case "sched" -> {
                return params(d.schedulerParameters(Integer.parseInt(w[2])));
            }
            case "setsched" -> d.setSchedulerParameters(List.of(TypedParameter.ofUInt(w[2], Integer.parseInt(w[3]))),
                    Integer.parseInt(w[4]));
            case "mem" -> {
                return params(d.memoryParameters(Integer.parseInt(w[2])));
            }
            case "setmemparams" -> d.setMemoryParameters(List.of(TypedParameter.ofULong(w[2], Long.parseLong(w[3]))),
                    Integer.parseInt(w[4]));
            case "blkio" -> {
                return params(d.blkioParameters(Integer.parseInt(w[2])));
            }
            case "setblkio" -> d.setBlkioParameters(List.of(TypedParameter.ofUInt(w[2], Integer.parseInt(w[3]))),
                    Integer.parseInt(w[4]));
            case "emupin" -> {
                return map(d.emulatorPinInfo(Integer.parseInt(w[2])));
            }
            case "pinemu" -> d.pinEmulator(bits(w[2]), Integer.parseInt(w[3]));
            default -> {
                return DifferentialResize.step(d, w);
            }
        }
        return null;
    }

    /** Typed parameters as python prints a dict of them: {@code name=value ...}. */
    private static String params(List<TypedParameter> params) {
        List<String> out = new ArrayList<>();
        for (TypedParameter p : params) {
            out.add(p.field() + "=" + p.value());
        }
        return String.join(" ", out);
    }

    private static String label(SecurityLabel l) {
        return l.label() + "/" + (l.enforcing() ? 1 : 0);
    }

    private static String xml(String[] w) {
        String extra = String.join(" ", List.of(w).subList(4, w.length));
        return "<domain type='test'><name>" + w[1] + "</name><uuid>" + w[2] + "</uuid><memory>" + w[3]
                + "</memory><vcpu>2</vcpu><os><type>hvm</type></os>" + extra + "</domain>";
    }

    private static BitSet bits(String list) {
        BitSet b = new BitSet();
        for (String c : "-".equals(list) ? new String[0] : list.split(",")) {
            b.set(Integer.parseInt(c));
        }
        return b;
    }

    private static String map(BitSet b) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < MAPLEN; i++) {
            s.append(b.get(i) ? 'y' : '-');
        }
        return s.toString();
    }
}
