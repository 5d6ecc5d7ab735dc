package org.jvirt.shell.internal;

import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;

import org.jvirt.api.Connection;
import org.jvirt.api.StoragePool;
import org.jvirt.api.StorageVol;
import org.jvirt.api.VirtException;

/** virsh's {@code virshCommandOptPoolBy} and {@code virshCommandOptVolBy}, and its size printing. */
final class StorageLookup {
    private static final Pattern UUID_TEXT = Pattern.compile(
            "\\p{XDigit}{8}-\\p{XDigit}{4}-\\p{XDigit}{4}-\\p{XDigit}{4}-\\p{XDigit}{12}");
    private static final String[] UNITS = {"B", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB"};

    private StorageLookup() {
    }

    /** The pool named by option {@code option}: by UUID when the text is one, else (or then) by name. */
    static StoragePool pool(Invocation call, String option) throws CommandFailure, Invocation.ConnectFailure {
        String text = call.args().required(option);
        Connection conn = call.connection();
        VirtException last = null;
        if (UUID_TEXT.matcher(text).matches()) {
            try {
                return conn.lookupStoragePoolByUuid(UUID.fromString(text));
            } catch (VirtException e) {
                last = e;
            }
        }
        try {
            return conn.lookupStoragePoolByName(text);
        } catch (VirtException e) {
            last = e;
        }
        throw new CommandFailure("failed to get pool '" + text + "'", last);
    }

    /** The volume of option {@code vol}: by name in {@code --pool} when given, else (or then) by key, then by path. */
    static StorageVol vol(Invocation call) throws CommandFailure, Invocation.ConnectFailure {
        String text = call.args().required("vol");
        Connection conn = call.connection();
        VirtException last = null;
        if (call.args().value("pool").isPresent()) {
            StoragePool p = pool(call, "pool");
            try {
                return p.lookupVolumeByName(text);
            } catch (VirtException e) {
                last = e;
            }
        }
        try {
            return conn.lookupStorageVolByKey(text);
        } catch (VirtException e) {
            last = e;
        }
        try {
            return conn.lookupStorageVolByPath(text);
        } catch (VirtException e) {
            last = e;
        }
        throw new CommandFailure("failed to get vol '" + text + "'", last);
    }

    /** virsh's {@code vshPrettyCapacity}: {@code "%.2lf %s"} in binary units. */
    static String pretty(long bytes) {
        double v = bytes;
        int u = 0;
        while (v >= 1024 && u < UNITS.length - 1) {
            v /= 1024;
            u++;
        }
        return String.format(Locale.ROOT, "%.2f %s", v, UNITS[u]);
    }
}
