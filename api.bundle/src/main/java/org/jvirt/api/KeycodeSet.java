package org.jvirt.api;

import java.util.Locale;

/**
 * The key code sets of {@link Domain#sendKey} (libvirt's {@code virKeycodeSet}, with virsh's names):
 * Linux input event codes, XT scan codes, AT sets 1 to 3, macOS virtual key codes, the XFree86 KBD
 * driver's XT codes, USB HID usages, Windows virtual-key codes and QEMU's numbered codes (RFB).
 */
public enum KeycodeSet {
    LINUX(0, "linux"), XT(1, "xt"), ATSET1(2, "atset1"), ATSET2(3, "atset2"), ATSET3(4, "atset3"),
    OSX(5, "os_x"), XT_KBD(6, "xt_kbd"), USB(7, "usb"), WIN32(8, "win32"), QNUM(9, "qnum");

    private final int value;
    private final String label;

    KeycodeSet(int value, String label) {
        this.value = value;
        this.label = label;
    }

    public int value() {
        return value;
    }

    /** virsh's name ({@code linux}, {@code win32}, {@code qnum}, ...). */
    public String label() {
        return label;
    }

    /** The set of a number, or null. */
    public static KeycodeSet of(int value) {
        for (KeycodeSet s : values()) {
            if (s.value == value) {
                return s;
            }
        }
        return null;
    }

    /** The set virsh names so (case-insensitive; {@code rfb} is {@code qnum}), or null. */
    public static KeycodeSet named(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        if (n.equals("rfb")) {
            return QNUM;
        }
        for (KeycodeSet s : values()) {
            if (s.label.equals(n)) {
                return s;
            }
        }
        return null;
    }
}
