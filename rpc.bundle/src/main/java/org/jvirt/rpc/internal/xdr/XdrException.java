package org.jvirt.rpc.internal.xdr;

/** Malformed or oversized XDR data: the peer sent something this side cannot decode. */
public class XdrException extends Exception {
    private static final long serialVersionUID = 1L;

    public XdrException(String message) {
        super(message);
    }
}
