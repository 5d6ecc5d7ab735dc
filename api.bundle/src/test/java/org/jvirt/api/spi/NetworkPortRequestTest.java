package org.jvirt.api.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.jvirt.api.NetworkPort;
import org.jvirt.api.ParameterType;
import org.jvirt.api.TypedParameter;
import org.jvirt.api.xml.NetBandwidth;

class NetworkPortRequestTest {
    private static final UUID OWNER = UUID.fromString("c7a5fdbd-edaf-9455-926a-d65c16db1809");
    private static final UUID PORT = UUID.fromString("5b2a1e5c-1111-4c4c-9b9b-0123456789ab");

    @Test
    void thePortXmlNamesOwnerGroupMacAndBandwidthEscaped() {
        NetBandwidth bw = new NetBandwidth(new NetBandwidth.Rate(1000, 0, 256, 0), new NetBandwidth.Rate(0, 0, 0, 0));
        String xml = new NetworkPortRequest("a<b'&", OWNER, "52:54:00:00:00:01", "slow", bw).xml(PORT);
        assertEquals("<networkport><uuid>" + PORT + "</uuid><owner><name>a&lt;b&apos;&amp;</name><uuid>" + OWNER
                + "</uuid></owner><group>slow</group><mac address='52:54:00:00:00:01'/><bandwidth>"
                + "<inbound average='1000' burst='256'/></bandwidth></networkport>", xml);
        assertEquals("<networkport><uuid>" + PORT + "</uuid><owner><name>c</name><uuid>" + OWNER
                + "</uuid></owner><mac address='52:54:00:00:00:01'/></networkport>",
                new NetworkPortRequest("c", OWNER, "52:54:00:00:00:01", null, null).xml(PORT));
    }

    @Test
    void theGrantedBandwidthHasADirectionOnlyWithAnAverageOrAFloor() {
        List<TypedParameter> params = List.of(uint(NetworkPort.BANDWIDTH_IN_AVERAGE, 0),
                uint(NetworkPort.BANDWIDTH_IN_PEAK, 0), uint(NetworkPort.BANDWIDTH_IN_FLOOR, 300),
                uint(NetworkPort.BANDWIDTH_IN_BURST, 0), uint(NetworkPort.BANDWIDTH_OUT_AVERAGE, 500),
                uint(NetworkPort.BANDWIDTH_OUT_PEAK, 600), uint(NetworkPort.BANDWIDTH_OUT_BURST, 32));
        assertEquals(new NetBandwidth(new NetBandwidth.Rate(0, 0, 0, 300), new NetBandwidth.Rate(500, 600, 32, 0)),
                NetworkPortRequest.grantedBandwidth(params));
        assertNull(NetworkPortRequest.grantedBandwidth(List.of()));
        assertNull(NetworkPortRequest.grantedBandwidth(List.of(uint(NetworkPort.BANDWIDTH_OUT_PEAK, 10))));
    }

    private static TypedParameter uint(String field, long value) {
        return new TypedParameter(field, ParameterType.UINT, value);
    }
}
