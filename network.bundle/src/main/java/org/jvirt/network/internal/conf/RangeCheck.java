package org.jvirt.network.internal.conf;

import org.jvirt.api.VirtException;

/** libvirt's virSocketAddrGetRange for the other packages of the driver. */
public final class RangeCheck {
    private RangeCheck() {
    }

    /** The number of addresses from {@code start} to {@code end} inside {@code network/prefix}, or libvirt's error. */
    public static int size(Ip start, Ip end, Ip network, int prefix) throws VirtException {
        return IpXmlParser.rangeSize(start, end, network, prefix);
    }
}
