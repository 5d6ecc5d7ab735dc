package org.jvirt.rpc.internal.dispatch;

/** A client's authentication that is complete: for tests of what comes after it. */
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
    public String saslInit() {
        throw new UnsupportedOperationException();
    }

    @Override
    public SaslReply saslStart(String mechanism, byte[] data) {
        throw new UnsupportedOperationException();
    }

    @Override
    public SaslReply saslStep(byte[] data) {
        throw new UnsupportedOperationException();
    }
}
