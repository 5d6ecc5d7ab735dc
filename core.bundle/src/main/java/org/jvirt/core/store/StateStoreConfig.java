package org.jvirt.core.store;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Configuration of the state store, PID {@code org.jvirt.statestore}. */
@ObjectClassDefinition(id = StateStoreConfig.PID, name = "jvirt state store",
        description = "Where drivers keep their persistent definitions and runtime status.")
public @interface StateStoreConfig {

    String PID = "org.jvirt.statestore";

    @AttributeDefinition(name = "Directory", required = false,
            description = "The state directory. Empty: the framework or system property jvirt.state.dir,"
                    + " else state in the host's state base: /var/lib/jvirt/state for root, var/state under the"
                    + " working directory otherwise (the property jvirt.lib.dir moves the base).")
    String directory() default "";
}
