package org.jvirt.api.xml;

/**
 * Disk target names ({@code hda}, {@code sdb}, {@code vdaa}) and their indexes, as libvirt's
 * {@code virDiskNameToIndex} and {@code virIndexToDiskName}. The one implementation every bundle
 * uses (drive addresses, VMX and xl disk names, Hyper-V's controller slots).
 */
public final class DiskNames {
    private static final String[] PREFIXES = {"fd", "hd", "vd", "sd", "xvd", "ubd"};

    private DiskNames() {
    }

    /**
     * The index of a target name: {@code hda} 0, {@code sdb} 1, {@code sdz} 25, {@code sdaa} 26;
     * trailing digits (a partition, {@code sda1}) are allowed and ignored as libvirt does.
     *
     * @return the index, or -1 when the name has no known prefix, no letters after it, anything
     *         but digits after the letters, or an index beyond an int
     */
    public static int index(String name) {
        if (name == null) {
            return -1;
        }
        String rest = null;
        for (String prefix : PREFIXES) {
            if (name.startsWith(prefix)) {
                rest = name.substring(prefix.length());
                break;
            }
        }
        if (rest == null) {
            return -1;
        }
        long idx = 0;
        int i = 0;
        while (i < rest.length() && rest.charAt(i) >= 'a' && rest.charAt(i) <= 'z') {
            idx = (idx + (i < 1 ? 0 : 1)) * 26 + (rest.charAt(i) - 'a');
            if (idx > Integer.MAX_VALUE) {
                return -1;
            }
            i++;
        }
        if (i == 0 || !rest.substring(i).chars().allMatch(c -> c >= '0' && c <= '9')) {
            return -1;
        }
        return (int) idx;
    }

    /** The target name of an index: 0 with prefix {@code sd} is {@code sda}, 25 {@code sdz}, 26 {@code sdaa}. */
    public static String name(int index, String prefix) {
        StringBuilder letters = new StringBuilder();
        for (int n = index; n >= 0; n = n / 26 - 1) {
            letters.insert(0, (char) ('a' + n % 26));
        }
        return prefix + letters;
    }
}
