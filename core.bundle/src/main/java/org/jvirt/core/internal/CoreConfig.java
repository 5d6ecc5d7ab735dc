package org.jvirt.core.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Configuration of the core router, PID {@code org.jvirt.core}. */
@ObjectClassDefinition(id = CoreConfig.PID, name = "jvirt core",
        description = "Routes libvirt URIs to hypervisor drivers and keeps connections across driver updates.")
public @interface CoreConfig {

    String PID = "org.jvirt.core";

    long DEFAULT_DRIVER_WAIT_SECONDS = 15;

    /** Property {@code driver.wait.seconds}. */
    @AttributeDefinition(name = "Driver wait (seconds)", min = "0",
            description = "How long a call on an open connection waits for a replacement when its driver"
                    + " is gone (stopped, being updated) before it fails with 'no connection driver available';"
                    + " also how long an open waits, while the daemon starts, for a driver still to start.")
    long driver_wait_seconds() default DEFAULT_DRIVER_WAIT_SECONDS;
}
