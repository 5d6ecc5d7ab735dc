package org.jvirt.driver.test.internal;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.VirtException;
import org.jvirt.api.xml.Device;
import org.jvirt.api.xml.Devices;
import org.jvirt.api.xml.DomainDef;
import org.jvirt.api.xml.DomainXmlCodec;
import org.jvirt.api.xml.GenericDevice;
import org.jvirt.api.xml.XmlElement;

/**
 * What libvirt's test driver does to a domain definition after the generic parse: a UUID when none
 * is given, the default architecture {@code i686} ({@code defArch}), a MAC address and a
 * {@code testnetN} interface name for every interface that lacks one
 * ({@code testDomainGenerateIfnames}), and the name check of {@code virXMLCheckIllegalChars}.
 */
final class DefinitionPolicy {
    static final String DEFAULT_ARCH = "i686";

    private static final SecureRandom RANDOM = new SecureRandom();

    private final DomainXmlCodec codec;

    DefinitionPolicy(DomainXmlCodec codec) {
        this.codec = codec;
    }

    /** Parses a new persistent or transient definition as the test driver does. */
    DomainDef parse(String xml) throws VirtException {
        if (xml == null) {
            throw new VirtException(ErrorCode.INVALID_ARG, ErrorDomain.TEST, "xml must not be null");
        }
        return complete(codec.parse(xml, DomainXmlCodec.PARSE_INACTIVE));
    }

    /** Applies the test driver's defaults to a parsed definition. */
    DomainDef complete(DomainDef def) throws VirtException {
        if (def.name().indexOf('\n') >= 0) {
            throw new VirtException(ErrorCode.XML_DETAIL, ErrorDomain.XML, "invalid char in name: \n");
        }
        DomainDef out = def.withId(-1);
        if (out.uuid() == null) {
            out = out.withUuid(UUID.randomUUID());
        }
        if (out.os() != null && out.os().arch() == null) {
            out = out.withOs(out.os().withArch(DEFAULT_ARCH));
        }
        return out.withDevices(nameInterfaces(out.devices()));
    }

    /** Gives every {@code <interface>} a MAC address and a target device name. */
    private static Devices nameInterfaces(Devices devices) {
        Set<String> used = new HashSet<>();
        for (Device d : devices.named("interface")) {
            if (d instanceof GenericDevice g && g.element().child("target") != null) {
                String dev = g.element().child("target").attribute("dev");
                if (dev != null) {
                    used.add(dev);
                }
            }
        }
        List<Device> all = new ArrayList<>();
        boolean changed = false;
        for (Device d : devices.all()) {
            if (d instanceof GenericDevice g && "interface".equals(g.elementName())) {
                XmlElement named = nameInterface(g.element(), used);
                changed |= named != g.element();
                all.add(named == g.element() ? d : new GenericDevice(named));
            } else {
                all.add(d);
            }
        }
        return changed ? new Devices(devices.emulator(), all) : devices;
    }

    private static XmlElement nameInterface(XmlElement iface, Set<String> used) {
        XmlElement out = iface;
        if (out.child("mac") == null) {
            out = insertAfter(out, XmlElement.of("mac").withAttribute("address", randomMac()), List.of());
        }
        XmlElement target = out.child("target");
        if (target == null || target.attribute("dev") == null) {
            int n = 0;
            while (used.contains("testnet" + n)) {
                n++;
            }
            String dev = "testnet" + n;
            used.add(dev);
            List<XmlElement> children = new ArrayList<>();
            if (target != null) {
                for (XmlElement c : out.children()) {
                    children.add(c == target ? c.withAttribute("dev", dev) : c);
                }
                out = out.withChildren(children);
            } else {
                out = insertAfter(out, XmlElement.of("target").withAttribute("dev", dev),
                        List.of("mac", "source", "boot", "vlan", "virtualport", "ip", "route", "script",
                                "backenddomain"));
            }
        }
        return out;
    }

    /** Inserts {@code child} after the last child whose name is in {@code before} (else first). */
    private static XmlElement insertAfter(XmlElement parent, XmlElement child, List<String> before) {
        List<XmlElement> children = new ArrayList<>(parent.children());
        int at = 0;
        for (int i = 0; i < children.size(); i++) {
            if (before.contains(children.get(i).name())) {
                at = i + 1;
            }
        }
        children.add(at, child);
        return parent.withChildren(children);
    }

    /** libvirt's {@code virMacAddrGenerate} with the QEMU/KVM prefix 52:54:00. */
    private static String randomMac() {
        byte[] b = new byte[3];
        RANDOM.nextBytes(b);
        return String.format("52:54:00:%02x:%02x:%02x", b[0] & 0xff, b[1] & 0xff, b[2] & 0xff);
    }
}
