package org.jvirt.driver.qemu.internal.caps;

import java.util.List;

/**
 * QEMU's static expansion of the host CPU ({@code host} for KVM, {@code max} for TCG) as libvirt
 * keeps it ({@code <hostCPU>} in its capabilities cache): the base model and its properties, each
 * boolean marked with its migratability. The host-model CPU of the domain capabilities is decoded
 * from it.
 *
 * @param model          the base model QEMU expanded to ({@code base})
 * @param migratability  whether the migratability of each feature was probed
 * @param props          the properties, in QEMU's order
 */
public record HostCpuExpansion(String model, boolean migratability, List<Prop> props) {

    public HostCpuExpansion {
        props = List.copyOf(props);
    }

    /**
     * One property of the expansion.
     *
     * @param name       QEMU's name ({@code sse4.1}, {@code vendor}, {@code family})
     * @param type       {@code boolean}, {@code number} or {@code string}
     * @param value      the value as text ({@code true}, {@code 23}, {@code AuthenticAMD})
     * @param migratable {@code yes}, {@code no}, or null when not probed
     */
    public record Prop(String name, String type, String value, String migratable) {
        public boolean isTrue() {
            return type.equals("boolean") && value.equals("true");
        }
    }
}
