package org.jvirt.driver.qemu.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * The QEMU driver's configuration, Config Admin PID {@value #PID}. Property names replace the
 * underscores with dots: {@code emulator.search.path}, {@code state.dir}, ...
 */
@ObjectClassDefinition(name = "jvirt QEMU driver", description = "Where the QEMU driver finds emulators and keeps "
        + "per-guest runtime files, and how long it waits.")
public @interface QemuConfig {
    String PID = "org.jvirt.driver.qemu";

    @AttributeDefinition(description = "Folders searched for qemu-system-<arch> when a domain names no "
            + "<emulator>; empty means the PATH environment variable")
    String[] emulator_search_path() default {};

    @AttributeDefinition(description = "Run-time folder for monitor sockets and pid files; one sub-folder per "
            + "URI (system, session). Empty means <run directory>/qemu: /run/jvirt/qemu for root, "
            + "$XDG_RUNTIME_DIR/jvirt/qemu otherwise, or the property jvirt.run.dir")
    String state_dir() default "";

    @AttributeDefinition(description = "Folder for the per-guest QEMU logs (stdout and stderr of the "
            + "emulator). Empty means <jvirt.qemu.dir>/log, else /var/lib/jvirt/qemu/log for root, var/qemu/log "
            + "under the working directory otherwise")
    String log_dir() default "";

    @AttributeDefinition(description = "Folder for managed save images (virsh managedsave), one sub-folder per "
            + "URI (system, session): libvirt's save_dir. Empty means <jvirt.qemu.dir>/save, else "
            + "/var/lib/jvirt/qemu/save for root, var/qemu/save under the working directory otherwise")
    String save_dir() default "";

    @AttributeDefinition(description = "libvirt's CPU map (Debian's libvirt0 installs it), read for the host-model "
            + "CPU and the CPU vendors of virsh domcapabilities")
    String cpu_map_dir() default "/usr/share/libvirt/cpu_map";

    @AttributeDefinition(description = "Machine type used when a domain names none")
    String machine_default() default "pc";

    @AttributeDefinition(description = "Destroy: milliseconds between SIGTERM and SIGKILL")
    long destroy_timeout_ms() default 10_000;

    @AttributeDefinition(description = "Milliseconds to wait for the monitor of a starting guest")
    long monitor_timeout_ms() default 10_000;

    @AttributeDefinition(description = "Milliseconds to wait for the reply to one QMP command")
    long command_timeout_ms() default 30_000;

    @AttributeDefinition(description = "Largest QMP message (reply or event) accepted, in bytes")
    int max_message_bytes() default 16 * 1024 * 1024;

    @AttributeDefinition(description = "User QEMU guests of qemu:///system run as when jvirtd runs as root: "
            + "a name or +UID (qemu.conf's user; Debian's libvirt uses libvirt-qemu). root keeps them root")
    String user() default "libvirt-qemu";

    @AttributeDefinition(description = "Group QEMU guests of qemu:///system run as: a name or +GID (qemu.conf's group)")
    String group() default "kvm";

    @AttributeDefinition(description = "Whether disk images, kernels and character devices are given to the guest's "
            + "user and group while it runs (qemu.conf's dynamic_ownership)")
    boolean dynamic_ownership() default true;

    @AttributeDefinition(description = "Whether the owners of those files are remembered and restored when the guest "
            + "stops; otherwise they go back to root (qemu.conf's remember_owner)")
    boolean remember_owner() default true;

    @AttributeDefinition(description = "Milliseconds a connection waits, after the driver started, for it to "
            + "reattach the running guests and start the autostart domains")
    long init_wait_ms() default 120_000;

    @AttributeDefinition(description = "Words put before every host networking command (ip) and before QEMU "
            + "itself, e.g. ip netns exec NS; empty in production (tests run guests in a network namespace)")
    String[] command_prefix() default {};
}
