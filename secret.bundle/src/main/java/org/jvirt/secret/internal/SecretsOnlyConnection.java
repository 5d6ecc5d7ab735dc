package org.jvirt.secret.internal;

import static org.jvirt.api.spi.DriverConnection.unsupported;

import java.util.List;
import java.util.UUID;

import org.jvirt.api.DomainInfo;
import org.jvirt.api.DomainStateInfo;
import org.jvirt.api.VirtException;
import org.jvirt.api.spi.DomainRef;
import org.jvirt.api.spi.DriverConnection;

/**
 * The connection of {@code secret:///system}: libvirt's {@code secretHypervisorDriver}, which
 * implements no domain call and answers the driver's name as its type.
 */
final class SecretsOnlyConnection implements DriverConnection {

    @Override
    public String type() {
        return SecretHypervisorDriver.NAME;
    }

    @Override
    public long hypervisorVersion() throws VirtException {
        throw unsupported("virConnectGetVersion");
    }

    @Override
    public List<DomainRef> listAllDomains(int flags) throws VirtException {
        throw unsupported("virConnectListAllDomains");
    }

    @Override
    public DomainRef lookupByName(String name) throws VirtException {
        throw unsupported("virDomainLookupByName");
    }

    @Override
    public DomainRef lookupByUuid(UUID uuid) throws VirtException {
        throw unsupported("virDomainLookupByUUID");
    }

    @Override
    public DomainRef lookupById(int id) throws VirtException {
        throw unsupported("virDomainLookupByID");
    }

    @Override
    public String osType(DomainRef dom) throws VirtException {
        throw unsupported("virDomainGetOSType");
    }

    @Override
    public DomainStateInfo state(DomainRef dom) throws VirtException {
        throw unsupported("virDomainGetState");
    }

    @Override
    public DomainInfo info(DomainRef dom) throws VirtException {
        throw unsupported("virDomainGetInfo");
    }

    @Override
    public boolean isPersistent(DomainRef dom) throws VirtException {
        throw unsupported("virDomainIsPersistent");
    }

    @Override
    public String xmlDesc(DomainRef dom, int flags) throws VirtException {
        throw unsupported("virDomainGetXMLDesc");
    }

    @Override
    public void close() {
        // holds nothing
    }

    /** secret:///system reaches the secrets alone, as libvirt's secret daemon: storage calls answer NO_SUPPORT. */
    @Override
    public boolean usesSharedStorage() {
        return false;
    }
}
