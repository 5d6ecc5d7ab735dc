package org.jvirt.driver.qemu.internal.command;

import java.util.List;

import org.jvirt.api.VirtException;
import org.jvirt.api.xml.Controller;
import org.jvirt.api.xml.Disk;
import org.jvirt.api.xml.DomainDef;
import org.jvirt.driver.qemu.internal.QemuErrors;
import org.jvirt.driver.qemu.internal.caps.QemuCaps;

/**
 * The command-line pieces of one disk of a running guest, for the QMP commands that plug it
 * ({@code -blockdev} → {@code blockdev-add}, {@code -device} → {@code device_add}): the same
 * builder as a start's, so node names and device ids match a cold-plugged disk's.
 */
public final class DiskHotplugArgs {
    private final QemuMachine machine;
    private final CommandEnv env;

    /** @param live the running guest's completed definition, with the disk in it */
    public DiskHotplugArgs(DomainDef live, QemuCaps caps, CommandEnv env) {
        this.machine = new QemuMachine(live, caps);
        this.env = env;
    }

    /** Option/value pairs: {@code -blockdev} nodes first (storage, then format), then {@code -device}. */
    public List<String> disk(Disk disk, int node) throws VirtException {
        Argv a = new Argv();
        new DiskArgs(machine, env).hotplug(a, disk, node);
        return List.copyOf(a.args);
    }

    /** The {@code -device} pair of a controller plugged for a disk (libvirt's qemuDomainAttachControllerDevice). */
    public List<String> controller(Controller c) throws VirtException {
        Json props = new ControllerArgs(machine).single(c);
        if (props == null) {
            throw QemuErrors.unsupported("'" + c.type() + "' controller cannot be hot plugged.");
        }
        return List.of("-device", props.toString());
    }

    /** Option/value pairs of the {@code -blockdev} nodes of a new medium; the last node is the top one. */
    public List<String> medium(Disk disk, int node) throws VirtException {
        Argv a = new Argv();
        new DiskArgs(machine, env).medium(a, disk, node);
        return List.copyOf(a.args);
    }
}
