package org.jvirt.driver.qemu.internal.domcaps;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.jvirt.driver.qemu.internal.caps.CpuModel;
import org.jvirt.driver.qemu.internal.caps.HostCpuExpansion;
import org.jvirt.driver.qemu.internal.domcaps.DomainCaps.Feature;
import org.jvirt.driver.qemu.internal.domcaps.DomainCaps.HostModel;

/**
 * The host-model CPU of an x86 guest, decoded from QEMU's expansion of the host CPU as libvirt
 * 9.0 does it (virQEMUCapsInitCPUModelX86, then cpu_x86.c's x86Decode): the expansion's enabled
 * features, vendor and signature become CPUID data; every named model of the CPU map that the
 * emulator offers (newest first) is tried as a base, and the one needing the fewest extra
 * {@code require}/{@code disable} features (a disabled one weighing more) wins, a model with the
 * CPU's own signature first.
 */
final class X86HostModel {
    /** libvirt's x86 translation of QEMU feature names (virQEMUCapsCPUFeaturesX86). */
    private static final Map<String, String> FROM_QEMU = Map.ofEntries(Map.entry("cmp-legacy", "cmp_legacy"),
            Map.entry("ds-cpl", "ds_cpl"), Map.entry("fxsr-opt", "fxsr_opt"), Map.entry("kvm-pv-eoi", "kvm_pv_eoi"),
            Map.entry("kvm-pv-unhalt", "kvm_pv_unhalt"), Map.entry("lahf-lm", "lahf_lm"),
            Map.entry("nodeid-msr", "nodeid_msr"), Map.entry("pclmulqdq", "pclmuldq"),
            Map.entry("perfctr-core", "perfctr_core"), Map.entry("perfctr-nb", "perfctr_nb"),
            Map.entry("tsc-adjust", "tsc_adjust"));
    /** Reserved bits masked out of the signature (libvirt's SIGNATURE_MASK). */
    private static final int SIGNATURE_MASK = 0x0fff3fff;

    private final X86CpuMap map;

    X86HostModel(X86CpuMap map) {
        this.map = map;
    }

    static String fromQemu(String feature) {
        return FROM_QEMU.getOrDefault(feature, feature);
    }

    /**
     * @param expansion the expansion probed for the accelerator
     * @param offered   the emulator's CPU models for that accelerator (with their blockers)
     * @return the host-model CPU, or null when no model of the map fits
     */
    HostModel decode(HostCpuExpansion expansion, List<CpuModel> offered) {
        CpuData data = toData(expansion);
        CpuData work = data.copy();
        X86CpuMap.Vendor vendor = takeVendor(work);
        int[] leaf1 = data.get(CpuData.Key.cpuid(1, 0));
        int signature = leaf1 == null ? 0 : leaf1[0] & SIGNATURE_MASK;
        dropBrokenTsx(work, vendor, signature);

        List<X86CpuMap.Model> models = map.models();
        X86CpuMap.Model best = null;
        List<Feature> bestFeatures = null;
        for (int i = models.size() - 1; i >= 0; i--) {
            X86CpuMap.Model candidate = models.get(i);
            CpuModel hv = offered.stream().filter(m -> m.name().equals(candidate.name())).findFirst().orElse(null);
            if (hv == null) {
                continue;
            }
            if (vendor != null && candidate.vendor() != null && !vendor.name().equals(candidate.vendor().name())) {
                continue;
            }
            if (!candidate.decodeGuest()) {
                continue;
            }
            List<Feature> features = features(work, candidate, hv);
            if (best == null || better(best, bestFeatures, candidate, features, signature)) {
                best = candidate;
                bestFeatures = features;
            }
        }
        return best == null ? null : new HostModel(best.name(), vendor == null ? null : vendor.name(), bestFeatures);
    }

    /**
     * x86DecodeUseCandidate for a guest CPU: a model with the CPU's signature first, then the
     * smaller weighted feature list (virCPUx86CompareCandidateFeatureList).
     */
    private static boolean better(X86CpuMap.Model current, List<Feature> currentFeatures, X86CpuMap.Model candidate,
                                  List<Feature> candidateFeatures, int signature) {
        if (signature != 0) {
            boolean cur = matches(current, signature);
            boolean cand = matches(candidate, signature);
            if (cur && !cand) {
                return false;
            }
            if (!cur && cand) {
                return true;
            }
        }
        long[] c = weight(currentFeatures);
        long[] n = weight(candidateFeatures);
        return n[0] < c[0] || (n[0] == c[0] && n[1] < c[1]);
    }

    /**
     * The weight of a feature list and its disabled part, as libvirt 9.0 computes them: every
     * disabled feature costs more than the one before (2, 3, 4, ...). libvirt's loop runs while the
     * index is below the shrinking count of enabled features, so the disabled features at the end
     * of the list are only partly counted; the same walk is kept here, since it decides the model.
     */
    private static long[] weight(List<Feature> features) {
        int enabled = features.size();
        long disabled = 0;
        int penalty = 2;
        for (int i = 0; i < enabled; i++) {
            if (features.get(i).policy().equals("disable")) {
                enabled--;
                disabled += penalty++;
            }
        }
        return new long[] {enabled + disabled, disabled};
    }

