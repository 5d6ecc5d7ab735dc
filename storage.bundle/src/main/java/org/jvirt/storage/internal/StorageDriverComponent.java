package org.jvirt.storage.internal;

import org.jvirt.api.VirtException;
import org.jvirt.api.spi.StateStore;
import org.jvirt.api.spi.StorageDriver;
import org.jvirt.api.spi.StorageDriverConnection;
import org.jvirt.api.xml.DomainXmlCodec;
import org.jvirt.storage.internal.backend.DirBackend;
import org.jvirt.storage.internal.conf.PoolXml;
import org.jvirt.storage.internal.conf.VolXml;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;

/**
 * The host's storage driver service, shared by every hypervisor driver that uses storage (libvirt's
 * shared secondary storage driver). Pool definitions and the running state live in the core's state
 * store, so an updated bundle finds its pools as they were.
 */
@Component(service = StorageDriver.class, configurationPid = StorageConfig.PID)
@Designate(ocd = StorageConfig.class)
public final class StorageDriverComponent implements StorageDriver {
    private final StorageService pools;
    private final VolumeService volumes;

    @Activate
    public StorageDriverComponent(@Reference(name = "store") StateStore store,
                                  @Reference(name = "codec") DomainXmlCodec codec,
                                  StorageConfig config) throws VirtException {
        this(store, codec, config.qemu_img());
    }

    /** For use without OSGi. */
    public StorageDriverComponent(StateStore store, DomainXmlCodec codec, String qemuImg) throws VirtException {
        this.pools = new StorageService(new PoolXml(codec), new PoolRecords(store), new DirBackend(qemuImg)).load();
        this.volumes = new VolumeService(pools, new VolXml(codec));
    }

    @Override
    public StorageDriverConnection open(int flags) {
        return new StorageConnection(pools, volumes);
    }

    @Override
    public String toString() {
        return "StorageDriver[dir]";
    }
}
