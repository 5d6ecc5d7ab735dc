package org.jvirt.network.internal.conf;

import java.util.List;

import org.jvirt.api.VirtException;
import org.jvirt.api.xml.XmlElement;
import org.jvirt.network.internal.conf.NetworkPortDef.Bandwidth;

/**
 * A network's {@code <portgroup>} elements, which jvirt keeps verbatim for formatting: parse-time
 * checks as libvirt's virNetworkPortGroupParseXML makes them, and the values a port takes from its
 * group (libvirt's virPortGroupDef: bandwidth, VLAN, rxfilter trust).
 */
public final class PortGroups {
    private PortGroups() {
    }

    /**
     * virNetworkPortGroupParseXML's errors: the name is required, {@code trustGuestRxFilters} is
     * yes/no, and the bandwidth parses without a {@code floor} (a group's QoS is a template for its
     * ports, whose floors the network accounts one by one).
     */
    static void check(List<XmlElement> groups) throws VirtException {
        for (XmlElement pg : groups) {
            if (pg.attribute("name") == null) {
                throw ConfErrors.xml("Missing required name attribute in portgroup");
            }
            ConfErrors.yesNo(pg.attribute("trustGuestRxFilters"), "trustGuestRxFilters", "portgroup");
            BandwidthXml.parse(pg.child("bandwidth"), false);
        }
    }

    /**
     * libvirt's virPortGroupFindByName: the group named {@code name}, or without a name the one
     * marked {@code default='yes'} (case-insensitive, as libvirt reads it); null when none.
     */
    public static XmlElement find(NetworkDef net, String name) {
        for (XmlElement pg : net.portgroups()) {
            if (name != null ? name.equals(pg.attribute("name")) : isDefault(pg)) {
                return pg;
            }
        }
        return null;
    }

    public static boolean isDefault(XmlElement pg) {
        return "yes".equalsIgnoreCase(pg.attribute("default"));
    }

    /** The group's bandwidth, null when it has none (checked when the network was defined). */
    public static Bandwidth bandwidth(XmlElement pg) throws VirtException {
        return pg == null ? null : BandwidthXml.parse(pg.child("bandwidth"), false);
    }

    /** The group's {@code <vlan>} when it has tags (libvirt copies only a VLAN with nTags > 0), else null. */
    public static XmlElement vlan(XmlElement pg) {
        XmlElement vlan = pg == null ? null : pg.child("vlan");
        return vlan != null && !vlan.children("tag").isEmpty() ? vlan : null;
    }

    /** The group's {@code trustGuestRxFilters}, "yes"/"no" or null. */
    public static String trustGuestRxFilters(XmlElement pg) {
        return pg == null ? null : pg.attribute("trustGuestRxFilters");
    }
}
