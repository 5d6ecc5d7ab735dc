package org.jvirt.driver.qemu.internal.hotplug;

import java.util.List;
import java.util.Set;

import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.VirtException;
import org.jvirt.api.xml.Device;
import org.jvirt.api.xml.DomainDef;
import org.jvirt.api.xml.DomainXmlCodec;
import org.jvirt.api.xml.GenericDevice;
import org.jvirt.api.xml.GuestDefaults;
import org.jvirt.api.xml.XmlAttribute;
import org.jvirt.api.xml.XmlElement;

/**
 * One device's XML as the domain model's device (libvirt's {@code virDomainDeviceDefParse}). The
 * document is read with the codec's hardened reader (no DTD, bounded sizes) and parsed in a
 * skeleton domain, so a device parses exactly as it would inside a definition; the generic
 * post-parse is left out (it would add implicit controllers to the skeleton).
 */
public final class DeviceXml {
    /** Elements of {@code <devices>} that are not devices. */
    private static final Set<String> NOT_DEVICES = Set.of("emulator");

    private DeviceXml() {
    }

    /**
     * @param inactive libvirt's {@code VIR_DOMAIN_DEF_PARSE_INACTIVE}: status-only parts (aliases) are ignored
     * @throws VirtException XML_ERROR "unknown device type 'x'" for an element that is no device
     */
    public static Device parse(DomainXmlCodec codec, String xml, boolean inactive) throws VirtException {
        XmlElement device = codec.readXml(xml, "(device_definition)", ErrorDomain.DOMAIN);
        if (NOT_DEVICES.contains(device.name())) {
            throw unknown(device.name());
        }
        XmlElement root = new XmlElement("domain", List.of(new XmlAttribute("type", "qemu")), List.of(
                leaf("name", "device"), leaf("memory", "1048576"),
                new XmlElement("os", List.of(), List.of(leaf("type", "hvm")), null),
                new XmlElement("devices", List.of(), List.of(device), null)), null);
        int flags = DomainXmlCodec.PARSE_SKIP_POST_PARSE | (inactive ? DomainXmlCodec.PARSE_INACTIVE : 0);
        DomainDef def = codec.parse(root, flags, GuestDefaults.NONE);
        List<Device> all = def.devices().all();
        if (all.size() != 1 || all.get(0) instanceof GenericDevice) {
            throw unknown(device.name());
        }
        return all.get(0);
    }

    private static XmlElement leaf(String name, String text) {
        return new XmlElement(name, List.of(), List.of(), text);
    }

    private static VirtException unknown(String name) {
        return new VirtException(ErrorCode.XML_ERROR, ErrorDomain.DOMAIN, "unknown device type '" + name + "'");
    }
}
