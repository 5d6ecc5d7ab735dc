package org.jvirt.api.xml;

/**
 * A character device: {@code <serial>}, {@code <console>}, {@code <channel>} or
 * {@code <parallel>}.
 *
 * @param elementName which of the four elements
 * @param type        the host side type ({@code pty}, {@code file}, {@code tcp}, {@code udp},
 *                    {@code unix}, {@code spicevmc}, ...)
 * @param source      the host side, or null for types without a modelled source
 * @param target      {@code <target>} as written, or null
 * @param other       further attributes and children (log, alias, address, ...)
 */
public record CharDevice(String elementName, String type, CharSource source, XmlElement target, Preserved other)
        implements Device {
    public CharDevice {
        other = other == null ? Preserved.NONE : other;
    }
}
