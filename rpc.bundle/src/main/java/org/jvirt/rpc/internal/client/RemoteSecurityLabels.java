package org.jvirt.rpc.internal.client;

import java.util.ArrayList;
import java.util.List;

import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.SecurityLabel;
import org.jvirt.api.SecurityModel;
import org.jvirt.api.VirtException;
import org.jvirt.api.spi.DomainRef;
import org.jvirt.rpc.internal.wire.RemoteProc;
import org.jvirt.rpc.internal.wire.SecurityWire;
import org.jvirt.rpc.internal.xdr.XdrReader;
import org.jvirt.rpc.internal.xdr.XdrWriter;

/** The security model and label RPCs; the label list read as libvirt's remoteDomainGetSecurityLabelList reads it. */
final class RemoteSecurityLabels {
    private RemoteSecurityLabels() {
    }

    static SecurityModel model(RemoteCalls rpc) throws VirtException {
        XdrReader r = rpc.call(RemoteProc.NODE_GET_SECURITY_MODEL, new XdrWriter());
        return rpc.decode(() -> SecurityWire.readModel(r));
    }

    static SecurityLabel label(RemoteCalls rpc, DomainRef dom) throws VirtException {
        XdrReader r = rpc.call(RemoteProc.DOMAIN_GET_SECURITY_LABEL, RemoteCalls.dom(dom));
        return rpc.decode(() -> SecurityWire.readLabel(r));
    }

    static List<SecurityLabel> labels(RemoteCalls rpc, DomainRef dom) throws VirtException {
        return decode(rpc, rpc.call(RemoteProc.DOMAIN_GET_SECURITY_LABEL_LIST, RemoteCalls.dom(dom)));
    }

    static List<SecurityLabel> decode(RemoteCalls rpc, XdrReader r) throws VirtException {
        int[] ret = new int[1];
        List<SecurityLabel> labels = rpc.decode(() -> {
            int n = r.readCount(SecurityWire.LABEL_LIST_MAX, 8, "security labels");
            List<SecurityLabel> out = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                out.add(SecurityWire.readLabel(r));
            }
            ret[0] = r.readInt();
            return out;
        });
        if (ret[0] < 0) {
            // libvirtd swallows the driver's error and sends ret = -1 alone (virErrorGenericFailure)
            throw new VirtException(ErrorCode.INTERNAL_ERROR, ErrorDomain.NONE,
                    "An error occurred, but the cause is unknown");
        }
        return labels;
    }
}
