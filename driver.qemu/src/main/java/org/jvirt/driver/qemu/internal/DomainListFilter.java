package org.jvirt.driver.qemu.internal;

import org.jvirt.api.DomainState;
import org.jvirt.api.Flag;
import org.jvirt.api.ListFlag;
import org.jvirt.driver.qemu.internal.domain.QemuDomainObj;

/**
 * The {@code VIR_CONNECT_LIST_DOMAINS_*} filters, shared by {@code listAllDomains} and the domain
 * stats collector: each pair (active/inactive, persistent/transient, autostart/no-autostart,
 * managed save image or none) filters
 * only when one of its two bits is set, and the state bits select any of the states they name.
 */
final class DomainListFilter {
    private DomainListFilter() {
    }

    static boolean matches(QemuDomainObj d, int flags, HostContext ctx) {
        boolean active = d.isActive();
        DomainState s = d.state().state();
        return pair(flags, ListFlag.ACTIVE, ListFlag.INACTIVE, active)
                && pair(flags, ListFlag.PERSISTENT, ListFlag.TRANSIENT, d.isPersistent())
                && pair(flags, ListFlag.AUTOSTART, ListFlag.NO_AUTOSTART, d.autostart())
                && (!Flag.isSet(flags, ListFlag.MANAGEDSAVE) && !Flag.isSet(flags, ListFlag.NO_MANAGEDSAVE)
                        || pair(flags, ListFlag.MANAGEDSAVE, ListFlag.NO_MANAGEDSAVE, ManagedSave.hasImage(ctx, d)))
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
