package org.jvirt.driver.xen.internal;

import java.util.BitSet;
import java.util.List;
import java.util.UUID;
import java.util.function.BooleanSupplier;

import org.jvirt.api.CreateFlag;
import org.jvirt.api.DefineFlag;
import org.jvirt.api.DomainInfo;
import org.jvirt.api.DomainStateInfo;
import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.Flag;
import org.jvirt.api.ModificationFlag;
import org.jvirt.api.NodeInfo;
import org.jvirt.api.VcpuInfo;
import org.jvirt.api.VirtException;
import org.jvirt.api.XmlFlag;
import org.jvirt.api.spi.DomainEventSink;
import org.jvirt.api.spi.DomainRef;
import org.jvirt.api.spi.DriverConnection;
import org.jvirt.api.xml.DomainDef;
import org.jvirt.api.xml.DomainXmlCodec;

/**
 * A connection to {@code xen:///system}: the domains of {@link XenDomains}, started and stopped
 * through libxl ({@link XenLifecycle}, {@link XenGuestCalls}), the host from libxl's physinfo
 * ({@link XenHost}), and the conversions between domain XML and Xen's configuration formats.
 */
final class XenConnection implements DriverConnection {
    private final XenDriver.Parts parts;
    private final BooleanSupplier driverActive;
    private volatile DomainEventSink sink;
    private volatile boolean closed;

    /** @param driverActive whether the driver instance that opened this connection is still active */
    XenConnection(XenDriver.Parts parts, BooleanSupplier driverActive) {
        this.parts = parts;
        this.driverActive = driverActive;
    }

    @Override
    public String type() {
        return "Xen";
    }

    @Override
    public long hypervisorVersion() throws VirtException {
        return parts.host().version();
    }

    @Override
    public String capabilities() throws VirtException {
        return parts.host().capabilities();
    }

    @Override
    public NodeInfo nodeInfo() throws VirtException {
        return parts.host().nodeInfo();
    }

    @Override
    public String domainXmlToNative(String nativeFormat, String xml, int flags) throws VirtException {
        XenErrors.checkFlags(flags, 0, "libxlConnectDomainXMLToNative");
        return parts.formats().toNative(nativeFormat, xml);
    }

    @Override
    public String domainXmlFromNative(String nativeFormat, String nativeConfig, int flags) throws VirtException {
        XenErrors.checkFlags(flags, 0, "libxlConnectDomainXMLFromNative");
        return parts.formats().fromNative(nativeFormat, nativeConfig);
    }

    @Override
    public List<DomainRef> listAllDomains(int flags) throws VirtException {
        return parts.domains().all().stream().filter(d -> XenListFilter.matches(d, flags)).map(XenDomain::ref).toList();
    }

    @Override
    public DomainRef lookupByName(String name) throws VirtException {
        return found(parts.domains().byName(name), "no domain with matching name '" + name + "'").ref();
    }

    @Override
    public DomainRef lookupByUuid(UUID uuid) throws VirtException {
        return found(parts.domains().byUuid(uuid), "no domain with matching uuid '" + uuid + "'").ref();
    }

    @Override
    public DomainRef lookupById(int id) throws VirtException {
        return found(parts.domains().byId(id), "no domain with matching id " + id).ref();
    }

    @Override
    public DomainRef defineXml(String xml, int flags) throws VirtException {
        XenErrors.checkFlags(flags, Flag.mask(DefineFlag.VALIDATE), "libxlDomainDefineXMLFlags");
        return parts.definitions().define(xml).ref();
    }

    @Override
    public DomainRef createXml(String xml, int flags) throws VirtException {
        XenErrors.checkFlags(flags, Flag.mask(CreateFlag.START_PAUSED), "libxlDomainCreateXML");
        return parts.definitions().createTransient(xml, Flag.isSet(flags, CreateFlag.START_PAUSED)).ref();
    }

    @Override
    public void setEventSink(DomainEventSink newSink) {
        DomainEventSink old = sink;
        if (old != null) {
            parts.domains().events().remove(old);
        }
        sink = newSink;
        if (newSink != null && !closed) {
            parts.domains().events().add(newSink);
        }
    }

    @Override
    public String osType(DomainRef ref) throws VirtException {
        return find(ref).currentDef().os().type();
    }

    @Override
    public DomainStateInfo state(DomainRef ref) throws VirtException {
        return find(ref).state();
    }

    @Override
    public DomainInfo info(DomainRef ref) throws VirtException {
        XenDomain d = find(ref);
        synchronized (d) {
            return parts.guest().info(d);
        }
    }

    @Override
    public boolean isPersistent(DomainRef ref) throws VirtException {
        return find(ref).isPersistent();
    }

