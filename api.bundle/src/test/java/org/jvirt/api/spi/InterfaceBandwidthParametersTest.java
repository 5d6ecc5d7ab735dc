package org.jvirt.api.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.jvirt.api.Domain;
import org.jvirt.api.ErrorCode;
import org.jvirt.api.ParameterType;
import org.jvirt.api.TypedParameter;
import org.jvirt.api.VirtException;
import org.jvirt.api.xml.NetBandwidth;

class InterfaceBandwidthParametersTest {
    private static final NetBandwidth.Rate IN = new NetBandwidth.Rate(1000, 2000, 512, 100);
    private static final NetBandwidth.Rate OUT = new NetBandwidth.Rate(70, 80, 90, 0);

    @Test
    void aBandwidthReadsAsSevenUintsInLibvirtsOrder() {
        List<TypedParameter> got = InterfaceBandwidthParameters.of(new NetBandwidth(IN, OUT));
        assertEquals(List.of(uint(Domain.BANDWIDTH_IN_AVERAGE, 1000), uint(Domain.BANDWIDTH_IN_PEAK, 2000),
                uint(Domain.BANDWIDTH_IN_BURST, 512), uint(Domain.BANDWIDTH_IN_FLOOR, 100),
                uint(Domain.BANDWIDTH_OUT_AVERAGE, 70), uint(Domain.BANDWIDTH_OUT_PEAK, 80),
                uint(Domain.BANDWIDTH_OUT_BURST, 90)), got);
        assertEquals(InterfaceBandwidthParameters.FIELDS, got.stream().map(TypedParameter::field).toList());
    }

    @Test
    void noBandwidthOrNoDirectionReadsAsZeros() {
        List<Long> zeros = List.of(0L, 0L, 0L, 0L, 0L, 0L, 0L);
        assertEquals(zeros, values(InterfaceBandwidthParameters.of(null)));
        assertEquals(zeros, values(InterfaceBandwidthParameters.of(new NetBandwidth(null, null))));
        assertEquals(List.of(0L, 0L, 0L, 0L, 70L, 80L, 90L),
                values(InterfaceBandwidthParameters.of(new NetBandwidth(null, OUT))));
    }

    @Test
    void ratesBeyond32BitsAreCutToTheirLowBitsAsLibvirtsValueUi() {
        NetBandwidth huge = new NetBandwidth(new NetBandwidth.Rate((1L << 32) + 5, 0xFFFF_FFFFL, 1L << 40, 0), null);
        assertEquals(List.of(5L, 0xFFFF_FFFFL, 0L, 0L, 0L, 0L, 0L), values(InterfaceBandwidthParameters.of(huge)));
    }

    @Test
    void aSetNamesOnlyTheSevenFieldsAsUintsOnce() throws VirtException {
        InterfaceBandwidthParameters.validate(List.of(uint(Domain.BANDWIDTH_IN_AVERAGE, 1),
                uint(Domain.BANDWIDTH_OUT_BURST, 2)));
        InterfaceBandwidthParameters.validate(List.of());
        VirtException other = assertThrows(VirtException.class, () -> InterfaceBandwidthParameters.validate(
                List.of(uint("inbound.ceiling", 1))));
        assertEquals(ErrorCode.ARGUMENT_UNSUPPORTED, other.code());
        assertEquals("argument unsupported: parameter 'inbound.ceiling' not supported", other.getMessage());
        VirtException type = assertThrows(VirtException.class, () -> InterfaceBandwidthParameters.validate(
                List.of(TypedParameter.ofULong(Domain.BANDWIDTH_IN_PEAK, 1))));
        assertEquals(ErrorCode.INVALID_ARG, type.code());
        assertEquals("invalid argument: invalid type 'ullong' for parameter 'inbound.peak', expected 'uint'",
                type.getMessage());
        VirtException twice = assertThrows(VirtException.class, () -> InterfaceBandwidthParameters.validate(
                List.of(uint(Domain.BANDWIDTH_OUT_PEAK, 1), uint(Domain.BANDWIDTH_OUT_PEAK, 2))));
        assertEquals(ErrorCode.INVALID_ARG, twice.code());
        assertEquals("invalid argument: parameter 'outbound.peak' occurs multiple times", twice.getMessage());
    }

