package org.jvirt.driver.qemu.internal.vcpu;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jvirt.api.VirtException;
import org.jvirt.driver.qemu.internal.qmp.QmpClient;
import org.jvirt.driver.qemu.internal.qmp.QmpListener;
import org.jvirt.driver.qemu.internal.qmp.ReplayQmpServer;
import org.jvirt.driver.qemu.spi.VcpuReport;
import org.jvirt.driver.qemu.spi.VcpuThreadQuery;
import org.jvirt.testing.ConformanceResults;
import org.jvirt.testing.LibvirtTestData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * libvirt's {@code qemuhotplugtest.c} CPU cases, replayed over a fake monitor: refresh, hot-plug,
 * refresh after every {@code device_add} (whose arguments must equal libvirt's). On success the
 * vCPU slots must match the live result's {@code <vcpus>} (enabled, hotpluggable, order) and the
 * default resolver must accept the thread ids. What is not compared: the full formatted XML.
 * The cases expected to pass are listed in {@code conformance/qemuhotplugtestcpus.pass}.
 */
class HotplugCpusConformanceTest {
    private static final Pattern VCPU = Pattern.compile(
            "<vcpu id='(\\d+)' enabled='(yes|no)' hotpluggable='(yes|no)'(?: order='(\\d+)')?/>");
    private static final Pattern MAX = Pattern.compile("<vcpu placement='static' current='\\d+'>(\\d+)</vcpu>");

    @TempDir
    Path tmp;
    private final ConformanceResults results = new ConformanceResults("qemuhotplugtestcpus");

    private record Case(String prefix, String op, String arg, boolean ok) {
    }

    @Test
    void hotplugCpuCases() throws Exception {
        Path dir = LibvirtTestData.require("qemuhotplugtestcpus").resolve("qemuhotplugtestcpus");
        List<Case> cases = List.of(
                new Case("x86-modern-bulk", "count", "7", true),
                new Case("ppc64-modern-bulk", "count", "24", true),
                new Case("ppc64-modern-bulk", "count", "15", false),
                new Case("ppc64-modern-bulk", "count", "23", false),
                new Case("ppc64-modern-bulk", "count", "25", false),
                new Case("x86-modern-individual-add", "enable", "7", true),
                new Case("x86-modern-individual-add", "enable", "6-7", false),
                new Case("x86-modern-individual-add", "disable", "7", false),
                new Case("ppc64-modern-individual", "enable", "16-23", true),
                new Case("ppc64-modern-individual", "enable", "16-22", false),
                new Case("ppc64-modern-individual", "enable", "17", false));
        int n = 0;
        for (Case c : cases) {
            run(dir, c, tmp.resolve("m" + (n++) + ".sock"));
        }
        results.assertNoRegression();
    }

    private void run(Path dir, Case c, Path sock) throws Exception {
        String name = c.prefix() + " " + c.op() + " " + c.arg();
        String domainXml = Files.readString(dir.resolve(c.prefix() + "-domain.xml"));
        Matcher m = MAX.matcher(domainXml);
        if (!m.find()) {
            results.failed(name, "no <vcpu> in the domain");
            return;
        }
        int max = Integer.parseInt(m.group(1));
        try (ReplayQmpServer server = new ReplayQmpServer(dir.resolve(c.prefix() + "-monitor.json"), sock);
             QmpClient qmp = QmpClient.connect("hotplug", sock, Duration.ofSeconds(5), () -> true, 1 << 20,
                     Duration.ofSeconds(5), NO_EVENTS)) {
            VcpuHotplug hotplug = new VcpuHotplug(qmp, max);
            hotplug.refresh();
            boolean ok;
            String why = "";
            try {
                switch (c.op()) {
                    case "count" -> hotplug.setCount(Integer.parseInt(c.arg()));
                    case "enable" -> hotplug.enable(range(c.arg()));
                    default -> hotplug.disable(range(c.arg()));
                }
                ok = true;
            } catch (VirtException e) {
                ok = false;
                why = e.getMessage();
            }
            if (ok != c.ok()) {
                results.failed(name, "expected " + (c.ok() ? "success" : "failure") + ", got "
                        + (ok ? "success" : "failure " + why) + "; monitor: " + server.mismatches());
                return;
            }
            if (ok) {
                String diff = compare(hotplug.slots(), Files.readString(dir.resolve(c.prefix() + "-result-live.xml")));
                if (server.unused() != 0) {
                    diff = (diff == null ? "" : diff + "; ") + server.unused() + " recorded commands unused";
                }
                List<VcpuReport> reports = new ArrayList<>();
                for (int i = 0; i < hotplug.slots().size(); i++) {
                    reports.add(hotplug.slots().get(i).toReport(i));
                }
                if (!new DefaultVcpuThreadResolver().resolve(new VcpuThreadQuery("hotplug", 1, reports)).usable()) {
                    diff = (diff == null ? "" : diff + "; ") + "thread ids rejected";
                }
                if (diff != null) {
                    results.failed(name, diff);
                    return;
                }
            }
            results.passed(name);
        }
    }

    /** Compares the slots with the result's {@code <vcpus>} entries. */
    private static String compare(List<VcpuSlot> slots, String resultXml) {
        // libvirt gives every vCPU of a multi-vCPU entity (a ppc64 core) the entity's order
        int[] order = new int[slots.size()];
        for (int i = 0, entity = 0; i < slots.size(); i++) {
            if (slots.get(i).vcpus() != 0) {
                entity = slots.get(i).enableId();
            }
            order[i] = entity;
        }
        Matcher m = VCPU.matcher(resultXml);
        int seen = 0;
        while (m.find()) {
            int id = Integer.parseInt(m.group(1));
            VcpuSlot s = slots.get(id);
            boolean enabled = m.group(2).equals("yes");
            boolean hotpluggable = m.group(3).equals("yes");
            int expectedOrder = m.group(4) == null ? 0 : Integer.parseInt(m.group(4));
            if (s.online() != enabled || s.hotpluggable() != hotpluggable || (enabled && order[id] != expectedOrder)) {
                return "vcpu " + id + ": expected enabled=" + enabled + " hotpluggable=" + hotpluggable + " order="
                        + expectedOrder + ", got " + s.online() + "/" + s.hotpluggable() + "/" + order[id];
            }
            seen++;
        }
        return seen == slots.size() ? null : "result lists " + seen + " vCPUs, slots " + slots.size();
    }

    private static BitSet range(String spec) {
        BitSet b = new BitSet();
        String[] p = spec.split("-");
        int from = Integer.parseInt(p[0]);
        int to = p.length > 1 ? Integer.parseInt(p[1]) : from;
        b.set(from, to + 1);
        return b;
    }

    private static final QmpListener NO_EVENTS = new QmpListener() {
        @Override
        public void onEvent(String event, JsonNode data) {
        }

        @Override
        public void onClose(boolean requested) {
        }
    };
}
