package org.jvirt.rpc.internal.client;

import java.util.ArrayList;
import java.util.List;

import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.Stream;
import org.jvirt.api.VirtException;
import org.jvirt.api.spi.DomainRef;
import org.jvirt.rpc.internal.wire.RemoteProc;
import org.jvirt.rpc.internal.wire.WireDomain;
import org.jvirt.rpc.internal.xdr.XdrException;
import org.jvirt.rpc.internal.xdr.XdrReader;
import org.jvirt.rpc.internal.xdr.XdrWriter;

/** Typed helpers over {@link RpcClient}: call, then decode the usual reply shapes. */
final class RemoteCalls {
    private final RpcClient client;

    RemoteCalls(RpcClient client) {
        this.client = client;
    }

    /** Decoding step that may hit malformed data. */
    @FunctionalInterface
    interface Decode<T> {
        T get() throws XdrException;
    }

    XdrReader call(int proc, XdrWriter args) throws VirtException {
        return client.call(proc, args.toByteArray());
    }

    /** Calls a procedure that opens a stream of the call (the console); its reply is empty. */
    Stream stream(int proc, XdrWriter args) throws VirtException {
        return client.callOpeningStream(proc, args.toByteArray());
    }

    /** Calls a procedure of the LXC program whose reply passes file descriptors; the caller owns them. */
    int[] lxcDescriptors(int proc, XdrWriter args) throws VirtException {
        return client.callLxcForDescriptors(proc, args.toByteArray());
    }

    <T> T decode(Decode<T> d) throws VirtException {
        try {
            return d.get();
        } catch (XdrException e) {
            throw new VirtException(ErrorCode.RPC, ErrorDomain.RPC, "malformed reply: " + e.getMessage());
        }
    }

    String string(int proc, XdrWriter args) throws VirtException {
        XdrReader r = call(proc, args);
        return decode(r::readString);
    }

    int integer(int proc, XdrWriter args) throws VirtException {
        XdrReader r = call(proc, args);
        return decode(r::readInt);
    }

    DomainRef domain(int proc, XdrWriter args) throws VirtException {
        XdrReader r = call(proc, args);
        return ref(decode(() -> WireDomain.read(r)));
    }

    /** A reply of a remote_nonnull_domain list and a count, as remote_connect_list_all_domains_ret. */
    List<DomainRef> domains(int proc, XdrWriter args) throws VirtException {
        XdrReader r = call(proc, args);
        return decode(() -> {
            int count = r.readCount(RemoteProc.DOMAIN_LIST_MAX, 24, "domains");
            List<DomainRef> out = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                out.add(ref(WireDomain.read(r)));
            }
            r.readInt();
            return out;
        });
    }

    boolean supports(int feature) throws VirtException {
        return integer(RemoteProc.CONNECT_SUPPORTS_FEATURE, new XdrWriter().writeInt(feature)) != 0;
    }

    static XdrWriter dom(DomainRef d) {
        XdrWriter w = new XdrWriter();
        new WireDomain(d.name(), d.uuid(), d.id()).write(w);
        return w;
    }

    static DomainRef ref(WireDomain d) {
        return new DomainRef(d.name(), d.uuid(), d.id());
    }

    boolean isOpen() {
        return client.isOpen();
    }

    void close() {
        client.close();
    }
}
