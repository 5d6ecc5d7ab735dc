package org.jvirt.driver.lxc.internal;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A container ready to start: liblxc's configuration for it, the command line of its init (given
 * to {@code lxc-start} after {@code --}, so arguments need no quoting) and the host names of its
 * veth devices, in the order of the definition's interfaces.
 *
 * @param text     the {@code config} file
 * @param initArgv init and its arguments
 * @param root     the host folder that becomes the container's root, null for an image or a block device
 * @param veths    the host side veth names; null for a direct interface, whose macvlan moves into the container
 */
record ContainerConfig(String text, List<String> initArgv, Path root, List<String> veths) {
    ContainerConfig {
        initArgv = List.copyOf(initArgv);
        veths = Collections.unmodifiableList(new ArrayList<>(veths));
    }
}
