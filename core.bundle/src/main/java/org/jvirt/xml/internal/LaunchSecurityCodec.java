package org.jvirt.xml.internal;

import java.util.Set;

import org.jvirt.api.VirtException;
import org.jvirt.api.xml.LaunchSecurity;
import org.jvirt.api.xml.LaunchSecurityBuilder;

/** {@code <launchSecurity>} (virDomainSecDefParseXML and virDomainSecDefFormat). */
final class LaunchSecurityCodec {
    private static final Set<String> TYPES = Set.of("sev", "sev-snp", "s390-pv");

    private LaunchSecurityCodec() {
    }

    static LaunchSecurity parse(Node n) throws VirtException {
        if (n == null) {
            return null;
        }
        String type = n.attr("type");
        if (type == null) {
            throw XmlErrors.xml("missing launch security type");
        }
        if (!TYPES.contains(type)) {
            throw XmlErrors.unsupported("unsupported launch security type '" + type + "'");
        }
        LaunchSecurityBuilder b = LaunchSecurity.builder().type(type).kernelHashes(n.attr("kernelHashes"))
                .authorKey(n.attr("authorKey")).vcek(n.attr("vcek"));
        b.cbitpos(uint(n, "cbitpos", 10)).reducedPhysBits(uint(n, "reducedPhysBits", 10));
        Integer policy = uint(n, "policy", 16);
        b.policy(policy == null ? null : Integer.toUnsignedLong(policy));
        b.dhCert(n.childText("dhCert")).session(n.childText("session"))
                .guestVisibleWorkarounds(n.childText("guestVisibleWorkarounds")).idBlock(n.childText("idBlock"))
                .idAuth(n.childText("idAuth")).hostData(n.childText("hostData"));
        return b.other(n.rest()).build();
    }

    /** virXPathUInt / virXPathUIntBase on a child's text. */
    private static Integer uint(Node n, String child, int base) throws VirtException {
        String text = n.childText(child);
        if (text == null) {
            return null;
        }
        Long l = Num.parse(text.trim(), base);
        if (l == null || l < 0 || l > 0xFFFF_FFFFL) {
            throw XmlErrors.xml("failed to get launch security " + child);
        }
        return (int) (long) l;
    }

    static Out format(LaunchSecurity s) {
        if (s == null) {
            return null;
        }
        Out o = new Out("launchSecurity").attr("type", s.type()).attr("kernelHashes", s.kernelHashes())
                .attr("authorKey", s.authorKey()).attr("vcek", s.vcek());
        o.textChild("cbitpos", s.cbitpos()).textChild("reducedPhysBits", s.reducedPhysBits());
        if (s.policy() != null) {
            // libvirt writes an SEV policy as 0x%04x and an SEV-SNP policy as 0x%08llx
            String width = s.type().equals("sev-snp") ? "%08x" : "%04x";
            o.textChild("policy", "0x" + String.format(width, s.policy()));
        }
        o.textChild("dhCert", s.dhCert()).textChild("session", s.session())
                .textChild("guestVisibleWorkarounds", s.guestVisibleWorkarounds()).textChild("idBlock", s.idBlock())
                .textChild("idAuth", s.idAuth()).textChild("hostData", s.hostData());
        return o.preserved(s.other());
    }
}
