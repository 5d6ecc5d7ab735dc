package org.jvirt.driver.xen.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.jvirt.api.VirtException;

/** Typed reads of a parsed Xen configuration, with libvirt's xenConfigGet* rules and messages. */
final class Conf {
    private final Map<String, Object> values;

    Conf(Map<String, Object> values) {
        this.values = values;
    }

    boolean has(String name) {
        return values.containsKey(name);
    }

    /** xenConfigGetString: a string value, else {@code dflt}. */
    String string(String name, String dflt) throws VirtException {
        Object v = values.get(name);
        if (v == null) {
            return dflt;
        }
        if (v instanceof String s) {
            return s;
        }
        throw XenErrors.conf("config value " + name + " was malformed");
    }

    /** xenConfigGetULong: a number, or a string of digits. */
    long number(String name, long dflt) throws VirtException {
        Object v = values.get(name);
        if (v == null) {
            return dflt;
        }
        if (v instanceof Long l) {
            return l;
        }
        if (v instanceof String s) {
            try {
                return Long.parseLong(s);
            } catch (NumberFormatException e) {
                throw XenErrors.conf("config value " + name + " was malformed");
            }
        }
        throw XenErrors.conf("config value " + name + " was malformed");
    }

    /** xenConfigGetBool: a number (non-zero is true) or the string "1"; -1 when absent and dflt is -1. */
    int bool(String name, int dflt) throws VirtException {
        Object v = values.get(name);
        if (v == null) {
            return dflt;
        }
        if (v instanceof Long l) {
            return l != 0 ? 1 : 0;
        }
        if (v instanceof String s) {
            return s.equals("1") ? 1 : 0;
        }
        throw XenErrors.conf("config value " + name + " was malformed");
    }

    /** virConfGetValueStringList with compat: a list's strings, or a single string as a list of one. */
    List<String> strings(String name) {
        Object v = values.get(name);
        List<String> out = new ArrayList<>();
        if (v instanceof String s) {
            out.add(s);
        } else if (v instanceof List<?> list) {
            for (Object o : list) {
                if (o instanceof String s) {
                    out.add(s);
                }
            }
        }
        return out;
    }

    /** A list's items (strings or nested lists), empty when absent or not a list. */
    List<?> list(String name) {
        return values.get(name) instanceof List<?> l ? l : List.of();
    }
}