    private static boolean matches(X86CpuMap.Model model, int signature) {
        int family = ((signature >> 20) & 0xff) + ((signature >> 8) & 0xf);
        int mod = ((signature >> 12) & 0xf0) + ((signature >> 4) & 0xf);
        int stepping = signature & 0xf;
        return model.signatures().stream().anyMatch(s -> s.matches(family, mod, stepping));
    }

    /** x86DataToCPU: what the data has beyond the model (require), what the model has beyond it (disable). */
    private List<Feature> features(CpuData data, X86CpuMap.Model model, CpuModel hv) {
        CpuData extra = data.copy();
        CpuData missing = model.data().copy();
        extra.subtract(model.data());
        missing.subtract(data);
        // the emulator's version of the model may have features this host lacks: they block it
        for (String blocker : hv.blockers()) {
            X86CpuMap.Feature f = map.feature(fromQemu(blocker));
            if (f != null && f.name().equals(fromQemu(blocker)) && !extra.containsAll(f.data())) {
                missing.addAll(f.data());
            }
        }
        List<Feature> out = new ArrayList<>();
        collect(out, "require", extra);
        collect(out, "disable", missing);
        for (String r : model.removed()) {
            if (out.stream().noneMatch(f -> f.name().equals(r))) {
                out.add(new Feature("disable", r));
            }
        }
        return out;
    }

    /** x86DataToCPUFeatures: the map's features fully present in {@code data}, in the map's order. */
    private void collect(List<Feature> out, String policy, CpuData data) {
        for (X86CpuMap.Feature f : map.features()) {
            if (data.containsAll(f.data())) {
                data.subtract(f.data());
                out.add(new Feature(policy, f.name()));
            }
        }
    }

    /** x86DataToVendor: the vendor whose string is in leaf 0, its bits removed from {@code data}. */
    private X86CpuMap.Vendor takeVendor(CpuData data) {
        for (X86CpuMap.Vendor v : map.vendors()) {
            if (data.containsAll(v.data())) {
                data.subtract(v.data());
                return v;
            }
        }
        return null;
    }

    /** x86DataFilterTSX: Haswell and early Broadwell parts report HLE/RTM that do not work. */
    private void dropBrokenTsx(CpuData data, X86CpuMap.Vendor vendor, int signature) {
        if (vendor == null || !vendor.name().equals("Intel")) {
            return;
        }
        int family = ((signature >> 20) & 0xff) + ((signature >> 8) & 0xf);
        int model = ((signature >> 12) & 0xf0) + ((signature >> 4) & 0xf);
        int stepping = signature & 0xf;
        if (family == 6 && ((model == 63 && stepping < 4) || model == 60 || model == 69 || model == 70)) {
            for (String name : new String[] {"hle", "rtm"}) {
                X86CpuMap.Feature f = map.feature(name);
                if (f != null) {
                    data.subtract(f.data());
                }
            }
        }
    }

    /** virQEMUCapsGetCPUModelX86Data for the reported (not migratable) host CPU. */
    private CpuData toData(HostCpuExpansion expansion) {
        CpuData data = new CpuData();
        int family = 0;
        int model = 0;
        int stepping = 0;
        for (HostCpuExpansion.Prop p : expansion.props()) {
            String name = fromQemu(p.name());
            switch (p.type()) {
                case "boolean" -> {
                    X86CpuMap.Feature f = p.isTrue() ? map.feature(name) : null;
                    if (f != null) {
                        data.addAll(f.data());
                    }
                }
                case "string" -> {
                    if (name.equals("vendor")) {
                        map.vendors().stream().filter(v -> vendorString(v).equals(p.value())).findFirst()
                                .ifPresent(v -> data.addAll(v.data()));
                    }
                }
                case "number" -> {
                    switch (name) {
                        case "family" -> family = (int) Long.parseLong(p.value());
                        case "model" -> model = (int) Long.parseLong(p.value());
                        case "stepping" -> stepping = (int) Long.parseLong(p.value());
                        default -> {
                            // levels and sizes carry no feature
                        }
                    }
                }
                default -> {
                    // no other property types
                }
            }
        }
        data.add(CpuData.Key.cpuid(1, 0), signature(family, model, stepping), 0, 0, 0);
        return data;
    }

    /** x86MakeSignature: family, model, stepping as leaf 1's eax. */
    static int signature(int family, int model, int stepping) {
        int sig = 0;
        if (family > 0xf) {
            sig |= (family - 0xf) << 20;
            family = 0xf;
        }
        sig |= (model >> 4) << 16;
        sig |= family << 8;
        sig |= (model & 0xf) << 4;
        sig |= stepping & 0xf;
        return sig;
    }

    private static String vendorString(X86CpuMap.Vendor v) {
        int[] r = v.data().get(CpuData.Key.cpuid(0, 0));
        byte[] b = new byte[12];
        int[] order = {r[1], r[3], r[2]};
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 4; j++) {
                b[i * 4 + j] = (byte) (order[i] >>> (8 * j));
            }
        }
        return new String(b, StandardCharsets.US_ASCII);
    }
}
