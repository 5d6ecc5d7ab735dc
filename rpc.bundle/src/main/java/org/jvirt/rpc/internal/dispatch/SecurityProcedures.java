package org.jvirt.rpc.internal.dispatch;

import static org.jvirt.rpc.internal.dispatch.Access.READ;
import static org.jvirt.rpc.internal.dispatch.Wire.domain;

import java.util.List;

import org.jvirt.api.SecurityLabel;
import org.jvirt.api.VirtException;
import org.jvirt.rpc.internal.wire.RemoteProc;
import org.jvirt.rpc.internal.wire.SecurityWire;

/** The host's security model and the domains' security labels. */
final class SecurityProcedures {

    void registerInto(ProcedureTable t) {
        t.add(RemoteProc.NODE_GET_SECURITY_MODEL, "virNodeGetSecurityModel", READ,
                (c, a, r) -> SecurityWire.writeModel(r, c.connection().securityModel()));
        t.add(RemoteProc.DOMAIN_GET_SECURITY_LABEL, "virDomainGetSecurityLabel", READ,
                (c, a, r) -> SecurityWire.writeLabel(r, domain(c, a).securityLabel()));
        t.add(RemoteProc.DOMAIN_GET_SECURITY_LABEL_LIST, "virDomainGetSecurityLabelList", READ, (c, a, r) -> {
            var d = domain(c, a);
            List<SecurityLabel> labels;
            try {
                labels = d.securityLabels();
            } catch (VirtException e) {
                // libvirtd's remoteDispatchDomainGetSecurityLabelList answers a failure with
                // ret = -1 and no error: the client sees "the cause is unknown"
                r.writeInt(0).writeInt(-1);
                return;
            }
            int n = Math.min(labels.size(), SecurityWire.LABEL_LIST_MAX);
            r.writeInt(n);
            for (int i = 0; i < n; i++) {
                SecurityWire.writeLabel(r, labels.get(i));
            }
            r.writeInt(n);
        });
    }
}
