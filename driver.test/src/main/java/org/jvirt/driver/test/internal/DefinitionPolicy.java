package org.jvirt.driver.test.internal;

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
import org.jvirt.api.xml.GuestDefaults;
import org.jvirt.api.xml.NetInterface;
import org.jvirt.api.xml.XmlElement;

/**
 * What libvirt's test driver does to a domain definition around the generic parse: the guest
 * architecture {@code i686} ({@code defArch}), a UUID when none is given, a {@code testnetN}
 * target device for every interface that lacks one ({@code testDomainGenerateIfnames}), and the
 * name check of {@code virXMLCheckIllegalChars}.
 */
final class DefinitionPolicy {
    /** The test driver's guests are i686 whatever their type ({@code defArch}). */
    static final GuestDefaults GUEST_DEFAULTS = (virtType, osType) -> "i686";

    private final DomainXmlCodec codec;

    DefinitionPolicy(DomainXmlCodec codec) {
        this.codec = codec;
    }

    /**
     * Parses a new persistent or transient definition as the test driver does. libvirt's test
     * driver reads its own namespace ({@code <test:runstate>} ...) only from host files and never
     * formats it: a definition handed to define or create loses it.
     */
    DomainDef parse(String xml) throws VirtException {
        if (xml == null) {
            throw new VirtException(ErrorCode.INVALID_ARG, ErrorDomain.TEST, "xml must not be null");
        }
        if (!xml.contains(TestNamespace.URI)) {
            return complete(codec.parse(xml, DomainXmlCodec.PARSE_INACTIVE, GUEST_DEFAULTS));
        }
        XmlElement root = codec.readXml(xml, "(domain_definition)", ErrorDomain.DOMAIN);
        return parse(new TestNamespace(List.of(root)).strip(root));
    }

    /** Parses a {@code <domain>} read already, without elements of the test namespace. */
    DomainDef parse(XmlElement domain) throws VirtException {
        return complete(codec.parse(domain, DomainXmlCodec.PARSE_INACTIVE, GUEST_DEFAULTS));
    }

    /**
     * A definition read from a save image or given to replace one: parsed as {@link #parse} does
     * but without {@code testnetN} target devices, which libvirt's test driver gives only when it
     * restores ({@link #withInterfaceNames}).
     */
    DomainDef parseImage(String xml) throws VirtException {
        return withDefaults(codec.parse(xml, DomainXmlCodec.PARSE_INACTIVE, GUEST_DEFAULTS));
    }

    /** {@code testDomainGenerateIfnames}. */
    DomainDef withInterfaceNames(DomainDef def) {
        return def.withDevices(nameInterfaces(def.devices()));
    }

    /** Applies the test driver's defaults to a parsed definition. */
    DomainDef complete(DomainDef def) throws VirtException {
        return withInterfaceNames(withDefaults(def));
    }

    private static DomainDef withDefaults(DomainDef def) throws VirtException {
        if (def.name().indexOf('\n') >= 0) {
            throw new VirtException(ErrorCode.XML_DETAIL, ErrorDomain.XML, "invalid char in name: \n");
        }
        DomainDef out = def.withId(-1);
        if (out.uuid() == null) {
            out = out.withUuid(UUID.randomUUID());
        }
        return out;
    }

    /** Gives every {@code <interface>} without one a {@code testnetN} target device. */
    private static Devices nameInterfaces(Devices devices) {
        Set<String> used = new HashSet<>();
        for (NetInterface n : devices.ofType(NetInterface.class)) {
            String dev = targetDev(n);
            if (dev != null) {
                used.add(dev);
            }
        }
        List<Device> all = new ArrayList<>();
        boolean changed = false;
        for (Device d : devices.all()) {
            if (d instanceof NetInterface n && targetDev(n) == null) {
                int i = 0;
                while (used.contains("testnet" + i)) {
                    i++;
                }
                used.add("testnet" + i);
                all.add(withTarget(n, "testnet" + i));
                changed = true;
            } else {
                all.add(d);
            }
        }
        return changed ? devices.withAll(all) : devices;
    }

    private static String targetDev(NetInterface n) {
        return n.targetDev();
    }

    private static NetInterface withTarget(NetInterface n, String dev) {
        return n.withTargetDev(dev);
    }
}
