package org.jvirt.driver.esx.internal;

import java.nio.charset.StandardCharsets;

import org.jvirt.api.VirtException;
import org.jvirt.driver.esx.internal.vi.ViErrors;
import org.jvirt.driver.esx.vmx.VmxEscape;

/**
 * A datastore path, {@code [datastore1] dir/vm.vmx} ({@code esxUtil_ParseDatastorePath}), and
 * libvirt's escaping of a name as a datastore item ({@code esxUtil_EscapeDatastoreItem}).
 *
 * @param datastore        the datastore's name
 * @param directoryAndFile the path inside the datastore, {@code ""} for its root
 */
record DatastorePath(String datastore, String directoryAndFile) {

    /** The characters VMware keeps in a datastore item; others are written as modified base64. */
    private static final String NORMAL = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789'(),. _-";
    /** VMware's base64 alphabet: ',' in place of '/'. */
    private static final String BASE64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+,";

    /** {@code '[<datastore>] <path>'}, the path optional, blanks after the bracket skipped. */
    static DatastorePath parse(String text) throws VirtException {
        if (!text.startsWith("[") || text.length() < 2 || text.charAt(1) == ']') {
            throw ViErrors.invalidArg("Datastore path '" + text + "' doesn't have expected format"
                    + " '[<datastore>] <path>'");
        }
        String rest = text.substring(1);
        int close = rest.indexOf(']');
        String name = close < 0 ? rest : rest.substring(0, close);
        String path = close < 0 ? "" : rest.substring(close + 1).replaceFirst("^ +", "");
        return new DatastorePath(name, path);
    }

    /**
     * The directory part, or null for a file in the datastore's root. (libvirt 9.0 takes the whole
     * path as the directory when it has no slash, so that a bare {@code [ds] vm.vmx} names its
     * disks {@code [ds] vm.vmx/disk.vmdk}; jvirt does not repeat that.)
     */
    String directory() {
        int slash = directoryAndFile.lastIndexOf('/');
        return slash < 0 ? null : directoryAndFile.substring(0, slash);
    }

    /** The datastore path of {@code file} in this path's directory. */
    DatastorePath sibling(String file) {
        String dir = directory();
        return new DatastorePath(datastore, dir == null ? file : dir + "/" + file);
    }

    @Override
    public String toString() {
        return "[" + datastore + "] " + directoryAndFile;
    }

    /**
     * {@code esxUtil_EscapeDatastoreItem}: Windows' special path characters become {@code _},
     * {@code %}, {@code /} and {@code \} are hex-escaped, and runs of other characters than
     * {@link #NORMAL} are written as {@code +<base64>} (ended by {@code -} when more follows).
     */
    static String escapeItem(String name) {
        String replaced = name.replaceAll("[\"*<>:|?]", "_");
        byte[] in = VmxEscape.percent(replaced).getBytes(StandardCharsets.UTF_8);
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < in.length) {
            if (normal(in[i])) {
                out.append((char) in[i++]);
                continue;
            }
            int end = i;
            while (end < in.length && !normal(in[end])) {
                end++;
            }
            out.append('+');
            for (int j = i; j < end; j += 3) {
                int left = end - j;
                int c1 = in[j] & 0xff;
                int c2 = left > 1 ? in[j + 1] & 0xff : 0;
                int c3 = left > 2 ? in[j + 2] & 0xff : 0;
                out.append(BASE64.charAt((c1 >> 2) & 0x3f));
                out.append(BASE64.charAt(((c1 << 4) + (c2 >> 4)) & 0x3f));
                if (left > 1) {
                    out.append(BASE64.charAt(((c2 << 2) + (c3 >> 6)) & 0x3f));
                }
                if (left > 2) {
                    out.append(BASE64.charAt(c3 & 0x3f));
                }
            }
            if (end < in.length) {
                out.append('-');
            }
            i = end;
        }
        return out.toString();
    }

    private static boolean normal(byte b) {
        return b > 0 && NORMAL.indexOf((char) b) >= 0;
    }
}
