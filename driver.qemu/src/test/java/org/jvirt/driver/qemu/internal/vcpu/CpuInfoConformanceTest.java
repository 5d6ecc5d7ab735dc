package org.jvirt.driver.qemu.internal.vcpu;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jvirt.driver.qemu.spi.VcpuReport;
import org.jvirt.driver.qemu.spi.VcpuThreadQuery;
import org.jvirt.driver.qemu.spi.VcpuThreadResolution;
import org.jvirt.testing.ConformanceResults;
import org.jvirt.testing.LibvirtTestData;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * libvirt's {@code qemumonitorjsontest.c} DO_TEST_CPU_INFO cases: the two QMP replies combined,
 * rendered as libvirt's {@code .data} files, and judged by the default resolver (every recorded
 * case has distinct ids, so all must be usable). The cases expected to pass are listed in
 * {@code conformance/cpuinfo.pass}.
 */
class CpuInfoConformanceTest {
    private static final Map<String, Integer> CASES = new LinkedHashMap<>();

    static {
        CASES.put("x86-basic-pluggable", 8);
        CASES.put("x86-full", 11);
        CASES.put("x86-node-full", 8);
        CASES.put("x86-dies", 16);
        CASES.put("ppc64-basic", 24);
        CASES.put("ppc64-hotplug-1", 24);
        CASES.put("ppc64-hotplug-2", 24);
        CASES.put("ppc64-hotplug-4", 24);
        CASES.put("ppc64-no-threads", 16);
        CASES.put("aarch64-clusters", 16);
        CASES.put("s390", 2);
    }

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void cpuinfoCases() throws IOException {
        Path dir = LibvirtTestData.require("qemumonitorjsondata").resolve("qemumonitorjsondata");
        ConformanceResults results = new ConformanceResults("cpuinfo");
        for (Map.Entry<String, Integer> c : CASES.entrySet()) {
            String prefix = "qemumonitorjson-cpuinfo-" + c.getKey();
            try {
                JsonNode hotplug = json.readTree(dir.resolve(prefix + "-hotplug.json").toFile()).get("return");
                JsonNode cpus = json.readTree(dir.resolve(prefix + "-cpus.json").toFile()).get("return");
                List<VcpuSlot> slots = CpuInfoMerger.merge(hotplug, cpus, c.getValue());
                String expected = Files.readString(dir.resolve(prefix + ".data")).replace("\\\n", "");
                String actual = render(slots);
                VcpuThreadResolution r = resolve(slots);
                if (!expected.equals(actual)) {
                    results.failed(c.getKey(), "data differs");
                } else if (!r.usable()) {
                    results.failed(c.getKey(), "resolver: " + r.reason());
                } else {
                    results.passed(c.getKey());
                }
            } catch (RuntimeException e) {
                results.failed(c.getKey(), e.toString());
            }
        }
        results.assertNoRegression();
    }

    private static VcpuThreadResolution resolve(List<VcpuSlot> slots) {
        List<VcpuReport> reports = new ArrayList<>();
        for (int i = 0; i < slots.size(); i++) {
            reports.add(slots.get(i).toReport(i));
        }
        return new DefaultVcpuThreadResolver().resolve(new VcpuThreadQuery("cpuinfo", 1, reports));
    }

    /** libvirt's testQemuMonitorCPUInfoFormat. */
    static String render(List<VcpuSlot> slots) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < slots.size(); i++) {
            VcpuSlot s = slots.get(i);
            b.append("[vcpu libvirt-id='").append(i).append("']\n");
            line(b, "online=" + (s.online() ? "yes" : "no"));
            line(b, "hotpluggable=" + (s.hotpluggable() ? "yes" : "no"));
            if (s.threadId() != 0) {
                line(b, "thread-id='" + s.threadId() + "'");
            }
            if (s.enableId() != 0) {
                line(b, "enable-id='" + s.enableId() + "'");
            }
            if (s.queryCpusId() != -1) {
                line(b, "query-cpus-id='" + s.queryCpusId() + "'");
            }
            if (s.type() != null) {
                line(b, "type='" + s.type() + "'");
            }
            if (s.alias() != null) {
                line(b, "alias='" + s.alias() + "'");
            }
            if (s.qomPath() != null) {
                line(b, "qom_path='" + s.qomPath() + "'");
            }
            StringBuilder t = new StringBuilder();
            attr(t, "socket", s.socket());
            attr(t, "die", s.die());
            attr(t, "cluster_id", s.cluster());
            attr(t, "core", s.core());
            attr(t, "thread", s.thread());
            attr(t, "node", s.node());
            if (s.vcpus() != 0) {
                attr(t, "vcpus", s.vcpus());
            }
            if (t.length() > 0) {
                line(b, "topology:" + t);
            }
            if (s.halted()) {
                line(b, "halted");
            }
        }
        return b.toString();
    }

    private static void line(StringBuilder b, String text) {
        b.append("    ").append(text).append('\n');
    }

    private static void attr(StringBuilder t, String name, int value) {
        if (value != -1) {
            t.append(' ').append(name).append("='").append(value).append('\'');
        }
    }
}
