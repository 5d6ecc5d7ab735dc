package org.jvirt.rpc.internal.dispatch;

import org.jvirt.api.VirtException;

/**
 * A client's authentication, as the auth procedures see it. Thread-safe.
 */
public interface ClientAuth {
    /** remote_auth_type REMOTE_AUTH_NONE. */
    int NONE = 0;
    /** remote_auth_type REMOTE_AUTH_SASL. */
    int SASL = 1;

    /** The remote_auth_type the client's listener demands (AUTH_LIST). */
    int type();

    /** True once the client may call procedures other than the auth ones. */
    boolean authenticated();

    /**
     * AUTH_SASL_INIT: starts a SASL session and returns the mechanisms offered.
     *
     * @throws VirtException libvirt's AUTH_FAILED "authentication failed"
     */
    String saslInit() throws VirtException;

    /** AUTH_SASL_START with the client's mechanism and data (null: nil). */
    SaslReply saslStart(String mechanism, byte[] data) throws VirtException;

    /** AUTH_SASL_STEP with the client's data (null: nil). */
    SaslReply saslStep(byte[] data) throws VirtException;

    /** remote_auth_sasl_start_ret / _step_ret: done or not, and the server's data (null: nil). */
    record SaslReply(boolean complete, byte[] data) {
    }
}
