package org.jvirt.driver.esx.internal;

import static org.jvirt.api.ListFlag.ACTIVE;
import static org.jvirt.api.ListFlag.AUTOSTART;
import static org.jvirt.api.ListFlag.HAS_SNAPSHOT;
import static org.jvirt.api.ListFlag.INACTIVE;
import static org.jvirt.api.ListFlag.MANAGEDSAVE;
import static org.jvirt.api.ListFlag.NO_AUTOSTART;
import static org.jvirt.api.ListFlag.NO_MANAGEDSAVE;
import static org.jvirt.api.ListFlag.NO_SNAPSHOT;
import static org.jvirt.api.ListFlag.OTHER;
import static org.jvirt.api.ListFlag.PAUSED;
import static org.jvirt.api.ListFlag.PERSISTENT;
import static org.jvirt.api.ListFlag.RUNNING;
import static org.jvirt.api.ListFlag.SHUTOFF;
import static org.jvirt.api.ListFlag.TRANSIENT;

import org.jvirt.api.Flag;
import org.jvirt.api.ListFlag;
import org.jvirt.api.VirtException;

/**
 * {@code esxConnectListAllDomains}'s filters: every VM is persistent and has no managed save;
 * snapshots come with the VM's properties; the autostart setting is read only when a filter asks.
 */
final class DomainListFilter {
    /** The filters libvirt's ESX driver takes ({@code VIR_CONNECT_LIST_DOMAINS_FILTERS_ALL} but checkpoints). */
    static final int SUPPORTED = Flag.mask(ACTIVE, INACTIVE, PERSISTENT, TRANSIENT, RUNNING, PAUSED, SHUTOFF, OTHER,
            MANAGEDSAVE, NO_MANAGEDSAVE, AUTOSTART, NO_AUTOSTART, HAS_SNAPSHOT, NO_SNAPSHOT);

    /** Reads the autostart setting of one VM. */
    interface Autostart {
        boolean get() throws VirtException;
    }

    boolean matches(int flags, Vm vm, Autostart autostart) throws VirtException {
        if (!group(flags, vm.active(), ACTIVE, INACTIVE) || !group(flags, true, PERSISTENT, TRANSIENT)
                || !group(flags, false, MANAGEDSAVE, NO_MANAGEDSAVE)
                || !group(flags, vm.snapshots(), HAS_SNAPSHOT, NO_SNAPSHOT)) {
            return false;
        }
        int states = Flag.mask(RUNNING, PAUSED, SHUTOFF, OTHER);
        if ((flags & states) != 0) {
            ListFlag wanted = switch (vm.state()) {
                case RUNNING -> RUNNING;
                case PAUSED -> PAUSED;
                case SHUTOFF -> SHUTOFF;
                default -> OTHER;
            };
            if (!Flag.isSet(flags, wanted)) {
                return false;
            }
        }
        if ((flags & Flag.mask(AUTOSTART, NO_AUTOSTART)) != 0) {
            return group(flags, autostart.get(), AUTOSTART, NO_AUTOSTART);
        }
        return true;
    }

    private static boolean group(int flags, boolean value, ListFlag yes, ListFlag no) {
        boolean wantYes = Flag.isSet(flags, yes);
        boolean wantNo = Flag.isSet(flags, no);
        if (!wantYes && !wantNo) {
            return true;
        }
        return value ? wantYes : wantNo;
    }
}
