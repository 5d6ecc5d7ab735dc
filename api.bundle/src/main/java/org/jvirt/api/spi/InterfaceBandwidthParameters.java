package org.jvirt.api.spi;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jvirt.api.Domain;
import org.jvirt.api.ParameterType;
import org.jvirt.api.TypedParameter;
import org.jvirt.api.VirtException;
import org.jvirt.api.xml.NetBandwidth;

/**
 * An interface's {@code <bandwidth>} as the typed parameters of {@code virsh domiftune}
 * (virDomainGet/SetInterfaceParameters), the same in every driver that implements them: the seven
 * {@code Domain.BANDWIDTH_*} fields, all {@link ParameterType#UINT}, and libvirt's rule for how a set
 * changes the bandwidth. Stateless; safe from any thread.
 */
public final class InterfaceBandwidthParameters {
    /** The fields in libvirt's order (QEMU_NB_BANDWIDTH_PARAM of them: what a get with nparams 0 counts). */
    public static final List<String> FIELDS = List.of(Domain.BANDWIDTH_IN_AVERAGE, Domain.BANDWIDTH_IN_PEAK,
            Domain.BANDWIDTH_IN_BURST, Domain.BANDWIDTH_IN_FLOOR, Domain.BANDWIDTH_OUT_AVERAGE,
            Domain.BANDWIDTH_OUT_PEAK, Domain.BANDWIDTH_OUT_BURST);

    private InterfaceBandwidthParameters() {
    }

    /**
     * The seven parameters of a bandwidth, in {@link #FIELDS} order; a missing bandwidth or direction
     * reads as 0. As libvirt (it stores them in {@code value.ui}), rates beyond 32 bits are cut to their
     * low 32 bits.
     *
     * @param bandwidth the interface's bandwidth, or null
     */
    public static List<TypedParameter> of(NetBandwidth bandwidth) {
        NetBandwidth.Rate none = new NetBandwidth.Rate(0, 0, 0, 0);
        NetBandwidth.Rate in = bandwidth == null || bandwidth.inbound() == null ? none : bandwidth.inbound();
        NetBandwidth.Rate out = bandwidth == null || bandwidth.outbound() == null ? none : bandwidth.outbound();
        long[] v = {in.average(), in.peak(), in.burst(), in.floor(), out.average(), out.peak(), out.burst()};
        List<TypedParameter> result = new ArrayList<>(FIELDS.size());
        for (int i = 0; i < v.length; i++) {
            result.add(TypedParameter.ofUInt(FIELDS.get(i), (int) v[i]));
        }
        return result;
    }

    /**
     * The checks of a set (virTypedParamsValidate): only {@link #FIELDS}, each a UINT, each at most once.
     *
     * @throws VirtException ARGUMENT_UNSUPPORTED for another field, INVALID_ARG for another type or a repeat
     */
    public static void validate(List<TypedParameter> params) throws VirtException {
        Map<String, ParameterType> allowed = new LinkedHashMap<>();
        FIELDS.forEach(f -> allowed.put(f, ParameterType.UINT));
        TypedParameter.validate(params, allowed);
    }

    /**
     * The bandwidth after a set of {@link #validate validated} parameters. A direction given with an
     * average (inbound: or a floor) replaces that direction, its unnamed fields 0; a direction given with
     * average 0 (inbound: and no floor) is removed; a direction whose average (inbound: and floor) is not
     * named is kept as it was, even when its peak or burst is named.
     *
     * @param old the interface's bandwidth before, or null
     * @return the new bandwidth, or null when neither direction is left
     */
    public static NetBandwidth merge(NetBandwidth old, List<TypedParameter> params) {
        Map<String, Long> v = new LinkedHashMap<>();
        params.forEach(p -> v.put(p.field(), p.longValue()));
        NetBandwidth.Rate in = new NetBandwidth.Rate(value(v, Domain.BANDWIDTH_IN_AVERAGE),
                value(v, Domain.BANDWIDTH_IN_PEAK), value(v, Domain.BANDWIDTH_IN_BURST),
                value(v, Domain.BANDWIDTH_IN_FLOOR));
        NetBandwidth.Rate out = new NetBandwidth.Rate(value(v, Domain.BANDWIDTH_OUT_AVERAGE),
                value(v, Domain.BANDWIDTH_OUT_PEAK), value(v, Domain.BANDWIDTH_OUT_BURST), 0);
        boolean inGiven = v.containsKey(Domain.BANDWIDTH_IN_AVERAGE) || v.containsKey(Domain.BANDWIDTH_IN_FLOOR);
        boolean outGiven = v.containsKey(Domain.BANDWIDTH_OUT_AVERAGE);
        NetBandwidth.Rate newIn = in.average() != 0 || in.floor() != 0 ? in
                : inGiven || old == null ? null : old.inbound();
        NetBandwidth.Rate newOut = out.average() != 0 ? out : outGiven || old == null ? null : old.outbound();
        return newIn == null && newOut == null ? null : new NetBandwidth(newIn, newOut);
    }

    private static long value(Map<String, Long> v, String field) {
        return v.getOrDefault(field, 0L);
    }
}
