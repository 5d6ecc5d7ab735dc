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

    /**
     * Reads a {@code remote_nonnull_domain} and makes a handle on the domain it names, without a
     * lookup: libvirtd's {@code get_nonnull_domain} ({@code virGetDomain}). The call made on it finds
     * the domain by UUID and fails with NO_DOMAIN when there is none, as libvirt's drivers do.
     */
    static Domain domain(ClientContext c, XdrReader a) throws XdrException, VirtException {
        return handle(c, WireDomain.read(a));
    }

    /** The handle of a {@code remote_nonnull_domain} already read ({@link #domain}). */
    static Domain handle(ClientContext c, WireDomain wd) throws VirtException {
        return c.connection().domainHandle(wd.name(), wd.uuid(), wd.id());
    }

    /**
     * A domain as libvirtd's {@code make_nonnull_domain} writes it: with the ID its lookup or listing
     * found ({@link Domain#foundId()}: no second round trip to the driver for it).
     */
    static WireDomain wire(Domain d) throws VirtException {
        return new WireDomain(d.name(), d.uuid(), d.foundId());
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
