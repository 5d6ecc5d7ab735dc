package org.jvirt.api.xml;

/**
 * An interface's {@code <bandwidth>} (libvirt's virNetDevBandwidth): the rates the host gives the
 * guest. {@code inbound} is what the guest receives, {@code outbound} what it sends; either may be
 * null. Complete by definition (libvirt's schema has had these four attributes since 1.0), so a record.
 *
 * @param inbound  {@code <inbound>}, or null
 * @param outbound {@code <outbound>}, or null
 */
public record NetBandwidth(Rate inbound, Rate outbound) {

    /**
     * {@code <inbound>} or {@code <outbound>}. As in libvirt, 0 stands for "not given" and is not
     * written back.
     *
     * @param average the average rate in kilobytes per second (0: none, only a floor)
     * @param peak    the highest rate in kilobytes per second, or 0
     * @param burst   kilobytes that may be sent at peak rate in one burst, or 0
     * @param floor   the guaranteed rate in kilobytes per second (inbound of {@code type='network'} only), or 0
     */
    public record Rate(long average, long peak, long burst, long floor) {
    }
}
