package org.jvirt.driver.lxc.internal;

import org.jvirt.api.VirtException;
import org.jvirt.api.xml.DomainDef;

/**
 * {@code <on_reboot>}: liblxc's monitor restarts a container whose init died by SIGHUP (a
 * {@code reboot()} in its PID namespace), which is {@code restart}, libvirt's default. For
 * {@code destroy} a pre-start hook lets the first start through and fails every later one (it
 * makes a folder beside the config, which exists from the first start on), so the monitor gives up
 * and the container ends shut off (shutdown), as a guest with {@code on_reboot destroy} does.
 */
final class RebootAction {
    /** The hook's marker in the container's run folder. */
    static final String MARKER = "booted";

    private RebootAction() {
    }

    static void write(DomainDef def, ConfigText c) throws VirtException {
        if ("destroy".equals(def.onReboot())) {
            // liblxc runs hooks through sh with the container's name, "lxc" and "pre-start" after
            // them, and LXC_CONFIG_FILE in the environment
            c.set("lxc.hook.pre-start", "/bin/sh -c 'mkdir -- \"${LXC_CONFIG_FILE%/*}/" + MARKER + "\"'");
        }
    }
}
