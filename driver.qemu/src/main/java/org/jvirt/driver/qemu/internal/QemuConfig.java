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

    @AttributeDefinition(description = "Milliseconds a connection waits, after the driver started, for it to "
            + "reattach the running guests and start the autostart domains")
    long init_wait_ms() default 120_000;
}
