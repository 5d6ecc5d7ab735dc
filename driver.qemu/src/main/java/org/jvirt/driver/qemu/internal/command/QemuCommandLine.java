package org.jvirt.driver.qemu.internal.command;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A QEMU command line: the environment QEMU is started with (in order) and the argv, emulator
 * first.
 */
public record QemuCommandLine(Map<String, String> env, List<String> argv) {
    public QemuCommandLine {
        env = Collections.unmodifiableMap(new LinkedHashMap<>(env));
        argv = List.copyOf(argv);
    }
}
