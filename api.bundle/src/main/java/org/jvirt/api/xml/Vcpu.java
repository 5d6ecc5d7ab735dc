package org.jvirt.api.xml;

/**
 * The {@code <vcpu>} element.
 *
 * @param count     the maximum number of vCPUs (the element's text)
 * @param current   vCPUs online at boot; equals {@code count} when the attribute is absent
 * @param placement {@code static} or {@code auto}
 * @param cpuset    the default host CPU set, or null
 */
public record Vcpu(int count, int current, String placement, String cpuset) {

    public Vcpu(int count) {
        this(count, count, "static", null);
    }
}
