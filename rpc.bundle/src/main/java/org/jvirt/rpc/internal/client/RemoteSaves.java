package org.jvirt.rpc.internal.client;

import org.jvirt.api.VirtException;
import org.jvirt.api.spi.DomainRef;
import org.jvirt.api.spi.DomainSaveDriver;
import org.jvirt.rpc.internal.wire.RemoteProc;
import org.jvirt.rpc.internal.xdr.XdrWriter;

/** The remote daemon's save and restore calls: one RPC each, the call's own procedure (as libvirt's remote driver). */
final class RemoteSaves implements DomainSaveDriver {
    private final RemoteCalls rpc;

    RemoteSaves(RemoteCalls rpc) {
        this.rpc = rpc;
    }

    @Override
    public void save(DomainRef dom, String to) throws VirtException {
        rpc.call(RemoteProc.DOMAIN_SAVE, RemoteCalls.dom(dom).writeString(to));
    }

    @Override
    public void saveFlags(DomainRef dom, String to, String dxml, int flags) throws VirtException {
        rpc.call(RemoteProc.DOMAIN_SAVE_FLAGS, RemoteCalls.dom(dom).writeString(to).writeOptString(dxml).writeInt(flags));
    }

    @Override
    public void restore(String from) throws VirtException {
        rpc.call(RemoteProc.DOMAIN_RESTORE, new XdrWriter().writeString(from));
    }

    @Override
    public void restoreFlags(String from, String dxml, int flags) throws VirtException {
        rpc.call(RemoteProc.DOMAIN_RESTORE_FLAGS, new XdrWriter().writeString(from).writeOptString(dxml).writeInt(flags));
    }

    @Override
    public String saveImageXmlDesc(String file, int flags) throws VirtException {
        return rpc.string(RemoteProc.DOMAIN_SAVE_IMAGE_GET_XML_DESC, new XdrWriter().writeString(file).writeInt(flags));
    }

    @Override
    public void saveImageDefineXml(String file, String dxml, int flags) throws VirtException {
        rpc.call(RemoteProc.DOMAIN_SAVE_IMAGE_DEFINE_XML, new XdrWriter().writeString(file).writeString(dxml).writeInt(flags));
    }
}
