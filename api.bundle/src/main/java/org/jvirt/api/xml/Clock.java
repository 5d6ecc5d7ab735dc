package org.jvirt.api.xml;

import java.util.List;

/**
 * The {@code <clock>} element.
 *
 * @param offset     {@code utc}, {@code localtime}, {@code timezone}, {@code variable}, {@code absolute}
 * @param adjustment for {@code variable}: seconds, or {@code reset}; null otherwise
 * @param basis      for {@code variable}: {@code utc}/{@code localtime}; null otherwise
 * @param timezone   for {@code timezone}: the zone; null otherwise
 * @param timers     {@code <timer>} elements as written
 * @param other      further attributes ({@code start}) and children
 */
public record Clock(String offset, String adjustment, String basis, String timezone, List<XmlElement> timers,
                    Preserved other) {
    public Clock {
        timers = List.copyOf(timers == null ? List.of() : timers);
        other = other == null ? Preserved.NONE : other;
    }

    public static Clock utc() {
        return new Clock("utc", null, null, null, List.of(), Preserved.NONE);
    }
}
