package org.jvirt.xml.internal;

import org.jvirt.api.VirtException;
import org.jvirt.api.xml.DomainDef;

/** The generic checks of libvirt's virDomainDefValidate that need no driver. */
final class DomainValidator {
    private final int flags;

    DomainValidator(int flags) {
        this.flags = flags;
    }

    void validate(DomainDef def) throws VirtException {
        if (def.name().contains("/")) {
            throw Errors.xml("name " + def.name() + " cannot contain '/'");
        }
    }
}
