package org.jvirt.secret.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Configuration of the secret driver, PID {@code org.jvirt.secret}. */
@ObjectClassDefinition(id = SecretConfig.PID, name = "jvirt secrets",
        description = "Where the key that encrypts secret values at rest is kept, and libvirt's schemas.")
public @interface SecretConfig {

    String PID = "org.jvirt.secret";
    /** Where libvirt installs its RELAX NG schemas (its PKGDATADIR/schemas). */
    String LIBVIRT_SCHEMAS = "/usr/share/libvirt/schemas";

    @AttributeDefinition(name = "Master key file", required = false,
            description = "The file of the AES-256 key that encrypts stored secret values (made on first use,"
                    + " mode 0600). Empty: secrets/master.key in the host's state base (/var/lib/jvirt for root,"
                    + " var under the working directory otherwise; the property jvirt.lib.dir moves it).")
    String master_key_file() default "";

    @AttributeDefinition(name = "Schema folder", description = "The folder of libvirt's RELAX NG schemas;"
            + " VIR_SECRET_DEFINE_VALIDATE validates against secret.rng in it (installed with libvirt).")
    String schema_dir() default LIBVIRT_SCHEMAS;
}
