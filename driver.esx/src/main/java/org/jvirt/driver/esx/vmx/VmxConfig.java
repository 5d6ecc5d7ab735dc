package org.jvirt.driver.esx.vmx;

import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.jvirt.api.VirtException;

/**
 * The entries of a VMX file with vmx.c's typed lookups (virVMXGetConfigString, ...Long,
 * ...Boolean, ...UUID) and their messages. Names are matched without regard to case, as
 * virConfGetValue does for the VMX format; the first entry of a name wins.
 */
final class VmxConfig {
    private final List<VmxText.Entry> entries;

    VmxConfig(List<VmxText.Entry> entries) {
        this.entries = List.copyOf(entries);
    }

    static VmxConfig parse(String text) throws VirtException {
        return new VmxConfig(VmxText.parse(text));
    }

    List<VmxText.Entry> entries() {
        return entries;
    }

    /** The value, or null when absent; an absent essential entry is an error. */
    String string(String name, boolean optional) throws VirtException {
        for (VmxText.Entry e : entries) {
            if (e.name().equalsIgnoreCase(name)) {
                return e.value();
            }
        }
        if (optional) {
            return null;
        }
        throw VmxErrors.internal("Missing essential config entry '" + name + "'");
    }

    String string(String name) throws VirtException {
        return string(name, true);
    }

    /** An integer, {@code unlimited} as -1, or the default when absent. */
    long number(String name, long fallback, boolean optional) throws VirtException {
        String value = string(name, optional);
        if (value == null) {
            return fallback;
        }
        if (value.equalsIgnoreCase("unlimited")) {
            return -1;
        }
        Long n = Numbers.parseLong(value);
        if (n == null) {
            throw VmxErrors.internal("Config entry '" + name + "' must represent an integer value");
        }
        return n;
    }

    long number(String name, long fallback) throws VirtException {
        return number(name, fallback, true);
    }

    boolean bool(String name, boolean fallback) throws VirtException {
        String value = string(name, true);
        if (value == null) {
            return fallback;
        }
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw VmxErrors.internal("Config entry '" + name
                    + "' must represent a boolean value (true|false)");
        };
    }

    /** virUUIDParse as vmx.c uses it ({@code 56 4d 9b ef ac d9 b4 e0-c8 f0 ...}); null when absent. */
    UUID uuid(String name) throws VirtException {
        String value = string(name, true);
        if (value == null) {
            return null;
        }
        UUID uuid = VmxUuid.parse(value);
        if (uuid == null) {
            throw VmxErrors.internal("Could not parse UUID from string '" + value + "'");
        }
        return uuid;
    }
}
