package org.jvirt.api.xml;

/**
 * An {@code <interface>} (network interface).
 *
 * @param type      {@code network}, {@code bridge}, {@code user}, {@code ethernet}, {@code direct},
 *                  {@code hostdev}, {@code vhostuser}, ...
 * @param mac       the MAC address, lower case (the parser generates one under 52:54:00 when absent
 *                  or all zero, as libvirt does)
 * @param macType   {@code <mac type=>} ({@code generated}/{@code static}), or null
 * @param macCheck  {@code <mac check=>} ({@code yes}/{@code no}), or null
 * @param source    {@code <source>} as written, or null
 * @param modelType {@code <model type=>} ({@code virtio}, {@code e1000e}, ...), or null
 * @param other     further attributes and children (target, driver, boot, address ...)
 */
public record NetInterface(String type, String mac, String macType, String macCheck, XmlElement source,
                           String modelType, Preserved other) implements Device {
    public NetInterface {
        other = other == null ? Preserved.NONE : other;
    }

    @Override
    public String elementName() {
        return "interface";
    }
}
