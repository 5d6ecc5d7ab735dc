package org.jvirt.rpc.internal.client;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Configuration of the remote driver, PID {@code org.jvirt.rpc.remote}: TLS material and timeouts. */
@ObjectClassDefinition(id = "org.jvirt.rpc.remote", name = "jvirt remote driver",
        description = "Connects to jvirtd or libvirtd for URIs with a transport or a host")
public @interface RemoteConfig {

    @AttributeDefinition(description = "Seconds to wait for a reply before failing a call")
    int call_timeout() default 300;

    @AttributeDefinition(description = "UNIX socket used when the URI names none")
    String default_socket() default "/var/run/libvirt/libvirt-sock";

    @AttributeDefinition(description = "PKCS#12 key store with the client certificate (for +tls); empty: no client certificate")
    String tls_keystore() default "";

    @AttributeDefinition(description = "Key store password", type = AttributeType.PASSWORD)
    String tls_keystore_password() default "";

    @AttributeDefinition(description = "PKCS#12 trust store with the CA of servers (for +tls); empty: the JDK's")
    String tls_truststore() default "";

    @AttributeDefinition(description = "Trust store password", type = AttributeType.PASSWORD)
    String tls_truststore_password() default "";
}
