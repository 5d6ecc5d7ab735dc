package org.jvirt.storage.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Configuration of the storage driver, PID {@code org.jvirt.storage}. */
@ObjectClassDefinition(id = StorageConfig.PID, name = "jvirt storage",
        description = "The host tools the storage driver runs.")
public @interface StorageConfig {

    String PID = "org.jvirt.storage";

    @AttributeDefinition(name = "qemu-img", required = false,
            description = "The qemu-img that creates, converts and resizes volumes (a name looked up in PATH, or a path).")
    String qemu_img() default "qemu-img";
}
