package org.jvirt.driver.lxc.internal;

import org.jvirt.api.DomainState;
import org.jvirt.api.Flag;
import org.jvirt.api.ListFlag;

/** The filter flags of {@code virConnectListAllDomains} (libvirt's virDomainObjListFilter). */
final class ListFilter {
    private ListFilter() {
    }

    static boolean matches(LxcDomain d, int flags) {
        DomainState s = d.state().state();
        return pair(flags, ListFlag.ACTIVE, ListFlag.INACTIVE, d.isActive())
                && pair(flags, ListFlag.PERSISTENT, ListFlag.TRANSIENT, d.isPersistent())
                && pair(flags, ListFlag.AUTOSTART, ListFlag.NO_AUTOSTART, d.autostart())
                && states(flags, s);
    }

    private static boolean pair(int flags, ListFlag yes, ListFlag no, boolean value) {
        boolean y = Flag.isSet(flags, yes);
        boolean n = Flag.isSet(flags, no);
        return y == n || (y ? value : !value);
    }

    private static boolean states(int flags, DomainState s) {
        int mask = Flag.mask(ListFlag.RUNNING, ListFlag.PAUSED, ListFlag.SHUTOFF, ListFlag.OTHER);
        if ((flags & mask) == 0) {
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
