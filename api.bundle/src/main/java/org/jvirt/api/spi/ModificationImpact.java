package org.jvirt.api.spi;

import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.Flag;
import org.jvirt.api.ModificationFlag;
import org.jvirt.api.VirtException;

/**
 * The definitions a call changes or reads, chosen by {@code VIR_DOMAIN_AFFECT_LIVE/CONFIG} as
 * libvirt's {@code virDomainObjUpdateModificationImpact} chooses them for every stateful driver.
 *
 * @param live   the running domain is affected
 * @param config the persistent definition is affected
 */
public record ModificationImpact(boolean live, boolean config) {
    /**
     * No flag means the running domain when it runs, else its definition; the running domain of an
     * inactive one ("domain is not running") and the definition of a transient one are errors.
     */
    public static ModificationImpact of(boolean active, boolean persistent, int flags) throws VirtException {
        boolean live = Flag.isSet(flags, ModificationFlag.LIVE);
        boolean config = Flag.isSet(flags, ModificationFlag.CONFIG);
        if (!live && !config) {
            live = active;
            config = !active;
        }
        if (!active && live) {
            throw new VirtException(ErrorCode.OPERATION_INVALID, ErrorDomain.DOMAIN, "domain is not running");
        }
        if (!persistent && config) {
            throw new VirtException(ErrorCode.OPERATION_INVALID, ErrorDomain.DOMAIN,
                    "transient domains do not have any persistent config");
        }
        return new ModificationImpact(live, config);
    }

    /** The impact as {@link ModificationFlag} bits. */
    public int bits() {
        return (live ? ModificationFlag.LIVE.bit() : 0) | (config ? ModificationFlag.CONFIG.bit() : 0);
    }
}
