package org.jvirt.rpc.internal.wire;

import java.io.IOException;

/**
 * The {@link SecurityLayer} of a SASL client or server: its wrap and unwrap, the peer's raw send
 * size and our maximum buffer (the same for {@code SaslClient} and {@code SaslServer}, which share
 * no interface).
 */
public record SaslLayer(Op wrapOp, Op unwrapOp, int maxPlainSize, int maxWrappedSize) implements SecurityLayer {

    /** {@code wrap} or {@code unwrap} of a SASL client or server. */
    @FunctionalInterface
    public interface Op {
        byte[] apply(byte[] buffer, int off, int len) throws IOException;
    }

    @Override
    public byte[] wrap(byte[] plain, int off, int len) throws IOException {
        return wrapOp.apply(plain, off, len);
    }

    @Override
    public byte[] unwrap(byte[] wrapped, int off, int len) throws IOException {
        return unwrapOp.apply(wrapped, off, len);
    }
}
