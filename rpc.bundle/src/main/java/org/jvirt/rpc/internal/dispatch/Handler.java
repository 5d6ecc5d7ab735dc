package org.jvirt.rpc.internal.dispatch;

import org.jvirt.api.VirtException;
import org.jvirt.rpc.internal.xdr.XdrException;
import org.jvirt.rpc.internal.xdr.XdrReader;
import org.jvirt.rpc.internal.xdr.XdrWriter;

/** Decodes a procedure's arguments from {@code args}, does the work, encodes the result. */
@FunctionalInterface
public interface Handler {
    void handle(ClientContext client, XdrReader args, XdrWriter ret) throws VirtException, XdrException;
}
