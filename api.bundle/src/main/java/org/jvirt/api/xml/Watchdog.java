package org.jvirt.api.xml;

/**
 * A {@code <watchdog>} device.
 *
 * @param model  {@code i6300esb}, {@code ib700}, {@code diag288}, {@code itco}
 * @param action {@code reset}, {@code shutdown}, {@code poweroff}, {@code pause}, {@code none},
 *               {@code dump}, {@code inject-nmi}, or null
 * @param other  further attributes and children
 */
public record Watchdog(String model, String action, Preserved other) implements Device {
    public Watchdog {
        other = other == null ? Preserved.NONE : other;
    }

    @Override
    public String elementName() {
        return "watchdog";
    }
}
