package org.jvirt.rpc.internal.dispatch;

import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.VirtException;

/**
 * A client's authentication on a listener that demands none (authenticated from the start), for
 * tests of what comes after it: SASL requests fail as the server's session answers them there,
 * with libvirt's "authentication failed".
 */
final class Authenticated implements ClientAuth {
    @Override
    public int type() {
        return NONE;
    }

    @Override
    public boolean authenticated() {
        return true;
    }

    @Override
    public String saslInit() throws VirtException {
        throw failed();
    }

    @Override
    public SaslReply saslStart(String mechanism, byte[] data) throws VirtException {
        throw failed();
    }

    @Override
    public SaslReply saslStep(byte[] data) throws VirtException {
        throw failed();
    }

    private static VirtException failed() {
        return new VirtException(ErrorCode.AUTH_FAILED, ErrorDomain.RPC, "authentication failed");
    }
}
