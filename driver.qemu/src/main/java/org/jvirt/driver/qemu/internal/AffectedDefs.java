package org.jvirt.driver.qemu.internal;

import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.ModificationFlag;
import org.jvirt.api.VirtException;
import org.jvirt.api.spi.ModificationImpact;
import org.jvirt.api.xml.DomainDef;
import org.jvirt.driver.qemu.internal.domain.QemuDomainObj;

/**
 * The definitions a call changes or reads, chosen by {@code VIR_DOMAIN_AFFECT_LIVE/CONFIG} as
 * libvirt's {@code virDomainObjGetDefs} and {@code virDomainObjGetOneDef} choose them: no flag
 * means the live guest when it runs, else its definition. Caller holds the domain's lock.
 *
 * @param live       the running guest's definition, or null when the call does not affect it
 * @param persistent the persistent definition, or null when the call does not affect it
 */
record AffectedDefs(DomainDef live, DomainDef persistent) {
    static final int LIVE = ModificationFlag.LIVE.bit();
    static final int CONFIG = ModificationFlag.CONFIG.bit();

    /** {@code virDomainObjGetDefs}. */
    static AffectedDefs of(QemuDomainObj dom, int flags) throws VirtException {
        int f = impact(dom, flags);
        return new AffectedDefs((f & LIVE) != 0 ? dom.liveDef() : null,
                (f & CONFIG) != 0 ? dom.persistentDef() : null);
    }

    /** {@code virDomainObjGetOneDef}: LIVE and CONFIG together are refused. */
    static DomainDef one(QemuDomainObj dom, int flags) throws VirtException {
        if ((flags & LIVE) != 0 && (flags & CONFIG) != 0) {
            // virReportInvalidArg in domain_conf.c: the bare message
            throw new VirtException(ErrorCode.INVALID_ARG.number(), ErrorDomain.DOMAIN.number(),
                    "Flags 'VIR_DOMAIN_AFFECT_LIVE' and 'VIR_DOMAIN_AFFECT_CONFIG' are mutually exclusive");
        }
        AffectedDefs d = of(dom, flags);
        return d.live != null ? d.live : d.persistent;
    }

    /**
     * {@code virDomainObjUpdateModificationImpact}: the LIVE/CONFIG bits a call affects. No flag
     * means the live guest when it runs, else its definition; the live guest of an inactive domain
     * and the definition of a transient one are errors. Caller holds the domain's lock.
     */
    static int impact(QemuDomainObj dom, int flags) throws VirtException {
        return ModificationImpact.of(dom.isActive(), dom.isPersistent(), flags).bits();
    }
}
