package org.jvirt.driver.qemu.internal.domcaps;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * libvirt's {@code virDomainCaps}: what a guest of one emulator, machine, architecture and virt type
 * may use, as {@code virsh domcapabilities} shows it. Immutable; {@link DomainCapsXml} formats it,
 * {@link QemuDomainCaps} fills it from an emulator's probed capabilities.
 *
 * @param path          the emulator binary
 * @param virtType      {@code qemu} or {@code kvm}
 * @param machine       the canonical machine type, or null
 * @param arch          the guest architecture
 * @param maxVcpus      the machine's (and, for KVM, the host's) vCPU limit, 0 when unknown
 * @param iothreads     {@code <iothreads supported=>}, null when not reported
 * @param os            {@code <os>}: the firmware enum and the {@code <loader>} element
 * @param cpu           the CPU modes
 * @param memoryBacking {@code <memoryBacking>}
 * @param devices       the elements of {@code <devices>}, in libvirt's order
 * @param gic           {@code <gic>}
 * @param features      the simple features ({@code vmcoreinfo}, {@code genid}, ...) in libvirt's order:
 *                      true/false for {@code supported='yes'/'no'}
 * @param hyperv        {@code <hyperv>}, or null when QEMU reported no enlightenments
 */
public record DomainCaps(String path, String virtType, String machine, String arch, int maxVcpus, Boolean iothreads,
                         Element os, Cpu cpu, Element memoryBacking, List<Element> devices, Element gic,
                         Map<String, Boolean> features, Element hyperv) {

    public DomainCaps {
        devices = List.copyOf(devices);
        features = Collections.unmodifiableMap(new LinkedHashMap<>(features));
    }

    /**
     * An {@code <enum name=>} of possible values ({@code virDomainCapsEnum}); reported even when empty.
     */
    public record Enum(String name, List<String> values) {
        public Enum {
            values = List.copyOf(values);
        }
    }

    /**
     * An element with {@code supported=}, plain {@code <value>}s (the loader's paths), enums and
     * child elements, as libvirt's FORMAT_PROLOGUE/EPILOGUE write them; {@code supported} false
     * writes the element empty.
     */
    public record Element(String name, boolean supported, List<String> values, List<Enum> enums,
                          List<Element> children) {
        public Element {
            values = List.copyOf(values);
            enums = List.copyOf(enums);
            children = List.copyOf(children);
        }

        public static Element unsupported(String name) {
            return new Element(name, false, List.of(), List.of(), List.of());
        }

        public static Element of(String name, Enum... enums) {
            return new Element(name, true, List.of(), List.of(enums), List.of());
        }
    }

    /**
     * The {@code <cpu>} modes.
     *
     * @param hostPassthrough           whether host-passthrough is supported
     * @param hostPassthroughMigratable its {@code hostPassthroughMigratable} values
     * @param maximum                   whether maximum is supported
     * @param maximumMigratable         its {@code maximumMigratable} values
     * @param hostModel                 the host-model CPU, or null when not supported
     * @param custom                    the custom models, empty when not supported
     */
    public record Cpu(boolean hostPassthrough, List<String> hostPassthroughMigratable, boolean maximum,
                      List<String> maximumMigratable, HostModel hostModel, List<CustomModel> custom) {
        public Cpu {
            hostPassthroughMigratable = List.copyOf(hostPassthroughMigratable);
            maximumMigratable = List.copyOf(maximumMigratable);
            custom = List.copyOf(custom);
        }
    }

    /** The host-model CPU: a named model, its vendor and the features required or disabled on top. */
    public record HostModel(String model, String vendor, List<Feature> features) {
        public HostModel {
            features = List.copyOf(features);
        }
    }

    /** A CPU feature with its policy ({@code require}, {@code disable}). */
    public record Feature(String policy, String name) {
    }

    /** A custom CPU model: usable {@code yes}/{@code no}/{@code unknown}, its vendor or null. */
    public record CustomModel(String name, String usable, boolean deprecated, String vendor) {
    }
}
