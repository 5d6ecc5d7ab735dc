package org.jvirt.api.xml;

/** Collects the values of a {@link Watchdog}: from {@link Watchdog#builder()} or {@link Watchdog#toBuilder()}; not thread-safe. */
public final class WatchdogBuilder {
    String model;
    String action;
    Preserved other;
    DeviceInfo info;

    WatchdogBuilder() {
    }

    WatchdogBuilder(Watchdog from) {
        model = from.model();
        action = from.action();
        other = from.other();
        info = from.info();
    }

    /** @see Watchdog#model() */
    public WatchdogBuilder model(String value) {
        this.model = value;
        return this;
    }

    /** @see Watchdog#action() */
    public WatchdogBuilder action(String value) {
        this.action = value;
        return this;
    }

    /** @see Watchdog#other() */
    public WatchdogBuilder other(Preserved value) {
        this.other = value;
        return this;
    }

    /** @see Watchdog#info() */
    public WatchdogBuilder info(DeviceInfo value) {
        this.info = value;
        return this;
    }

    public Watchdog build() {
        return new Watchdog(this);
    }
}
