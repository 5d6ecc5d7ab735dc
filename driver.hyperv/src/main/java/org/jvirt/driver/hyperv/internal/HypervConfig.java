package org.jvirt.driver.hyperv.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "jvirt Hyper-V driver", description = "Where the Hyper-V driver finds"
        + " credentials when the client gives none, and the limits of its WS-Management calls.")
public @interface HypervConfig {
    String PID = "org.jvirt.driver.hyperv";

    @AttributeDefinition(description = "A credentials file in libvirt's auth.conf format ([credentials-NAME] with "
            + "username and password, [auth-hyperv-HOST] or [auth-hyperv-default] with credentials=NAME), for"
            + " callers without an authentication callback (jvirtd, the shell); empty: none")
    String credentials_file() default "";

    @AttributeDefinition(description = "Seconds a connect or one WS-Management call may take")
    int timeout_seconds() default 60;

    @AttributeDefinition(description = "Seconds a WMI job (ReturnValue 4096) may run before the call fails"
            + " (libvirt: 5 minutes)")
    int job_timeout_seconds() default 300;

    @AttributeDefinition(description = "The largest WS-Management answer read, in bytes")
    int max_response_bytes() default 16 << 20;

    @AttributeDefinition(description = "The most instances one enumeration may return")
    int max_items() default 100_000;
}
