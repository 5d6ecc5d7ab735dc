package org.jvirt.storage.internal;

import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.Flag;
import org.jvirt.api.VirtException;

/** Flag checks with libvirt's messages. */
final class Checks {

    private Checks() {
    }

    /** libvirt's {@code VIR_EXCLUSIVE_FLAGS_RET}. */
    static void exclusive(int flags, Flag a, Flag b) throws VirtException {
        if (Flag.isSet(flags, a) && Flag.isSet(flags, b)) {
            throw new VirtException(ErrorCode.INVALID_ARG, ErrorDomain.STORAGE,
                    "Flags 'VIR_STORAGE_POOL_" + name(a) + "' and 'VIR_STORAGE_POOL_" + name(b) + "' are mutually exclusive");
        }
    }

    private static String name(Flag f) {
        return f instanceof Enum<?> e ? e.name() : String.valueOf(f.bit());
    }
}
