package org.jvirt.xml.internal;

import org.jvirt.api.VirtException;
import org.jvirt.api.xml.Pm;
import org.jvirt.api.xml.Resource;

/** {@code <pm>} (virDomainPMStateParseXML) and {@code <resource>} (virDomainResourceDefParse). */
final class PmResourceCodec {
    private PmResourceCodec() {
    }

    static Pm parsePm(Node n) throws VirtException {
        if (n == null) {
            return null;
        }
        return Pm.builder().suspendToMem(state(n.child("suspend-to-mem")))
                .suspendToDisk(state(n.child("suspend-to-disk"))).other(n.rest()).build();
    }

    private static String state(Node s) throws VirtException {
        if (s == null) {
            return null;
        }
        String v = s.attr("enabled");
        if (v != null && !v.equals("yes") && !v.equals("no")) {
            throw XmlErrors.xml("unknown PM state value " + v);
        }
        s.requireFullyRead();
        return v;
    }

    static Out formatPm(Pm pm) {
        if (pm == null) {
            return null;
        }
        Out o = new Out("pm");
        if (pm.suspendToMem() != null) {
            o.child(new Out("suspend-to-mem").attr("enabled", pm.suspendToMem()));
        }
        if (pm.suspendToDisk() != null) {
            o.child(new Out("suspend-to-disk").attr("enabled", pm.suspendToDisk()));
        }
        o.preserved(pm.other());
        return o.build().children().isEmpty() ? null : o;
    }

    static Resource parseResource(Node n) throws VirtException {
        if (n == null) {
            return null;
        }
        String partition = n.childText("partition");
        return Resource.builder().partition(partition == null ? null : partition.trim()).other(n.rest()).build();
    }

    static Out formatResource(Resource r) {
        if (r == null) {
            return null;
        }
        return new Out("resource").textChild("partition", r.partition()).preserved(r.other());
    }
}
