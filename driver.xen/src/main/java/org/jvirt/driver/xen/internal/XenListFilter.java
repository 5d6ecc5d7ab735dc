package org.jvirt.driver.xen.internal;

import org.jvirt.api.DomainState;
import org.jvirt.api.Flag;
import org.jvirt.api.ListFlag;

/** The filter flags of {@code virConnectListAllDomains} (libvirt's {@code virDomainObjListFilter}). */
final class XenListFilter {
    private XenListFilter() {
    }

    static boolean matches(XenDomain d, int flags) {
        return pair(flags, ListFlag.ACTIVE, ListFlag.INACTIVE, d.isActive())
                && pair(flags, ListFlag.PERSISTENT, ListFlag.TRANSIENT, d.isPersistent())
                && pair(flags, ListFlag.AUTOSTART, ListFlag.NO_AUTOSTART, d.autostart())
                && state(flags, d.state().state());
    }

    private static boolean pair(int flags, ListFlag yes, ListFlag no, boolean value) {
        boolean y = Flag.isSet(flags, yes);
        boolean n = Flag.isSet(flags, no);
        return y == n || (y ? value : !value);
    }

    private static boolean state(int flags, DomainState s) {
        if ((flags & Flag.mask(ListFlag.RUNNING, ListFlag.PAUSED, ListFlag.SHUTOFF, ListFlag.OTHER)) == 0) {
            return true;
        }
        return switch (s) {
            case RUNNING -> Flag.isSet(flags, ListFlag.RUNNING);
            case PAUSED -> Flag.isSet(flags, ListFlag.PAUSED);
            case SHUTOFF -> Flag.isSet(flags, ListFlag.SHUTOFF);
            default -> Flag.isSet(flags, ListFlag.OTHER);
        };
    }
}
