package org.jvirt.storage.internal;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;

import org.jvirt.api.VirtException;
import org.jvirt.api.spi.HostDirectories;
import org.jvirt.api.spi.SecretDriver;
import org.jvirt.api.spi.StateStore;
import org.jvirt.api.spi.StorageDriver;
import org.jvirt.api.spi.StorageDriverConnection;
import org.jvirt.api.xml.DomainXmlCodec;
import org.jvirt.storage.internal.backend.DirBackend;
import org.jvirt.storage.internal.backend.FsBackend;
import org.jvirt.storage.internal.backend.LogicalBackend;
import org.jvirt.storage.internal.backend.LvmCommands;
import org.jvirt.storage.internal.backend.VolumeSecrets;
import org.jvirt.storage.internal.conf.PoolXml;
import org.jvirt.storage.internal.conf.VolXml;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.Designate;

/**
 * The host's storage driver service, shared by every hypervisor driver that uses storage (libvirt's
 * shared secondary storage driver). Pool definitions and the running state live in the core's state
 * store, so an updated bundle finds its pools as they were. The passphrases of encrypted volumes come
 * from the highest-ranked {@link SecretDriver} (libvirt's secret driver), written for qemu-img to a
 * private folder {@code storage} of the host's run directory.
 */
@Component(service = StorageDriver.class, configurationPid = StorageConfig.PID)
@Designate(ocd = StorageConfig.class)
public final class StorageDriverComponent implements StorageDriver {
    private final AtomicReference<SecretDriver> secretDriver = new AtomicReference<>();
    private final StorageService pools;
    private final VolumeService volumes;

    @Activate
    public StorageDriverComponent(@Reference(name = "store") StateStore store,
                                  @Reference(name = "codec") DomainXmlCodec codec,
                                  StorageConfig config, BundleContext context) throws VirtException {
        this(store, codec, config.qemu_img(), HostDirectories.ofThisProcess(context::getProperty).run().resolve("storage"));
    }

    /** For use without OSGi: run files in the run directory of this process's system properties. */
    public StorageDriverComponent(StateStore store, DomainXmlCodec codec, String qemuImg) throws VirtException {
        this(store, codec, qemuImg, HostDirectories.ofThisProcess(System::getProperty).run().resolve("storage"));
    }

    /** For use without OSGi: passphrase files for qemu-img in {@code runDir}; bind a secret driver for encrypted volumes. */
    public StorageDriverComponent(StateStore store, DomainXmlCodec codec, String qemuImg, Path runDir) throws VirtException {
        this(store, codec, qemuImg, runDir, new LvmCommands(""));
    }

    /** For use without OSGi, with the LVM tools of {@code lvm}. */
    public StorageDriverComponent(StateStore store, DomainXmlCodec codec, String qemuImg, Path runDir, LvmCommands lvm)
            throws VirtException {
        VolumeSecrets secrets = new VolumeSecrets(secretDriver::get, runDir);
        this.pools = new StorageService(new PoolXml(codec), new PoolRecords(store), new DirBackend(qemuImg, secrets),
                new FsBackend("mount", "umount", "mkfs", "blkid"),
                new LogicalBackend(lvm, "blkid", qemuImg, secrets, HostDirectories.isRoot())).load();
        this.volumes = new VolumeService(pools, new VolXml(codec), secrets);
    }

    /** The host's secret driver (optional; the highest-ranked one, rebound as services come and go). */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    public void bindSecretDriver(SecretDriver driver) {
        secretDriver.set(driver);
    }

    public void unbindSecretDriver(SecretDriver driver) {
        secretDriver.compareAndSet(driver, null);
    }

    @Override
    public StorageDriverConnection open(int flags) {
        return new StorageConnection(pools, volumes);
    }

    @Override
    public String toString() {
        return "StorageDriver[dir, fs, logical]";
    }
}
