package org.jvirt.network.internal.conf;

import java.util.Locale;
import java.util.UUID;

import org.jvirt.api.xml.XmlElement;

/**
 * A parsed network port: libvirt's {@code virNetworkPortDef}. The virtual port profile and the VLAN
 * are kept verbatim (jvirt applies neither); the bandwidth is typed because the port's parameters
 * read and replace it.
 *
 * @param group        the port group, or null
 * @param mac          lower case
 * @param virtualport  {@code <virtualport>} verbatim, or null
 * @param bandwidth    null when none
 * @param vlan         {@code <vlan>} verbatim, or null
 * @param isolatedPort {@code <port isolated>} "yes"/"no", or null
 * @param trustGuest   {@code <rxfilters trustGuest>} "yes"/"no", or null
 * @param plug         how the port is plugged; {@link Plug#NONE} before allocation
 */
public record NetworkPortDef(UUID uuid, String ownerName, UUID ownerUuid, String group, String mac,
                             XmlElement virtualport, Bandwidth bandwidth, XmlElement vlan, String isolatedPort,
                             String trustGuest, Plug plug) {

    public NetworkPortDef withPlug(Plug newPlug) {
        return new NetworkPortDef(uuid, ownerName, ownerUuid, group, mac, virtualport, bandwidth, vlan, isolatedPort,
                trustGuest, newPlug);
    }

    public NetworkPortDef withBandwidth(Bandwidth newBandwidth) {
        return new NetworkPortDef(uuid, ownerName, ownerUuid, group, mac, virtualport, newBandwidth, vlan,
                isolatedPort, trustGuest, plug);
    }

    public NetworkPortDef withVirtualport(XmlElement newVirtualport) {
        return new NetworkPortDef(uuid, ownerName, ownerUuid, group, mac, newVirtualport, bandwidth, vlan,
                isolatedPort, trustGuest, plug);
    }

    public NetworkPortDef withDefaults(XmlElement newVlan, String newIsolated, String newTrust) {
        return new NetworkPortDef(uuid, ownerName, ownerUuid, group, mac, virtualport, bandwidth, newVlan,
                newIsolated, newTrust, plug);
    }

    /** libvirt's virNetworkPortPlugType, by XML name. */
    public enum PlugType {
        NONE("none"), NETWORK("network"), BRIDGE("bridge"), DIRECT("direct"), HOSTDEV_PCI("hostdev-pci");

        private final String xmlName;

        PlugType(String xmlName) {
            this.xmlName = xmlName;
        }

        public String xmlName() {
            return xmlName;
        }

        static PlugType of(String name) {
            for (PlugType t : values()) {
                if (t.xmlName.equals(name)) {
                    return t;
                }
            }
            return null;
        }
    }

    /**
     * The plug: {@code bridge}/{@code macTableManager} for network and bridge plugs, {@code dev}/{@code mode}
     * for direct, {@code managed}/{@code driver}/{@code pci} for hostdev-pci; the rest null.
     */
    public record Plug(PlugType type, String bridge, String macTableManager, String dev, String mode,
                       String managed, String driver, Pci pci) {
        public static final Plug NONE = new Plug(PlugType.NONE, null, null, null, null, null, null, null);

        public static Plug bridge(PlugType type, String bridge, String macTableManager) {
            return new Plug(type, bridge, macTableManager, null, null, null, null, null);
        }
    }

    /** A PCI address as libvirt's virPCIDeviceAddress. */
    public record Pci(int domain, int bus, int slot, int function) {
        String format() {
            return String.format(Locale.ROOT, "<address domain='0x%04x' bus='0x%02x' slot='0x%02x' function='0x%d'/>",
                    domain, bus, slot, function);
        }
    }

    /** libvirt's virNetDevBandwidth: {@code classId} 0 when unset, a direction null when unlimited. */
    public record Bandwidth(long classId, Rate inbound, Rate outbound) {
        /**
         * What a network's guests may receive at most, all together: the inbound peak, else the average
         * (libvirt's rule for the ceiling of the floor classes and for the overcommit check); 0 without
         * inbound QoS.
         */
        public long inboundCeiling() {
            return inbound == null ? 0 : inbound.peak() != 0 ? inbound.peak() : inbound.average();
        }
    }

    /** libvirt's virNetDevBandwidthRate (kilobytes per second, burst in kilobytes); 0 is unset. */
    public record Rate(long average, long peak, long floor, long burst) {
    }
}
