package org.jvirt.driver.lxc.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * The LXC driver's configuration, Config Admin PID {@value #PID}. Property names replace the
 * underscores with dots: {@code run.dir}, {@code lxc.bin.dir}, ...
 */
@ObjectClassDefinition(name = "jvirt LXC driver", description = "Where the LXC driver keeps its containers' "
        + "runtime files and logs, where it finds liblxc's tools, and how long it waits.")
public @interface LxcConfig {
    String PID = "org.jvirt.driver.lxc";

    @AttributeDefinition(description = "The lxc path (one folder per running container, with the config the "
            + "driver writes). Empty means <run directory>/lxc: /run/jvirt/lxc for root, or the property jvirt.run.dir")
    String run_dir() default "";

    @AttributeDefinition(description = "Folder of the containers' logs (liblxc's log and the console output). "
            + "Empty means <state directory>/lxc/log: /var/lib/jvirt/lxc/log for root")
    String log_dir() default "";

    @AttributeDefinition(description = "Folder of lxc-start, lxc-stop, lxc-info, lxc-freeze; empty means the PATH")
    String lxc_bin_dir() default "";

    @AttributeDefinition(description = "Milliseconds a container may take to reach RUNNING, or to stop when destroyed")
    long start_timeout_ms() default 30_000;

    @AttributeDefinition(description = "Milliseconds between two checks of the running containers' init processes")
    long watch_interval_ms() default 200;

    @AttributeDefinition(description = "Milliseconds a connection waits, after the driver started, for it to "
            + "reattach the running containers")
    long init_wait_ms() default 60_000;
}
