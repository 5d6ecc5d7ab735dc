package org.jvirt.driver.xen.internal;

import java.util.List;
import java.util.UUID;

import org.jvirt.api.DomainInfo;
import org.jvirt.api.DomainStateInfo;
import org.jvirt.api.VirtException;
import org.jvirt.api.spi.DomainRef;
import org.jvirt.api.spi.DriverConnection;

/**
 * A connection to the Xen driver. It converts between domain XML and Xen's configuration formats
 * ({@code virConnectDomainXMLFromNative}/{@code ToNative}); the domain calls, which need libxl
 * and a hypervisor, answer libvirt's "not supported" error (see the README).
 */
final class XenConnection implements DriverConnection {
    private final NativeFormats formats;

    XenConnection(NativeFormats formats) {
        this.formats = formats;
    }

    @Override
    public String type() {
        return "Xen";
    }

    @Override
    public long hypervisorVersion() throws VirtException {
        throw DriverConnection.unsupported("virConnectGetVersion");
    }

    @Override
    public String domainXmlToNative(String nativeFormat, String xml, int flags) throws VirtException {
        XenErrors.checkFlags(flags, 0, "libxlConnectDomainXMLToNative");
        return formats.toNative(nativeFormat, xml);
    }

    @Override
    public String domainXmlFromNative(String nativeFormat, String nativeConfig, int flags) throws VirtException {
        XenErrors.checkFlags(flags, 0, "libxlConnectDomainXMLFromNative");
        return formats.fromNative(nativeFormat, nativeConfig);
    }

    @Override
    public List<DomainRef> listAllDomains(int flags) throws VirtException {
        throw DriverConnection.unsupported("virConnectListAllDomains");
    }

    @Override
    public DomainRef lookupByName(String name) throws VirtException {
        throw DriverConnection.unsupported("virDomainLookupByName");
    }

    @Override
    public DomainRef lookupByUuid(UUID uuid) throws VirtException {
        throw DriverConnection.unsupported("virDomainLookupByUUID");
    }

    @Override
    public DomainRef lookupById(int id) throws VirtException {
        throw DriverConnection.unsupported("virDomainLookupByID");
    }

    @Override
    public String osType(DomainRef dom) throws VirtException {
        throw DriverConnection.unsupported("virDomainGetOSType");
    }

    @Override
    public DomainStateInfo state(DomainRef dom) throws VirtException {
        throw DriverConnection.unsupported("virDomainGetState");
    }

    @Override
    public DomainInfo info(DomainRef dom) throws VirtException {
        throw DriverConnection.unsupported("virDomainGetInfo");
    }

    @Override
    public boolean isPersistent(DomainRef dom) throws VirtException {
        throw DriverConnection.unsupported("virDomainIsPersistent");
    }

    @Override
    public String xmlDesc(DomainRef dom, int flags) throws VirtException {
        throw DriverConnection.unsupported("virDomainGetXMLDesc");
    }

    @Override
    public void close() {
        // nothing held: no libxl context is open
    }
}
