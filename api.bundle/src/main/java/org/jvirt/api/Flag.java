package org.jvirt.api;

import org.osgi.annotation.versioning.ProviderType;

/**
 * A bit of a libvirt flags word. API methods take {@code int flags} as libvirt and its wire
 * protocol do, so flags jvirt does not know yet still pass through; the enums that implement this
 * give the known bits names.
 * <p>
 * Implemented by the API's flag enums only (hence a provider type: a method added here is a minor
 * change of this package).
 */
@ProviderType
public interface Flag {
    /** This flag's bit, as libvirt defines it. */
    int bit();

    /** The flags word with all the given flags set. */
    static int mask(Flag... flags) {
        int m = 0;
        for (Flag f : flags) {
            m |= f.bit();
        }
        return m;
    }

    /** True when {@code flags} has {@code flag} set. */
    static boolean isSet(int flags, Flag flag) {
        return (flags & flag.bit()) != 0;
    }
}
