package org.jvirt.storage.internal.conf;

import org.jvirt.api.VirtException;
import org.jvirt.api.xml.XmlElement;

/**
 * A scsi pool's {@code <adapter>} (libvirt's {@code virStorageAdapter}, {@code storage_adapter_conf.c}):
 * a {@code scsi_host} by name or by its parent PCI address and unique id, or an {@code fc_host} by its
 * WWNN/WWPN and parent.
 */
public record PoolAdapter(String type, String name, Integer uniqueId, int[] parentAddr, String parent,
                          String parentWwnn, String parentWwpn, String parentFabricWwn, String managed,
                          String wwnn, String wwpn) {

    /** {@code virStorageAdapterParseXML} and {@code virStorageAdapterValidate}. */
    static PoolAdapter parse(XmlElement node) throws VirtException {
        String type = node.attribute("type");
        if (type == null) {
            // the legacy form: a scsi_host named by the adapter's name alone
            String name = node.attribute("name");
            if (name == null) {
                throw Xml.xmlError("Storage pool adapter name is required");
            }
            return new PoolAdapter("scsi_host", name, null, null, null, null, null, null, null, null, null);
        }
        if (type.equals("fc_host")) {
            String managed = node.attribute("managed");
            if (managed != null && !managed.equals("yes") && !managed.equals("no")) {
                throw Xml.xmlError("Invalid value for attribute 'managed' in element 'adapter': '" + managed
                        + "'. Expected 'yes' or 'no'");
            }
            String wwnn = node.attribute("wwnn");
            String wwpn = node.attribute("wwpn");
            if (wwnn == null || wwpn == null) {
                throw Xml.xmlError("'wwnn' and 'wwpn' must be specified for adapter type 'fchost'");
            }
            return new PoolAdapter(type, null, null, null, node.attribute("parent"), node.attribute("parent_wwnn"),
                    node.attribute("parent_wwpn"), node.attribute("parent_fabric_wwn"), managed, wwnn, wwpn);
        }
        if (type.equals("scsi_host")) {
            String name = node.attribute("name");
            XmlElement parentaddr = node.child("parentaddr");
            if (name != null && parentaddr != null) {
                throw Xml.xmlError("Use of 'name' and 'parentaddr' attribute in the 'scsi_host' adapter is mutually exclusive");
            }
            if (name == null && parentaddr == null) {
                throw Xml.xmlError("Either 'name' or 'parent' must be specified for the 'scsi_host' adapter");
            }
            if (name != null) {
                return new PoolAdapter(type, name, null, null, null, null, null, null, null, null, null);
            }
            XmlElement address = parentaddr.child("address");
            String unique = parentaddr.attribute("unique_id");
            if (address == null || unique == null) {
                throw Xml.xmlError("Missing scsi_host PCI address element");
            }
            int[] addr = {hex(address, "domain"), hex(address, "bus"), hex(address, "slot"), hex(address, "function")};
            try {
                return new PoolAdapter(type, null, Integer.parseInt(unique.trim()), addr, null, null, null, null, null,
                        null, null);
            } catch (NumberFormatException e) {
                throw Xml.xmlError("Cannot parse the 'unique_id' attribute");
            }
        }
        throw Xml.xmlError("Unknown pool adapter type '" + type + "'");
    }

    private static int hex(XmlElement address, String attr) throws VirtException {
        String v = address.attribute(attr);
        if (v == null) {
            return 0;
        }
        try {
            return Integer.decode(v.trim());
        } catch (NumberFormatException e) {
            throw Xml.xmlError("Cannot parse <address> '" + attr + "' attribute");
        }
    }

    /** {@code virStorageAdapterFormat}, indented by {@code indent}. */
    void format(StringBuilder b, String indent) {
        b.append(indent).append("<adapter type='").append(type).append('\'');
        if (type.equals("fc_host")) {
            attr(b, "parent", parent);
            attr(b, "parent_wwnn", parentWwnn);
            attr(b, "parent_wwpn", parentWwpn);
            attr(b, "parent_fabric_wwn", parentFabricWwn);
            attr(b, "managed", managed);
            b.append(" wwnn='").append(Xml.escape(wwnn)).append("' wwpn='").append(Xml.escape(wwpn)).append("'/>\n");
        } else if (name != null) {
            b.append(" name='").append(Xml.escape(name)).append("'/>\n");
        } else {
            b.append(">\n").append(indent).append("  <parentaddr unique_id='").append(uniqueId).append("'>\n");
            b.append(indent).append(String.format("    <address domain='0x%04x' bus='0x%02x' slot='0x%02x' function='0x%01x'/>\n",
                    parentAddr[0], parentAddr[1], parentAddr[2], parentAddr[3]));
            b.append(indent).append("  </parentaddr>\n").append(indent).append("</adapter>\n");
        }
    }

    private static void attr(StringBuilder b, String name, String value) {
        if (value != null) {
            b.append(' ').append(name).append("='").append(Xml.escape(value)).append('\'');
        }
    }
}
