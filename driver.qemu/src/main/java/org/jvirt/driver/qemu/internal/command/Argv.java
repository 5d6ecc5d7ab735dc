package org.jvirt.driver.qemu.internal.command;

import java.util.ArrayList;
import java.util.List;

/** The argv being built, with helpers for libvirt's option shapes. */
final class Argv {
    final List<String> args = new ArrayList<>();
    /** The descriptor sets this command line passes ({@code -add-fd}). */
    final FdSets fdSets = new FdSets(this);

    Argv add(String... a) {
        for (String s : a) {
            args.add(s);
        }
        return this;
    }

    Argv device(Json props) {
        return add("-device", props.toString());
    }

    Argv object(Json props) {
        return add("-object", props.toString());
    }

    /** QEMU's option syntax escapes a comma in a value by doubling it. */
    static String commas(String value) {
        return value.replace(",", ",,");
    }
}
