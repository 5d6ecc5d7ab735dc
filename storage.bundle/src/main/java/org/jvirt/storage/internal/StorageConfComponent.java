package org.jvirt.storage.internal;

import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.VirtException;
import org.jvirt.api.spi.StorageConf;
import org.jvirt.api.spi.StoragePoolDefinition;
import org.jvirt.api.spi.StorageVolDefinition;
import org.jvirt.api.xml.DomainXmlCodec;
import org.jvirt.api.xml.XmlElement;
import org.jvirt.storage.internal.conf.PoolType;
import org.jvirt.storage.internal.conf.PoolXml;
import org.jvirt.storage.internal.conf.VolXml;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The pool and volume XML of this bundle for drivers that keep pools of their own (libvirt's test
 * driver uses the storage driver's storage_conf.c): the same parsers and formatters as the storage
 * driver, without its backends.
 */
@Component(service = StorageConf.class)
public final class StorageConfComponent implements StorageConf {
    private final PoolXml pools;
    private final VolXml volumes;

    @Activate
    public StorageConfComponent(@Reference(name = "codec") DomainXmlCodec codec) {
        this.pools = new PoolXml(codec);
        this.volumes = new VolXml(codec);
    }

    @Override
    public StoragePoolDefinition parsePool(String xml) throws VirtException {
        return new ParsedPool(pools.parse(xml));
    }

    @Override
    public StoragePoolDefinition parsePool(XmlElement pool) throws VirtException {
        return new ParsedPool(pools.parse(pool));
    }

    @Override
    public StorageVolDefinition parseVolume(StoragePoolDefinition pool, String xml) throws VirtException {
        return new ParsedVolume(volumes.parse(xml, typeOf(pool), false, false));
    }

    @Override
    public StorageVolDefinition parseVolume(StoragePoolDefinition pool, XmlElement volume) throws VirtException {
        return new ParsedVolume(volumes.parse(volume, typeOf(pool), false, false));
    }

    private static PoolType typeOf(StoragePoolDefinition pool) throws VirtException {
        if (!(pool instanceof ParsedPool parsed)) {
            throw new VirtException(ErrorCode.INTERNAL_ERROR, ErrorDomain.STORAGE,
                    "pool definition of another provider: " + pool);
        }
        return parsed.def().type();
    }
}
