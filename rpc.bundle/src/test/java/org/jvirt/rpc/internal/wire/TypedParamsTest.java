package org.jvirt.rpc.internal.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.jvirt.api.ErrorCode;
import org.jvirt.api.TypedParameter;
import org.jvirt.api.VirtException;
import org.jvirt.rpc.internal.xdr.XdrException;
import org.jvirt.rpc.internal.xdr.XdrReader;
import org.jvirt.rpc.internal.xdr.XdrWriter;

class TypedParamsTest {

    @Test
    void everyTypeSurvivesTheWire() throws Exception {
        List<TypedParameter> params = List.of(TypedParameter.ofInt("i", -5),
                TypedParameter.ofUInt("ui", 0xFFFF_FFF0), TypedParameter.ofLong("l", Long.MIN_VALUE),
                TypedParameter.ofULong("ul", -1L), TypedParameter.ofDouble("d", 2.5),
                TypedParameter.ofBoolean("b", true), TypedParameter.ofString("s", "weight"));
        XdrWriter w = new XdrWriter();
        TypedParams.write(w, params);
        XdrReader r = new XdrReader(w.toByteArray());
        assertEquals(params, TypedParams.read(r, 16));
        assertEquals(0, r.remaining());
    }

    @Test
    void unknownTypeIsLibvirtsError() {
        XdrWriter w = new XdrWriter().writeInt(1).writeString("x").writeInt(9).writeInt(0);
        VirtException e = assertThrows(VirtException.class,
                () -> TypedParams.read(new XdrReader(w.toByteArray()), 16));
        assertEquals(ErrorCode.INTERNAL_ERROR, e.code());
        assertEquals("internal error: unknown parameter type: 9", e.getMessage());
    }

    @Test
    void moreThanTheArrayBoundDoesNotDecode() {
        XdrWriter w = new XdrWriter().writeInt(17);
        assertThrows(XdrException.class, () -> TypedParams.read(new XdrReader(w.toByteArray()), 16));
    }
}
