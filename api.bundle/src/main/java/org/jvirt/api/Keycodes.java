package org.jvirt.api;

/**
 * Translation between {@link KeycodeSet}s as libvirt's {@code virKeycodeValueTranslate} and
 * {@code virKeycodeValueFromString} do with their tables. The data is libvirt 9.0's (see
 * {@code api.bundle/keymaps/keymaps.py}): which codes each set's table holds (including 0, which
 * every table of libvirt holds for its keys without a code in the set), and each Linux key's code in
 * the AT sets 1 to 3 (XT shares set 1's table), XT_KBD, QNUM and USB; Windows virtual-key codes for
 * the keys of a PC keyboard. macOS codes are known as codes, not placed on keys: translating from
 * or to them finds nothing.
 */
public final class Keycodes {
    private Keycodes() {
    }

    /**
     * {@code code} of set {@code from} in set {@code to}, or -1 when the table has no such key there.
     * Within one set a code translates to itself when the set's table holds it.
     */
    public static int translate(KeycodeSet from, KeycodeSet to, int code) {
        KeymapTable t = KeymapTable.INSTANCE;
        if (from == null || to == null || !t.holds(from, code)) {
            return -1;
        }
        return from == to ? code : t.translate(from, to, code);
    }

    /** The Linux code of a KEY_* name (case-insensitive), or -1. */
    public static int linuxCode(String name) {
        return KeymapTable.INSTANCE.linuxCode(name);
    }
}
