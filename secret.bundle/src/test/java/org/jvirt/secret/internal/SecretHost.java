package org.jvirt.secret.internal;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.jvirt.api.Connection;
import org.jvirt.api.VirtException;
import org.jvirt.api.spi.HypervisorDriver;
import org.jvirt.core.internal.CoreConnectionFactory;
import org.jvirt.core.store.FileStateStore;
import org.jvirt.xml.internal.DomainXmlCodecImpl;

/** The real core with secret:///system and the secret driver on a state folder, without OSGi. */
final class SecretHost {
    final Path state;
    final Path key;
    final CoreConnectionFactory core = new CoreConnectionFactory(Duration.ofSeconds(2));
    final SecretDriverComponent driver;

    SecretHost(Path dir) throws VirtException {
        this.state = dir.resolve("state");
        this.key = dir.resolve("keys").resolve("master.key");
        this.driver = new SecretDriverComponent(new FileStateStore(state), new DomainXmlCodecImpl(), key);
        core.addDriver(new SecretHypervisorDriver(true), Map.of(HypervisorDriver.SCHEMES, new String[] {"secret"}));
        core.bindSecretDriver(driver);
    }

    Connection open() throws VirtException {
        return core.open("secret:///system", 0);
    }

    Connection openReadOnly() throws VirtException {
        return core.open("secret:///system", 1);
    }
}
