package org.jvirt.driver.test.internal;

import static org.jvirt.api.ListFlag.ACTIVE;
import static org.jvirt.api.ListFlag.AUTOSTART;
import static org.jvirt.api.ListFlag.HAS_CHECKPOINT;
import static org.jvirt.api.ListFlag.HAS_SNAPSHOT;
import static org.jvirt.api.ListFlag.INACTIVE;
import static org.jvirt.api.ListFlag.MANAGEDSAVE;
import static org.jvirt.api.ListFlag.NO_AUTOSTART;
import static org.jvirt.api.ListFlag.NO_CHECKPOINT;
import static org.jvirt.api.ListFlag.NO_MANAGEDSAVE;
import static org.jvirt.api.ListFlag.NO_SNAPSHOT;
import static org.jvirt.api.ListFlag.OTHER;
import static org.jvirt.api.ListFlag.PAUSED;
import static org.jvirt.api.ListFlag.PERSISTENT;
import static org.jvirt.api.ListFlag.RUNNING;
import static org.jvirt.api.ListFlag.SHUTOFF;
import static org.jvirt.api.ListFlag.TRANSIENT;

import org.jvirt.api.DomainState;
import org.jvirt.api.Flag;
import org.jvirt.api.ListFlag;

/**
 * libvirt's {@code virDomainObjListFilter}: the flags of one group are alternatives, the groups
 * must all match. The test driver keeps no snapshot or checkpoint here, so those "has" flags match
 * nothing and their "no" flags match everything; managed save images are the domains' own.
 */
final class DomainFilter {
    /** {@code VIR_CONNECT_LIST_DOMAINS_FILTERS_ALL}. */
    static final int ALL = 0xFFFF;

    private final int flags;

    DomainFilter(int flags) {
        this.flags = flags;
    }

    boolean matches(DomainObj dom) {
        return group(dom.isActive(), ACTIVE, INACTIVE)
                && group(dom.isPersistent(), PERSISTENT, TRANSIENT)
                && stateGroup(dom.state())
                && group(dom.hasManagedSave(), MANAGEDSAVE, NO_MANAGEDSAVE)
                && group(dom.autostart(), AUTOSTART, NO_AUTOSTART)
                && group(false, HAS_SNAPSHOT, NO_SNAPSHOT)
                && group(false, HAS_CHECKPOINT, NO_CHECKPOINT);
    }

    /** A yes/no group: passes when neither flag is set, or the set one matches. */
    private boolean group(boolean value, ListFlag yes, ListFlag no) {
        boolean wantYes = Flag.isSet(flags, yes);
        boolean wantNo = Flag.isSet(flags, no);
        if (!wantYes && !wantNo) {
            return true;
        }
        return value ? wantYes : wantNo;
    }

    private boolean stateGroup(DomainState state) {
        int mask = Flag.mask(RUNNING, PAUSED, SHUTOFF, OTHER);
        if ((flags & mask) == 0) {
            return true;
        }
        return switch (state) {
            case RUNNING -> Flag.isSet(flags, RUNNING);
            case PAUSED -> Flag.isSet(flags, PAUSED);
            case SHUTOFF -> Flag.isSet(flags, SHUTOFF);
            default -> Flag.isSet(flags, OTHER);
        };
    }
}
