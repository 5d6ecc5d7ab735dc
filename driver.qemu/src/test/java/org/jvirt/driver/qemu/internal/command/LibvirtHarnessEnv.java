package org.jvirt.driver.qemu.internal.command;

import java.util.LinkedHashMap;
import java.util.Map;

/** The command-line environment of libvirt's qemuxmlconftest: its paths, variables, host and descriptors. */
final class LibvirtHarnessEnv {
    private LibvirtHarnessEnv() {
    }

    static CommandEnv create() {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("PATH", "/bin");
        env.put("USER", "test");
        env.put("LOGNAME", "test");
        return new CommandEnv("/var/lib/libvirt/qemu", "/var/run/libvirt/qemu/channel", null, env,
                new LibvirtHarnessHost(), new LibvirtHarnessFds(), LibvirtHarnessSecrets.create());
    }
}
