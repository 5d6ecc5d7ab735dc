package org.jvirt.network.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Configuration of the network driver, PID {@code org.jvirt.network}. */
@ObjectClassDefinition(id = NetworkConfig.PID, name = "jvirt networks",
        description = "Where the network driver keeps dnsmasq's files and how it runs host commands.")
public @interface NetworkConfig {

    String PID = "org.jvirt.network";

    @AttributeDefinition(name = "Runtime folder", required = false,
            description = "dnsmasq's configuration, hosts, pid and lease files of each network. Empty: network/"
                    + " in the host's run folder (/run/jvirt for root; the property jvirt.run.dir moves it).")
    String runtime_dir() default "";

    @AttributeDefinition(name = "Command prefix", required = false,
            description = "Words put before every host command (ip, nft, sysctl, dnsmasq), e.g. 'ip netns exec"
                    + " lab' to run the networks inside the network namespace 'lab'. Empty: the host itself.")
    String command_prefix() default "";

    @AttributeDefinition(name = "dnsmasq", required = false, description = "The dnsmasq program (Debian dnsmasq-base).")
    String dnsmasq() default "dnsmasq";

    @AttributeDefinition(name = "Autostart", required = false,
            description = "Start the networks marked autostart when the driver starts.")
    boolean autostart() default true;
}
