package org.jvirt.driver.esx.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** The ESX driver's configuration, Config Admin PID {@value #PID} ({@code credentials.file}, ...). */
@ObjectClassDefinition(name = "jvirt ESX driver", description = "Where the ESX driver finds the credentials of the"
        + " hosts and vCenters it connects to when the client gives none, and its limits.")
public @interface EsxConfig {
    String PID = "org.jvirt.driver.esx";

    @AttributeDefinition(description = "A credentials file in libvirt's auth.conf format ([credentials-NAME] with "
            + "username and password, [auth-esx-HOST] or [auth-esx-default] with credentials=NAME); empty: none")
    String credentials_file() default "";

    @AttributeDefinition(description = "Seconds a connect or one SOAP call may take")
    int timeout_seconds() default 60;

    @AttributeDefinition(description = "The largest SOAP answer read, in bytes")
    int max_response_bytes() default 64 << 20;
}
