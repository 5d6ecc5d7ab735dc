package org.jvirt.api.xml;

import java.util.List;
import java.util.Objects;

/**
 * The {@code <features>} element: each feature as written ({@code <acpi/>}, {@code <apic eoi=/>},
 * {@code <hyperv mode=>...}, {@code <smm><tseg/></smm>} ...), formatted in libvirt's order.
 *
 * <p>Immutable; lists are never null. Build with {@link #builder()}, change with {@link #toBuilder()}.
 */
public final class Features {
    private final List<XmlElement> entries;
    private final Capabilities capabilities;

    Features(FeaturesBuilder b) {
        this.entries = List.copyOf(b.entries == null ? List.of() : b.entries);
        this.capabilities = b.capabilities;
    }

    /** A builder with every field unset (null, empty, or the documented default). */
    public static FeaturesBuilder builder() {
        return new FeaturesBuilder();
    }

    /** A builder holding this object's values. */
    public FeaturesBuilder toBuilder() {
        return new FeaturesBuilder(this);
    }

    /** the features in order, except {@code <capabilities>}, each as written with libvirt's parse-time completions (states, the Hyper-V mode); the typed accessors read them */
    public List<XmlElement> entries() {
        return entries;
    }

    /** the LXC {@code <capabilities policy=>} feature, or null */
    public Capabilities capabilities() {
        return capabilities;
    }

    /** Whether the LXC {@code <privnet/>} feature (a private network namespace even without interfaces) is set. */
    public boolean privnet() {
        return has("privnet");
    }

    /**
     * {@code <capabilities policy=>}: the process capabilities of a container's init.
     *
     * @param policy {@code default}, {@code allow} or {@code deny}
     * @param states per capability (libvirt's names: {@code mknod}, {@code sys_admin}, ...), its
     *               state {@code on}/{@code off}, in libvirt's order
     */
    public record Capabilities(String policy, List<Capability> states) {
        public Capabilities {
            states = List.copyOf(states == null ? List.of() : states);
        }
    }

    /**
     * One capability of {@link Capabilities}.
     *
     * @param name  the capability name without {@code CAP_}, lower case
     * @param state {@code on} or {@code off}
     */
    public record Capability(String name, String state) {
    }

    /** Whether feature {@code name} is present. */
    public boolean has(String name) {
        return entries.stream().anyMatch(e -> e.name().equals(name));
    }

    /** Feature {@code name}, or null. */
    public XmlElement get(String name) {
        return entries.stream().filter(e -> e.name().equals(name)).findFirst().orElse(null);
    }

    /**
     * The state of feature {@code name} as libvirt reads it: its {@code state} attribute, {@code on}
     * for a feature written without one, null when absent.
     */
    public String state(String name) {
        XmlElement e = get(name);
        if (e == null) {
            return null;
        }
        return e.attribute("state") == null ? "on" : e.attribute("state");
    }

    /** Whether feature {@code name} is present and its state is {@code on}. */
    public boolean on(String name) {
        return "on".equals(state(name));
    }

    /** Whether feature {@code name} is written with state {@code off}. */
    public boolean off(String name) {
        return "off".equals(state(name));
    }

    /** {@code <apic eoi=>} ({@code on}/{@code off}), or null. */
    public String apicEoi() {
        return attr("apic", "eoi");
    }

    /** {@code <ioapic driver=>} ({@code kvm}/{@code qemu}), or null. */
    public String ioapicDriver() {
        return attr("ioapic", "driver");
    }

    /** {@code <gic version=>} ({@code 2}, {@code 3}, {@code host}), or null. */
    public String gicVersion() {
        return attr("gic", "version");
    }

    /** {@code <async-teardown enabled=>} ({@code yes}/{@code no}), or null. */
    public String asyncTeardown() {
        return attr("async-teardown", "enabled");
    }

    /** {@code <hpt resizing=>} ({@code enabled}/{@code disabled}/{@code required}), or null. */
    public String hptResizing() {
        return attr("hpt", "resizing");
    }

    /** {@code <hpt><maxpagesize>} in KiB (the codec checked the number), or null. */
    public Long hptMaxPageSizeKib() {
        XmlElement hpt = get("hpt");
        return hpt == null ? null : FeatureSizes.kib(hpt.child("maxpagesize"), "KiB");
    }

    /** {@code <tcg><tb-cache>} in KiB (the codec checked the number), or null. */
    public Long tcgTbCacheKib() {
        XmlElement tcg = get("tcg");
        return tcg == null ? null : FeatureSizes.kib(tcg.child("tb-cache"), "KiB");
    }

    /** {@code <smm>}, or null when absent. */
    public Smm smm() {
        XmlElement smm = get("smm");
        return smm == null ? null : new Smm(state("smm"), FeatureSizes.kib(smm.child("tseg"), "MiB"));
    }

    /** {@code <hyperv>}, or null when absent. */
    public Hyperv hyperv() {
        return Hyperv.of(get("hyperv"));
    }

    /** {@code <kvm>}, or null when absent. */
    public Kvm kvm() {
        return Kvm.of(get("kvm"));
    }

    /**
     * {@code <smm state=><tseg unit=>N</tseg></smm>}.
     *
     * @param state   {@code on}/{@code off}
     * @param tsegKib the TSEG size in KiB (libvirt's default unit MiB), or null when not written
     */
    public record Smm(String state, Long tsegKib) {
    }

    private String attr(String feature, String attribute) {
        XmlElement e = get(feature);
        return e == null ? null : e.attribute(attribute);
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof Features x)) {
            return false;
        }
        return Objects.equals(entries, x.entries) && Objects.equals(capabilities, x.capabilities);
    }

    @Override
    public int hashCode() {
        return Objects.hash(entries, capabilities);
    }

    @Override
    public String toString() {
        return "Features[entries=" + entries + ", capabilities=" + capabilities + "]";
    }

}
