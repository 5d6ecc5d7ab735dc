package org.jvirt.driver.qemu.internal.security;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.jvirt.api.VirtException;
import org.jvirt.driver.qemu.internal.QemuErrors;

/**
 * Makes QEMU start with the guest's uid, gid and groups: the command is prefixed with
 * util-linux's {@code setpriv --reuid --regid --init-groups|--clear-groups --}.
 *
 * <p>Why setpriv: libvirt calls setgroups/setgid/setuid in the forked child before exec, so that
 * QEMU opens every file (images, kernels, character devices) with the guest's ids and DAC
 * permissions are checked on those opens. A JVM cannot run code between fork and exec;
 * setpriv does exactly those calls and execs QEMU, keeping the pid the driver recorded. QEMU's
 * own {@code -runas} (7.2 here; deprecated since 9.1 for {@code -run-with user=}) drops the ids
 * only after QEMU has opened its files as root, which would defeat the labels. Supplementary groups
 * are the user's ({@code initgroups}, libvirt's virGetGroupList) when the uid has a name, none otherwise.
 */
final class Launcher {
    private final UnixIds ids;

    Launcher(UnixIds ids) {
        this.ids = ids;
    }

    List<String> wrap(List<String> argv, DacLabel label) throws VirtException {
        List<String> out = new ArrayList<>(argv.size() + 6);
        out.add(setpriv());
        out.add("--reuid=" + label.uid());
        out.add("--regid=" + label.gid());
        out.add(ids.userName(label.uid()).isPresent() ? "--init-groups" : "--clear-groups");
        out.add("--");
        out.addAll(argv);
        return out;
    }

    private static String setpriv() throws VirtException {
        for (String dir : new String[] {"/usr/bin", "/bin", "/usr/sbin", "/sbin"}) {
            if (Files.isExecutable(Path.of(dir, "setpriv"))) {
                return dir + "/setpriv";
            }
        }
        throw QemuErrors.internal("cannot find setpriv (util-linux), needed to run QEMU as another user");
    }
}
