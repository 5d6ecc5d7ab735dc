package org.jvirt.rpc.internal.dispatch;

import java.util.BitSet;

import org.jvirt.api.Domain;
import org.jvirt.api.VirtException;
import org.jvirt.rpc.internal.wire.WireDomain;
import org.jvirt.rpc.internal.xdr.XdrException;
import org.jvirt.rpc.internal.xdr.XdrReader;
import org.jvirt.rpc.internal.xdr.XdrWriter;

/** Conversions between API objects and their wire forms, shared by the procedure classes. */
final class Wire {
    private Wire() {
    }

    /** Reads a {@code remote_nonnull_domain} and finds the domain it names (by UUID, as libvirtd). */
    static Domain domain(ClientContext c, XdrReader a) throws XdrException, VirtException {
        WireDomain wd = WireDomain.read(a);
        return c.connection().lookupByUuid(wd.uuid());
    }

    static WireDomain wire(Domain d) throws VirtException {
        return new WireDomain(d.name(), d.uuid(), d.id());
    }

    static void writeDomain(XdrWriter r, Domain d) throws VirtException {
        wire(d).write(r);
    }

    /** libvirt's cpumap bytes: bit i of the map is bit (i % 8) of byte i / 8. */
    static BitSet bits(byte[] map) {
        return BitSet.valueOf(map);
    }

    /** {@code bits} as exactly {@code maplen} bytes (truncated or zero-padded). */
    static byte[] map(BitSet bits, int maplen) {
        byte[] out = new byte[maplen];
        byte[] b = bits.toByteArray();
        System.arraycopy(b, 0, out, 0, Math.min(b.length, maplen));
        return out;
    }
}
