package org.jvirt.driver.qemu.internal.command;

import java.util.List;

import org.jvirt.api.xml.Controller;
import org.jvirt.api.xml.DomainDef;
import org.jvirt.driver.qemu.internal.caps.Accel;
import org.jvirt.driver.qemu.internal.caps.QemuCaps;

/**
 * What the post-parse, validation and command-line steps ask about a guest's machine and its
 * controllers, read from the typed definition together with the emulator's capabilities.
 */
record QemuMachine(DomainDef def, QemuCaps caps) {

    Accel accel() {
        return Accel.forDomainType(def.type());
    }

    /** The guest architecture: the definition's, else the emulator's. */
    String arch() {
        return def.os().arch() == null ? caps.arch() : def.os().arch();
    }

    String machine() {
        return def.os().machine();
    }

    boolean isQ35() {
        String m = machine();
        return m != null && (m.equals("q35") || m.startsWith("pc-q35"));
    }

    boolean isI440fx() {
        String m = machine();
        return m != null && (m.equals("pc") || m.startsWith("pc-i440fx") || m.startsWith("pc-0.")
                || m.startsWith("pc-1."));
    }

    boolean isX86() {
        String a = arch();
        return a.equals("x86_64") || a.equals("i686");
    }

    /** The controller of {@code type} with {@code index}, or null. */
    Controller controller(String type, int index) {
        for (Controller c : def.devices().controllers()) {
            if (type.equals(c.type()) && c.index() == index) {
                return c;
            }
        }
        return null;
    }

    /** The controllers of {@code type}, in definition order. */
    List<Controller> controllers(String type) {
        return def.devices().controllers().stream().filter(c -> type.equals(c.type())).toList();
    }
}
