package org.jvirt.secret.internal;

import java.nio.file.Path;
import java.security.SecureRandom;

import org.jvirt.api.VirtException;
import org.jvirt.api.spi.HostDirectories;
import org.jvirt.api.spi.SecretDriver;
import org.jvirt.api.spi.SecretDriverConnection;
import org.jvirt.api.spi.StateStore;
import org.jvirt.api.xml.DomainXmlCodec;
import org.jvirt.secret.internal.conf.SecretSchema;
import org.jvirt.secret.internal.conf.SecretXml;
import org.jvirt.secret.internal.store.MasterKey;
import org.jvirt.secret.internal.store.SecretRecords;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;

/**
 * The host's secret driver service, shared by every hypervisor driver that uses secrets (libvirt's
 * shared secondary secret driver). Its secrets live in the core's state store; their values are
 * encrypted under the master key file of {@link SecretConfig}.
 */
@Component(service = SecretDriver.class, configurationPid = SecretConfig.PID)
@Designate(ocd = SecretConfig.class)
public final class SecretDriverComponent implements SecretDriver {
    private final SecretService service;
    private final Path masterKeyFile;

    @Activate
    public SecretDriverComponent(@Reference(name = "store") StateStore store,
                                 @Reference(name = "codec") DomainXmlCodec codec,
                                 SecretConfig config, BundleContext context) throws VirtException {
        this(store, codec, masterKeyFile(config, context), Path.of(config.schema_dir()));
    }

    /** For use without OSGi: the master key in {@code masterKeyFile}, libvirt's schemas in their Debian place. */
    public SecretDriverComponent(StateStore store, DomainXmlCodec codec, Path masterKeyFile) throws VirtException {
        this(store, codec, masterKeyFile, Path.of(SecretConfig.LIBVIRT_SCHEMAS));
    }

    /** For use without OSGi: the master key in {@code masterKeyFile}, libvirt's schemas in {@code schemaDir}. */
    public SecretDriverComponent(StateStore store, DomainXmlCodec codec, Path masterKeyFile, Path schemaDir)
            throws VirtException {
        this.masterKeyFile = masterKeyFile;
        SecureRandom random = new SecureRandom();
        SecretRecords records = new SecretRecords(store, new MasterKey(masterKeyFile, random), random);
        this.service = new SecretService(new SecretXml(codec), new SecretSchema(schemaDir), records).load();
    }

    @Override
    public SecretDriverConnection open(int flags) {
        return new SecretConnection(service);
    }

    @Override
    public String toString() {
        return "SecretDriver[master key " + masterKeyFile + "]";
    }

    private static Path masterKeyFile(SecretConfig config, BundleContext context) {
        String configured = config.master_key_file();
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured.trim());
        }
        return HostDirectories.ofThisProcess(context::getProperty).state().resolve("secrets").resolve("master.key");
    }
}
