package org.jvirt.rpc.internal.client;

import java.util.ArrayList;
import java.util.List;

import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.SecurityLabel;
import org.jvirt.api.VirtException;
import org.jvirt.rpc.internal.wire.SecurityWire;
import org.jvirt.rpc.internal.xdr.XdrReader;

/** The reply of DOMAIN_GET_SECURITY_LABEL_LIST, as libvirt's remoteDomainGetSecurityLabelList reads it. */
final class RemoteSecurityLabels {
    private RemoteSecurityLabels() {
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
