package org.jvirt.rpc.internal.dispatch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.jvirt.rpc.internal.differential.ProtocolArgs;
import org.jvirt.rpc.internal.wire.RemoteProc;
import org.jvirt.rpc.internal.xdr.XdrException;
import org.jvirt.rpc.internal.xdr.XdrReader;
import org.jvirt.rpc.internal.xdr.XdrWriter;
import org.jvirt.testing.LibvirtTestData;

/** The dispatcher's argument types against libvirt's remote_protocol.x, procedure by procedure. */
class ArgShapesTest {
    private final ArgShapes shapes = new ArgShapes();

    @Test
    void everyServedProcedureDecodesItsArgsStructOfRemoteProtocolX() throws Exception {
        Path protocol = LibvirtTestData.require("protocol").resolve("protocol");
        ProtocolArgs spec = ProtocolArgs.read(protocol);
        ProcedureTable table = ProcedureTable.standard();
        int checked = 0;
        for (Map.Entry<String, Long> e : spec.procedures().entrySet()) {
            int number = e.getValue().intValue();
            if (table.find(number).isEmpty()) {
                continue;
            }
            String name = e.getKey().substring("REMOTE_PROC_".length()).toLowerCase(Locale.ROOT);
            List<XdrArg> shape = shapes.of(number);
            assertNotNull(shape, e.getKey() + " is served but ArgShapes does not know its arguments");
            List<String> ours = new ArrayList<>();
            shape.forEach(a -> ours.add(a.xdrType));
            assertEquals(spec.argTypes("remote_" + name + "_args"), ours, e.getKey());
            checked++;
        }
        assertEquals(table.size(), checked, "every served procedure checked");
    }

    @Test
    void decodingFailsAsGlibcWouldAndIgnoresTrailingBytes() throws Exception {
        byte[] dom = new XdrWriter().writeString("test").writeFixedOpaque(new byte[16]).writeInt(1).toByteArray();
        shapes.decode(RemoteProc.DOMAIN_GET_STATE, new XdrReader(new XdrWriter().writeRaw(dom).writeInt(0)
                .writeInt(99).toByteArray()));
        assertThrows(XdrException.class, () -> shapes.decode(RemoteProc.DOMAIN_GET_STATE, new XdrReader(dom)),
                "the flags are missing");
        byte[] markerOnly = new XdrWriter().writeInt(0).writeInt(0x01000000).toByteArray();
        assertThrows(XdrException.class, () -> shapes.decode(
                RemoteProc.CONNECT_DOMAIN_EVENT_CALLBACK_REGISTER_ANY, new XdrReader(markerOnly)),
                "a non-zero marker announces a domain, which is missing");
    }

    @Test
    void typedParamsDecodeEveryArmAndFailOnATypeWithoutOne() throws Exception {
        byte[] dom = new XdrWriter().writeString("test").writeFixedOpaque(new byte[16]).writeInt(1).toByteArray();
        byte[] good = new XdrWriter().writeRaw(dom).writeInt(3)
                .writeString("cpu_shares").writeInt(4).writeHyper(1024)
                .writeString("weight").writeInt(2).writeInt(500)
                .writeString("name").writeInt(7).writeString("x")
                .writeInt(0).toByteArray();
        XdrReader r = new XdrReader(good);
        shapes.decode(RemoteProc.DOMAIN_SET_SCHEDULER_PARAMETERS_FLAGS, r);
        assertEquals(0, r.remaining(), "three parameters of three arms and the flags decoded");
        byte[] unknownType = new XdrWriter().writeRaw(dom).writeInt(1).writeString("weight").writeInt(8)
                .writeInt(500).writeInt(0).toByteArray();
        assertThrows(XdrException.class, () -> shapes.decode(RemoteProc.DOMAIN_SET_BLKIO_PARAMETERS,
                new XdrReader(unknownType)), "type 8 is no arm of remote_typed_param_value");
        byte[] tooMany = new XdrWriter().writeRaw(dom).writeInt(17).toByteArray();
        assertThrows(XdrException.class, () -> shapes.decode(RemoteProc.DOMAIN_SET_MEMORY_PARAMETERS,
                new XdrReader(tooMany)), "more than REMOTE_DOMAIN_MEMORY_PARAMETERS_MAX");
    }
}
