package org.jvirt.driver.xen.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jvirt.api.xml.Cpu;

/**
 * libxl's CPUID policy ({@code b_info.cpuid}) from the {@code <feature>}s of a host-passthrough
 * CPU, as libvirt's {@code libxlMakeDomBuildInfo} builds it through {@code libxl_cpuid_parse_config}
 * ({@code NAME=1} for require and force, {@code NAME=0} for disable and forbid, Xen's names): one
 * entry per CPUID leaf, a 32-character mask per register, most significant bit first, {@code x}
 * where the host's value stays. vmx and svm are nested HVM's, not CPUID's; names libxl does not
 * know are skipped, as libvirt only warns about them.
 */
final class LibxlCpuid {
    private static final int NO_SUBLEAF = -1;

    private record Bit(long leaf, int subleaf, String reg, int bit) {
    }

    /** The single-bit features of the CPUID leaves libxl names (leaf 1, 7.0 and 0x80000001). */
    private static final Map<String, Bit> BITS = new LinkedHashMap<>();

    static {
        names(1, NO_SUBLEAF, "ecx", "sse3 pclmulqdq dtes64 monitor dscpl vmx smx est tm2 ssse3 cntxid - fma cmpxchg16"
                + " xtpr pdcm - pcid dca sse4_1 sse4_2 x2apic movbe popcnt tsc-deadline aes xsave osxsave avx f16c rdrand"
                + " hypervisor");
        names(1, NO_SUBLEAF, "edx", "fpu vme de pse tsc msr pae mce cmpxchg8 apic - sysenter mtrr pge mca cmov pat pse36"
                + " psn clfsh - ds acpi mmx fxsr sse sse2 ss htt tm - pbe");
        names(7, 0, "ebx", "fsgsbase tsc_adjust - bmi1 hle avx2 - smep bmi2 erms invpcid rtm - - mpx - avx512f avx512dq"
                + " rdseed adx smap - - clflushopt clwb - - - avx512cd sha avx512bw avx512vl");
        names(0x80000001L, NO_SUBLEAF, "ecx", "lahfsahf cmplegacy svm extapic altmovcr8 abm sse4a misalignsse"
                + " 3dnowprefetch osvw ibs xop skinit wdt - lwp fma4 - - nodeid - tbm topoext");
        names(0x80000001L, NO_SUBLEAF, "edx", "- - - - - - - - - - - syscall - - - - - - - - nx - mmxext - - ffxsr"
                + " page1gb rdtscp - lm 3dnowext 3dnow");
    }

    /** Bit 0 first; {@code -} for a bit without a name. */
    private static void names(long leaf, int subleaf, String reg, String names) {
        String[] byBit = names.split(" ");
        for (int bit = 0; bit < byBit.length; bit++) {
            if (!byBit[bit].equals("-")) {
                BITS.put(byBit[bit], new Bit(leaf, subleaf, reg, bit));
            }
        }
    }

    private LibxlCpuid() {
    }

    /** The policy list, empty when no feature is set or cleared. */
    static List<Map<String, Object>> build(Cpu cpu) {
        Map<String, Map<String, Object>> leaves = new LinkedHashMap<>();
        for (var f : cpu.features()) {
            String value = switch (f.policy() == null ? "require" : f.policy()) {
                case "require", "force" -> "1";
                case "disable", "forbid" -> "0";
                default -> null;
            };
            Bit b = BITS.get(CpuFeatureNames.toXen(f.name()));
            if (value == null || b == null || f.name().equals("vmx") || f.name().equals("svm")) {
                continue;
            }
            Map<String, Object> leaf = leaves.computeIfAbsent(b.leaf + "/" + b.subleaf, k -> {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("leaf", b.leaf);
                if (b.subleaf != NO_SUBLEAF) {
                    m.put("subleaf", b.subleaf);
                }
                return m;
            });
            char[] mask = ((String) leaf.getOrDefault(b.reg, "x".repeat(32))).toCharArray();
            mask[31 - b.bit] = value.charAt(0);
            leaf.put(b.reg, new String(mask));
        }
        return new ArrayList<>(leaves.values());
    }
}
