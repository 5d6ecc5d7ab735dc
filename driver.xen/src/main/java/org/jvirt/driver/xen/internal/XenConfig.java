package org.jvirt.driver.xen.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** The Xen driver's configuration, Config Admin PID {@value #PID}. */
@ObjectClassDefinition(name = "jvirt Xen driver", description = "How the Xen driver reaches libxenlight: Xen's xl"
        + " toolstack, run once per operation.")
public @interface XenConfig {
    String PID = "org.jvirt.driver.xen";

    @AttributeDefinition(description = "The xl program (a name looked up on PATH, or a path)")
    String xl() default "xl";

    @AttributeDefinition(description = "Seconds one xl call may take (domain creation included)")
    int timeout_seconds() default 120;

    @AttributeDefinition(description = "Milliseconds between two looks at the running domains (state changes"
            + " made outside jvirt become events)")
    long poll_interval_ms() default 2000;

    @AttributeDefinition(description = "Milliseconds the host's physinfo (xl info: CPUs, memory) is reused for"
            + " nodeinfo and vCPU calls; 0 asks libxl every time. Xen's version and guest capabilities are read once")
    long host_info_ttl_ms() default 5000;
}