    @Override
    public void create(DomainRef ref, int flags) throws VirtException {
        XenErrors.checkFlags(flags, Flag.mask(CreateFlag.START_PAUSED), "libxlDomainCreateWithFlags");
        parts.definitions().start(find(ref), Flag.isSet(flags, CreateFlag.START_PAUSED));
    }

    @Override
    public void destroy(DomainRef ref, int flags) throws VirtException {
        XenErrors.checkFlags(flags, 0, "libxlDomainDestroyFlags");
        XenDomain d = find(ref);
        d.job("destroy", () -> {
            parts.lifecycle().destroy(d);
            return null;
        });
    }

    @Override
    public void shutdown(DomainRef ref, int flags) throws VirtException {
        XenErrors.checkFlags(flags, 0, "libxlDomainShutdownFlags");
        XenDomain d = find(ref);
        d.job("shutdown", () -> {
            parts.lifecycle().shutdown(d);
            return null;
        });
    }

    @Override
    public void reboot(DomainRef ref, int flags) throws VirtException {
        XenErrors.checkFlags(flags, 0, "libxlDomainReboot");
        XenDomain d = find(ref);
        d.job("reboot", () -> {
            parts.lifecycle().reboot(d);
            return null;
        });
    }

    @Override
    public void suspend(DomainRef ref) throws VirtException {
        XenDomain d = find(ref);
        d.job("suspend", () -> {
            parts.lifecycle().suspend(d);
            return null;
        });
    }

    @Override
    public void resume(DomainRef ref) throws VirtException {
        XenDomain d = find(ref);
        d.job("resume", () -> {
            parts.lifecycle().resume(d);
            return null;
        });
    }

    @Override
    public void undefine(DomainRef ref, int flags) throws VirtException {
        XenErrors.checkFlags(flags, 0, "libxlDomainUndefineFlags");
        parts.definitions().undefine(find(ref));
    }

    @Override
    public String xmlDesc(DomainRef ref, int flags) throws VirtException {
        XenErrors.checkFlags(flags, Flag.mask(XmlFlag.SECURE, XmlFlag.INACTIVE), "libxlDomainGetXMLDesc");
        XenDomain d = find(ref);
        synchronized (d) {
            boolean inactive = Flag.isSet(flags, XmlFlag.INACTIVE) || !d.isActive();
            DomainDef def = inactive && d.isPersistent() ? d.persistentDef() : d.currentDef();
            int f = (Flag.isSet(flags, XmlFlag.SECURE) ? DomainXmlCodec.FORMAT_SECURE : 0)
                    | (inactive ? DomainXmlCodec.FORMAT_INACTIVE : 0);
            return parts.domains().codec().format(def, f);
        }
    }

    @Override
    public boolean autostart(DomainRef ref) throws VirtException {
        return find(ref).autostart();
    }

    @Override
    public void setAutostart(DomainRef ref, boolean autostart) throws VirtException {
        parts.definitions().setAutostart(find(ref), autostart);
    }

    @Override
    public List<VcpuInfo> vcpuInfo(DomainRef ref) throws VirtException {
        XenDomain d = find(ref);
        synchronized (d) {
            return parts.guest().vcpuInfo(d);
        }
    }

    @Override
    public void pinVcpu(DomainRef ref, int vcpu, BitSet cpumap, int flags) throws VirtException {
        XenDomain d = find(ref);
        d.job("vcpupin", () -> {
            parts.guest().pinVcpu(d, vcpu, cpumap, flags);
            return null;
        });
    }

    @Override
    public List<BitSet> vcpuPinInfo(DomainRef ref, int flags) throws VirtException {
        XenDomain d = find(ref);
        synchronized (d) {
            return parts.guest().vcpuPinInfo(d, flags);
        }
    }

    /** {@code libxlDomainPinVcpu}: the running domain, as libvirt's libxl driver. */
    @Override
    public void pinVcpu(DomainRef ref, int vcpu, BitSet cpumap) throws VirtException {
        pinVcpu(ref, vcpu, cpumap, ModificationFlag.LIVE.bit());
    }

    @Override
    public void setMemory(DomainRef ref, long kib, int flags) throws VirtException {
        XenDomain d = find(ref);
        d.job("setmem", () -> {
            parts.guest().setMemory(d, kib, flags);
            return null;
        });
    }

    @Override
    public boolean isAlive() {
        return !closed && driverActive.getAsBoolean();
    }

    @Override
    public void close() {
        closed = true;
        setEventSink(null);
    }

    private XenDomain find(DomainRef ref) throws VirtException {
        XenDomain d = parts.domains().byUuid(ref.uuid());
        return found(d, "no domain with matching uuid '" + ref.uuid() + "' (" + ref.name() + ")");
    }

    private static XenDomain found(XenDomain d, String message) throws VirtException {
        if (d == null) {
            throw new VirtException(ErrorCode.NO_DOMAIN, ErrorDomain.LIBXL, message);
        }
        return d;
    }
}
