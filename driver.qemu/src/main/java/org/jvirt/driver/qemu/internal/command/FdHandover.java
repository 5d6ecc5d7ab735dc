package org.jvirt.driver.qemu.internal.command;

import java.util.Map;

/**
 * How QEMU gets the sockets, files and tap devices its command line names. libvirt opens them
 * itself and passes descriptors ({@code fd=N}, {@code -add-fd}); jvirt's launcher starts QEMU with
 * stdio only, so {@link PathHandover} lets QEMU open every path itself. The conformance tests
 * hand over descriptors the way libvirt's harness does.
 */
public interface FdHandover {

    /** The {@code -chardev socket} options of a UNIX socket QEMU listens on, before {@code server=on}. */
    String listeningSocket(String path);

    /**
     * The {@code -chardev file} options of a file written by QEMU.
     *
     * @param sets   the command line's descriptor sets, for a descriptor opened on QEMU's behalf
     * @param alias  the device alias ({@code serial0})
     * @param append the definition's {@code append} ({@code on}, {@code off}) or null
     */
    String fileBackend(FdSets sets, String alias, String path, String append);

    /** The {@code logfile=} options of a character device's log, {@code append} as in {@link #fileBackend}. */
    String logFile(FdSets sets, String alias, String path, String append);

    /**
     * The {@code -netdev} members, in order, of an {@code ethernet}, {@code bridge} or {@code network}
     * interface.
     *
     * @param type   the interface type
     * @param bridge the bridge of a {@code bridge} interface, else null
     * @param ifname the tap device name
     * @param vhost  whether the device may use vhost-net
     */
    Map<String, Object> tapNetdev(String type, String bridge, String ifname, boolean vhost);
}
