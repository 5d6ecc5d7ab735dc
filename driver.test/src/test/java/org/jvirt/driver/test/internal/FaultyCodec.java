package org.jvirt.driver.test.internal;

import org.jvirt.api.VirtException;
import org.jvirt.api.xml.DomainDef;
import org.jvirt.api.xml.DomainXmlCodec;
import org.jvirt.api.xml.GuestDefaults;

/**
 * The real codec, except that formatting a domain named {@value #BOOM} fails as the deep-nesting
 * bug of issue 8 did (a {@link StackOverflowError} in the writer), after parsing accepted it.
 */
final class FaultyCodec implements DomainXmlCodec {
    static final String BOOM = "boom";
    private final DomainXmlCodec delegate;
    volatile boolean armed = true;

    FaultyCodec(DomainXmlCodec delegate) {
        this.delegate = delegate;
    }

    @Override
    public DomainDef parse(String xml, int flags, GuestDefaults defaults) throws VirtException {
        return delegate.parse(xml, flags, defaults);
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
