package org.jvirt.driver.test.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.jvirt.api.Domain;
import org.jvirt.api.DomainStats;
import org.jvirt.api.MemoryStat;
import org.jvirt.api.TypedParameter;
import org.jvirt.api.VirtException;

/** The steps of {@link DifferentialTest} for resizing and statistics, printed as differential.py prints them. */
final class DifferentialResize {
    private DifferentialResize() {
    }

    static String step(Domain d, String[] w) throws VirtException {
        switch (w[0]) {
            case "setmem" -> d.setMemory(Long.parseLong(w[2]), DifferentialTest.number(w[3]));
            case "setvcpus" -> d.setVcpus(DifferentialTest.number(w[2]), DifferentialTest.number(w[3]));
            case "vcpucount" -> {
                return Integer.toString(d.vcpusCount(DifferentialTest.number(w[2])));
            }
            case "maxvcpus" -> {
                return Integer.toString(d.vcpusCount(1 | 4)); // libvirt's domainGetMaxVcpus: live maximum
            }
            case "maxmem" -> {
                return Long.toString(d.info().maxMemKiB());
            }
            case "memstats" -> {
                List<String> out = new ArrayList<>();
                for (MemoryStat s : d.memoryStats(0)) {
                    out.add(s.tag().label() + "=" + s.value());
                }
                return String.join(" ", out);
            }
            case "period" -> d.setMemoryStatsPeriod(Integer.parseInt(w[2]), DifferentialTest.number(w[3]));
            case "domstats" -> {
                return stats(d.connection().domainStats(List.of(d), DifferentialTest.number(w[2]),
                        DifferentialTest.number(w[3])));
            }
            default -> throw new IllegalArgumentException("unknown step " + w[0]);
        }
        return null;
    }

    static String stats(List<DomainStats> records) {
        // libvirt lists the domains in the order of its hash table: compare them sorted
        List<String> out = new ArrayList<>();
        for (DomainStats r : records.stream().sorted(Comparator.comparing(x -> x.domain().name())).toList()) {
            List<String> params = new ArrayList<>();
            for (TypedParameter p : r.params()) {
                params.add(p.field() + "=" + p.value());
            }
            out.add(r.domain().name() + ": " + String.join(" ", params));
        }
        return String.join("; ", out);
    }
}
