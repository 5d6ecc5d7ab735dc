package org.jvirt.driver.xen.internal;

import java.util.Map;

/** libvirt's xenTranslateCPUFeature: CPU feature names where Xen's cpuid option and libvirt differ. */
final class CpuFeatureNames {
    /** Xen's name to libvirt's. */
    private static final Map<String, String> XEN_TO_LIBVIRT = Map.ofEntries(
            Map.entry("cmpxchg16", "cx16"), Map.entry("cntxid", "cid"), Map.entry("dscpl", "ds_cpl"),
            Map.entry("pclmulqdq", "pclmuldq"), Map.entry("page1gb", "pdpe1gb"), Map.entry("sse3", "pni"),
            Map.entry("sse4_1", "sse4.1"), Map.entry("sse4_2", "sse4.2"), Map.entry("lahfsahf", "lahf_lm"),
            Map.entry("cmplegacy", "cmp_legacy"), Map.entry("altmovcr8", "cr8legacy"),
            Map.entry("nodeid", "nodeid_msr"), Map.entry("svm_npt", "npt"), Map.entry("svm_lbrv", "lbrv"),
            Map.entry("svm_nrips", "nrip_save"), Map.entry("svm_tscrate", "tsc_scale"),
            Map.entry("svm_vmcbclean", "vmcb_clean"), Map.entry("svm_decode", "decodeassists"),
            Map.entry("svm_pausefilt", "pause_filter"));

    private CpuFeatureNames() {
    }

    static String toXen(String libvirtName) {
        return XEN_TO_LIBVIRT.entrySet().stream().filter(e -> e.getValue().equals(libvirtName))
                .map(Map.Entry::getKey).findFirst().orElse(libvirtName);
    }

    static String toLibvirt(String xenName) {
        return XEN_TO_LIBVIRT.getOrDefault(xenName, xenName);
    }
}
