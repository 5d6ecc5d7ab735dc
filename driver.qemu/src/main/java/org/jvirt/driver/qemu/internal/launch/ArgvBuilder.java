package org.jvirt.driver.qemu.internal.launch;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.VirtException;
import org.jvirt.api.xml.Controller;
import org.jvirt.api.xml.Disk;
import org.jvirt.api.xml.DomainDef;
import org.jvirt.api.xml.NetInterface;

/**
 * Turns a live definition into the emulator's argv for a start. The argv must start the guest
 * paused ({@code -S}) with its QMP monitor listening on {@code monitor}, and may write its pid to
 * {@code pidFile}. The driver uses {@link LibvirtArgv} (libvirt's full command line for the probed
 * emulator); tests may plug in their own.
 */
@FunctionalInterface
public interface ArgvBuilder {
    List<String> build(DomainDef live, Path emulator, Path monitor, Path pidFile) throws VirtException;

    /**
     * {@link #build} for an emulator that inherits the tap descriptors {@code taps} (device name to
     * the descriptor number QEMU will have): their {@code -netdev} names the number, not the device.
     */
    default List<String> build(DomainDef live, Path emulator, Path monitor, Path pidFile, Map<String, Integer> taps)
            throws VirtException {
        return build(live, emulator, monitor, pidFile);
    }

    /**
     * {@link #build(DomainDef, Path, Path, Path, Map)} for an emulator that also inherits listening
     * UNIX sockets the driver bound ({@code sockets}: path to the descriptor number in QEMU).
     */
    default List<String> build(DomainDef live, Path emulator, Path monitor, Path pidFile, Map<String, Integer> taps,
                               Map<String, Integer> sockets) throws VirtException {
        return build(live, emulator, monitor, pidFile, taps);
    }

    /**
     * The live definition as the emulator will run it (libvirt's post-parse for the emulator:
     * canonical machine, default devices); what the running domain's XML shows. Same id. A
     * definition the emulator's current capabilities refuse is refused here, as {@link #validate}.
     */
    default DomainDef complete(DomainDef live, Path emulator) throws VirtException {
        return live;
    }

    /**
     * Refuses a definition the emulator cannot run, with libvirt's error (its post-parse and
     * validation at define and create); a definition that passes is not changed.
     */
    default void validate(DomainDef def, Path emulator) throws VirtException {
    }

    /**
     * The {@code -blockdev}/{@code -device} option/value pairs of disk {@code disk} of the running
     * guest {@code live} (completed, with the disk in it) as storage node {@code node}, or with
     * {@code mediumOnly} the nodes of a new medium alone; for hot-plug over QMP.
     */
    default List<String> diskHotplug(DomainDef live, Path emulator, Disk disk, int node, boolean mediumOnly)
            throws VirtException {
        throw new VirtException(ErrorCode.OPERATION_UNSUPPORTED, ErrorDomain.QEMU,
                "live attach of device 'disk' is not supported");
    }

    /**
     * The {@code -device} option/value pair of controller {@code c} of the running guest
     * {@code live} (completed, with the controller in it), for hot-plug over QMP.
     */
    default List<String> controllerHotplug(DomainDef live, Path emulator, Controller c) throws VirtException {
        throw new VirtException(ErrorCode.OPERATION_UNSUPPORTED, ErrorDomain.QEMU,
                "'" + c.type() + "' controller cannot be hot plugged.");
    }

    /**
     * The {@code -netdev}/{@code -device} option/value pairs of interface {@code net} of the running
     * guest {@code live} (which has it, alias and tap given), for {@code netdev_add} and
     * {@code device_add}; {@code tapFd} and {@code vhostFd} name descriptors passed with {@code getfd}
     * (null: none).
     */
    default List<String> netHotplug(DomainDef live, Path emulator, NetInterface net, String tapFd, String vhostFd)
            throws VirtException {
        throw new VirtException(ErrorCode.OPERATION_UNSUPPORTED, ErrorDomain.QEMU,
                "live attach of device 'interface' is not supported");
    }

    /** Removes what {@link #build} left for the guest with {@code id} once it stopped (or failed to start). */
    default void cleanup(int id, String name) {
    }
}
