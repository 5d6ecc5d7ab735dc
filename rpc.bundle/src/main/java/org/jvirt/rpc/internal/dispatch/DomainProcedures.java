package org.jvirt.rpc.internal.dispatch;

import static org.jvirt.rpc.internal.dispatch.Access.READ;
import static org.jvirt.rpc.internal.dispatch.Access.WRITE;
import static org.jvirt.rpc.internal.dispatch.Wire.domain;
import static org.jvirt.rpc.internal.dispatch.Wire.writeDomain;

import java.util.List;

import org.jvirt.api.Domain;
import org.jvirt.api.DomainInfo;
import org.jvirt.api.DomainStateInfo;
import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.ListFlag;
import org.jvirt.api.VirtException;
import org.jvirt.api.XmlFlag;
import org.jvirt.rpc.internal.wire.RemoteProc;
import org.jvirt.rpc.internal.xdr.XdrException;
import org.jvirt.rpc.internal.xdr.XdrReader;

/** Listing, lookups and read-only queries on domains. */
final class DomainProcedures {

    void registerInto(ProcedureTable t) {
        t.add(RemoteProc.CONNECT_LIST_ALL_DOMAINS, "virConnectListAllDomains", READ, (c, a, r) -> {
            boolean needResults = a.readInt() != 0;
            int flags = a.readInt();
            List<Domain> all = c.connection().listAllDomains(flags);
            if (all.size() > RemoteProc.DOMAIN_LIST_MAX) {
                throw new VirtException(ErrorCode.RPC, ErrorDomain.RPC,
                        "too many domains '" + all.size() + "' for limit '" + RemoteProc.DOMAIN_LIST_MAX + "'");
            }
            r.writeInt(needResults ? all.size() : 0);
            for (int i = 0; needResults && i < all.size(); i++) {
                writeDomain(r, all.get(i));
            }
            r.writeInt(all.size());
        });
        t.add(RemoteProc.CONNECT_NUM_OF_DOMAINS, "virConnectNumOfDomains", READ,
                (c, a, r) -> r.writeInt(c.connection().listAllDomains(ListFlag.ACTIVE.bit()).size()));
        t.add(RemoteProc.CONNECT_NUM_OF_DEFINED_DOMAINS, "virConnectNumOfDefinedDomains", READ,
                (c, a, r) -> r.writeInt(c.connection().listAllDomains(ListFlag.INACTIVE.bit()).size()));
        t.add(RemoteProc.CONNECT_LIST_DOMAINS, "virConnectListDomains", READ, (c, a, r) -> {
            int max = listMax(a);
            List<Domain> active = c.connection().listAllDomains(ListFlag.ACTIVE.bit());
            int n = Math.min(max, active.size());
            r.writeInt(n);
            for (int i = 0; i < n; i++) {
                r.writeInt(active.get(i).foundId()); // as listed, no second round trip
            }
        });
        t.add(RemoteProc.CONNECT_LIST_DEFINED_DOMAINS, "virConnectListDefinedDomains", READ, (c, a, r) -> {
            int max = listMax(a);
            List<Domain> inactive = c.connection().listAllDomains(ListFlag.INACTIVE.bit());
            int n = Math.min(max, inactive.size());
            r.writeInt(n);
            for (int i = 0; i < n; i++) {
                r.writeString(inactive.get(i).name());
            }
        });
        t.add(RemoteProc.DOMAIN_LOOKUP_BY_NAME, "virDomainLookupByName", READ,
                (c, a, r) -> writeDomain(r, c.connection().lookupByName(a.readString())));
        t.add(RemoteProc.DOMAIN_LOOKUP_BY_UUID, "virDomainLookupByUUID", READ,
                (c, a, r) -> writeDomain(r, c.connection().lookupByUuid(a.readUuid())));
        t.add(RemoteProc.DOMAIN_LOOKUP_BY_ID, "virDomainLookupByID", READ,
                (c, a, r) -> writeDomain(r, c.connection().lookupById(a.readInt())));
        t.add(RemoteProc.DOMAIN_GET_INFO, "virDomainGetInfo", READ, (c, a, r) -> {
            DomainInfo i = domain(c, a).info();
            r.writeInt(i.state().number()).writeHyper(i.maxMemKiB()).writeHyper(i.memoryKiB())
                    .writeInt(i.nrVirtCpu()).writeHyper(i.cpuTimeNs());
        });
        t.add(RemoteProc.DOMAIN_GET_STATE, "virDomainGetState", READ, (c, a, r) -> {
            Domain d = domain(c, a);
            a.readInt();
            DomainStateInfo s = d.state();
            r.writeInt(s.state().number()).writeInt(s.reason());
        });
        t.add(RemoteProc.DOMAIN_GET_OS_TYPE, "virDomainGetOSType", READ,
                (c, a, r) -> r.writeString(domain(c, a).osType()));
        t.add(RemoteProc.DOMAIN_GET_MAX_MEMORY, "virDomainGetMaxMemory", READ,
                (c, a, r) -> r.writeHyper(domain(c, a).info().maxMemKiB()));
        t.add(RemoteProc.DOMAIN_IS_ACTIVE, "virDomainIsActive", READ,
                (c, a, r) -> r.writeInt(domain(c, a).isActive() ? 1 : 0));
        t.add(RemoteProc.DOMAIN_IS_PERSISTENT, "virDomainIsPersistent", READ,
                (c, a, r) -> r.writeInt(domain(c, a).isPersistent() ? 1 : 0));
        // jvirt keeps no separate "updated" config: truthfully 0.
        t.add(RemoteProc.DOMAIN_IS_UPDATED, "virDomainIsUpdated", READ, (c, a, r) -> {
            domain(c, a);
            r.writeInt(0);
        });
        t.add(RemoteProc.DOMAIN_HAS_MANAGED_SAVE_IMAGE, "virDomainHasManagedSaveImage", READ, (c, a, r) -> {
            Domain d = domain(c, a);
            r.writeInt(d.hasManagedSaveImage(a.readInt()) ? 1 : 0);
        });
        t.add(RemoteProc.DOMAIN_GET_XML_DESC, "virDomainGetXMLDesc", READ, (c, a, r) -> {
            Domain d = domain(c, a);
            int flags = a.readInt();
            if ((flags & XmlFlag.SECURE.bit()) != 0 && c.connection().isReadOnly()) {
                throw new VirtException(ErrorCode.OPERATION_DENIED, ErrorDomain.DOMAIN,
                        "virDomainGetXMLDesc with secure flag");
            }
            r.writeString(d.xmlDesc(flags));
        });
        t.add(RemoteProc.DOMAIN_GET_AUTOSTART, "virDomainGetAutostart", READ,
                (c, a, r) -> r.writeInt(domain(c, a).autostart() ? 1 : 0));
        t.add(RemoteProc.DOMAIN_SET_AUTOSTART, "virDomainSetAutostart", WRITE, (c, a, r) -> {
            Domain d = domain(c, a);
            d.setAutostart(a.readInt() != 0);
        });
    }

    private static int listMax(XdrReader a) throws XdrException, VirtException {
        int max = a.readInt();
        if (max < 0 || max > RemoteProc.DOMAIN_LIST_MAX) {
            throw new VirtException(ErrorCode.RPC, ErrorDomain.RPC,
                    "maxids " + max + " > REMOTE_DOMAIN_LIST_MAX");
        }
        return max;
    }
}