    @Test
    void aDirectionGivenWithAnAverageReplacesItAndLeavesTheOtherAlone() {
        NetBandwidth old = new NetBandwidth(IN, OUT);
        assertEquals(new NetBandwidth(new NetBandwidth.Rate(3000, 0, 100, 0), OUT),
                merge(old, uint(Domain.BANDWIDTH_IN_AVERAGE, 3000), uint(Domain.BANDWIDTH_IN_BURST, 100)));
        assertEquals(new NetBandwidth(IN, new NetBandwidth.Rate(50, 0, 0, 0)),
                merge(old, uint(Domain.BANDWIDTH_OUT_AVERAGE, 50)));
        assertEquals(new NetBandwidth(new NetBandwidth.Rate(1, 2, 3, 4), new NetBandwidth.Rate(5, 6, 7, 0)),
                merge(null, uint(Domain.BANDWIDTH_IN_AVERAGE, 1), uint(Domain.BANDWIDTH_IN_PEAK, 2),
                        uint(Domain.BANDWIDTH_IN_BURST, 3), uint(Domain.BANDWIDTH_IN_FLOOR, 4),
                        uint(Domain.BANDWIDTH_OUT_AVERAGE, 5), uint(Domain.BANDWIDTH_OUT_PEAK, 6),
                        uint(Domain.BANDWIDTH_OUT_BURST, 7)));
    }

    @Test
    void anInboundFloorAloneIsADirection() {
        assertEquals(new NetBandwidth(new NetBandwidth.Rate(0, 0, 0, 300), OUT),
                merge(new NetBandwidth(IN, OUT), uint(Domain.BANDWIDTH_IN_FLOOR, 300)));
    }

    @Test
    void averageZeroRemovesADirectionAndNothingLeftIsNoBandwidth() {
        NetBandwidth old = new NetBandwidth(IN, OUT);
        assertEquals(new NetBandwidth(null, OUT), merge(old, uint(Domain.BANDWIDTH_IN_AVERAGE, 0)));
        assertEquals(new NetBandwidth(null, OUT), merge(old, uint(Domain.BANDWIDTH_IN_FLOOR, 0),
                uint(Domain.BANDWIDTH_IN_PEAK, 9)));
        assertEquals(new NetBandwidth(IN, null), merge(old, uint(Domain.BANDWIDTH_OUT_AVERAGE, 0)));
        assertNull(merge(old, uint(Domain.BANDWIDTH_IN_AVERAGE, 0), uint(Domain.BANDWIDTH_OUT_AVERAGE, 0)));
        assertNull(merge(null, uint(Domain.BANDWIDTH_OUT_AVERAGE, 0)));
    }

    @Test
    void aPeakOrBurstWithoutItsAverageKeepsTheDirectionAsItWas() {
        NetBandwidth old = new NetBandwidth(IN, OUT);
        assertEquals(old, merge(old, uint(Domain.BANDWIDTH_IN_PEAK, 9), uint(Domain.BANDWIDTH_OUT_BURST, 9)));
        assertEquals(old, merge(old));
        assertNull(merge(null, uint(Domain.BANDWIDTH_OUT_PEAK, 9)));
    }

    private static NetBandwidth merge(NetBandwidth old, TypedParameter... params) {
        return InterfaceBandwidthParameters.merge(old, List.of(params));
    }

    private static List<Long> values(List<TypedParameter> params) {
        return params.stream().map(TypedParameter::longValue).toList();
    }

    private static TypedParameter uint(String field, long value) {
        return new TypedParameter(field, ParameterType.UINT, value);
    }
}
