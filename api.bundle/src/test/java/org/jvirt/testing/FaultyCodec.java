package org.jvirt.testing;

import org.jvirt.api.ErrorDomain;
import org.jvirt.api.VirtException;
import org.jvirt.api.xml.DomainDef;
import org.jvirt.api.xml.DomainXmlCodec;
import org.jvirt.api.xml.GuestDefaults;
import org.jvirt.api.xml.XmlElement;

/**
 * The real codec, except that formatting a domain named {@value #BOOM} fails as the deep-nesting
 * bug of issue 8 did (a {@link StackOverflowError} in the writer), after parsing accepted it: the
 * drivers' tests use it to show that a failed state change changes nothing.
 */
public final class FaultyCodec implements DomainXmlCodec {
    public static final String BOOM = "boom";
    private final DomainXmlCodec delegate;
    public volatile boolean armed = true;

    public FaultyCodec(DomainXmlCodec delegate) {
        this.delegate = delegate;
    }

    @Override
    public DomainDef parse(String xml, int flags, GuestDefaults defaults) throws VirtException {
        return delegate.parse(xml, flags, defaults);
    }

    @Override
    public DomainDef parse(XmlElement root, int flags, GuestDefaults defaults) throws VirtException {
        return delegate.parse(root, flags, defaults);
    }

    @Override
    public XmlElement readXml(String xml, String url, ErrorDomain domain) throws VirtException {
        return delegate.readXml(xml, url, domain);
    }

    @Override
    public DomainDef postParse(DomainDef def) {
        return delegate.postParse(def);
    }

    @Override
    public String format(DomainDef def, int flags) {
        if (armed && BOOM.equals(def.name())) {
            throw new StackOverflowError("formatting domain '" + BOOM + "' (injected)");
        }
        return delegate.format(def, flags);
    }
}
