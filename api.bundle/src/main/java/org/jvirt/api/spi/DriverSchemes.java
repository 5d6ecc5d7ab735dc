package org.jvirt.api.spi;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.osgi.service.component.annotations.ComponentPropertyType;

/**
 * Declares the URI schemes a {@link HypervisorDriver} component serves, as the service property
 * {@link HypervisorDriver#SCHEMES}: {@code @DriverSchemes({"qemu"})}.
 */
@ComponentPropertyType
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface DriverSchemes {
    /** Property names get this prefix: the property is {@code jvirt.driver.schemes}. */
    String PREFIX_ = "jvirt.";

    String[] value();
}
