package org.jvirt.xml.internal;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

import org.jvirt.api.ErrorDomain;
import org.jvirt.api.VirtException;
import org.jvirt.api.xml.Device;
import org.jvirt.api.xml.DomainDef;
import org.jvirt.api.xml.DomainXmlCodec;
import org.jvirt.api.xml.GuestDefaults;
import org.jvirt.api.xml.XmlElement;
import org.osgi.service.component.annotations.Component;

/**
 * The domain XML codec service. Stateless and thread-safe; constructible with {@code new} for
 * plain unit tests. Its {@link #readXml} is the platform's one XML reader ({@link SafeXmlReader}):
 * drivers reach it through this service because the core exports no package of its own.
 */
@Component(service = DomainXmlCodec.class)
public final class DomainXmlCodecImpl implements DomainXmlCodec {
    /** How libvirt's messages name a definition given as text. */
    private static final String DOCUMENT = "(domain_definition)";
    private final RandomGenerator random;

    public DomainXmlCodecImpl() {
        this(new SecureRandom());
    }

    /** With the randomness used for generated values (MAC addresses); tests pass a fixed one. */
    DomainXmlCodecImpl(RandomGenerator random) {
        this.random = random;
    }

    @Override
    public DomainDef parse(String xml, int flags, GuestDefaults defaults) throws VirtException {
        return parseTree(new SafeXmlReader(DOCUMENT, ErrorDomain.DOMAIN).read(xml), flags, defaults);
    }

    @Override
    public DomainDef parse(XmlElement root, int flags, GuestDefaults defaults) throws VirtException {
        new SafeXmlReader(DOCUMENT, ErrorDomain.DOMAIN).checkBounds(root);
        return parseTree(root, flags, defaults);
    }

    private DomainDef parseTree(XmlElement root, int flags, GuestDefaults defaults) throws VirtException {
        DomainDef def = new DomainParser(flags, random, defaults == null ? GuestDefaults.NONE : defaults).parse(root);
        new DomainValidator(flags).validate(def);
        return def;
    }

    @Override
    public XmlElement readXml(String xml, String url, ErrorDomain domain) throws VirtException {
        return new SafeXmlReader(url, domain == null ? ErrorDomain.XML : domain).read(xml);
    }

    @Override
    public DomainDef postParse(DomainDef def) {
        List<Device> all = new ArrayList<>(def.devices().all());
        GenericDevicePostParse.apply(all);
        return all.equals(def.devices().all()) ? def : def.withDevices(def.devices().withAll(all));
    }

    @Override
    public String format(DomainDef def, int flags) {
        return new DomainFormatter(flags).format(def);
    }
}
