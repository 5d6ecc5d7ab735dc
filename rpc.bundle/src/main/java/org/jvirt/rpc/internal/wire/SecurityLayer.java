package org.jvirt.rpc.internal.wire;

import java.io.IOException;

/**
 * A SASL security layer negotiated during authentication (DIGEST-MD5 auth-conf): what
 * {@code SaslServer}/{@code SaslClient} wrap and unwrap do, seen from the transport.
 */
public interface SecurityLayer {

    /** Protects {@code len} bytes; the result is one SASL buffer without its length word. */
    byte[] wrap(byte[] plain, int off, int len) throws IOException;

    /** Checks and decrypts one SASL buffer (without its length word). */
    byte[] unwrap(byte[] wrapped, int off, int len) throws IOException;

    /** The most plain bytes one wrapped buffer may carry (the peer's maximum buffer size). */
    int maxPlainSize();

    /** The most wrapped bytes one buffer from the peer may have (our maximum buffer size). */
    int maxWrappedSize();
}
