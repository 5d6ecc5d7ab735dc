package org.jvirt.rpc.internal.server;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.VirtException;
import org.jvirt.rpc.internal.client.RpcClient;
import org.jvirt.rpc.internal.testkit.Jvirtd;
import org.jvirt.rpc.internal.wire.RemoteProc;
import org.jvirt.rpc.internal.wire.WireDomain;
import org.jvirt.rpc.internal.xdr.XdrWriter;

/**
 * REMOTE_PROC_DOMAIN_SEND_KEY decoded by jvirtd and answered as libvirtd 9.0 answers the same
 * arguments (its test driver, libvirt-domain.c's checks): an empty keycodes array is a NULL
 * pointer after XDR decoding, a code set past the last is an invalid argument.
 */
class SendKeyDispatchTest {
    private Jvirtd jvirtd;
    private RpcClient client;
    private WireDomain test;

    @BeforeEach
    void start() throws Exception {
        jvirtd = new Jvirtd();
        client = HostileInputTest.open(jvirtd);
        test = WireDomain.read(client.call(RemoteProc.DOMAIN_LOOKUP_BY_NAME,
                new XdrWriter().writeString("test").toByteArray()));
    }

    @AfterEach
    void stop() throws Exception {
        client.close();
        jvirtd.close();
    }

    private byte[] args(int codeset, int... codes) {
        XdrWriter w = new XdrWriter();
        test.write(w);
        w.writeInt(codeset).writeInt(0).writeInt(codes.length);
        for (int c : codes) {
            w.writeInt(c);
        }
        return w.writeInt(0).toByteArray();
    }

    private void fails(String message, byte[] args) {
        VirtException e = assertThrows(VirtException.class, () -> client.call(RemoteProc.DOMAIN_SEND_KEY, args));
        assertEquals(ErrorCode.INVALID_ARG, e.code(), e.getMessage());
        assertEquals(ErrorDomain.DOMAIN, e.domain());
        assertEquals(message, e.getMessage());
    }

    @Test
    void argumentsAreCheckedAsLibvirtdChecksThem() {
        fails("keycodes in virDomainSendKey must not be NULL", args(0));
        fails("keycodes in virDomainSendKey must not be NULL", args(99));
        fails("Unsupported codeset '10'", args(10, 30));
        fails("Unsupported codeset '-1'", args(-1, 30));
        // keycode 0 is a key of every set in libvirt's tables, atset1 included
        assertDoesNotThrow(() -> client.call(RemoteProc.DOMAIN_SEND_KEY, args(2, 0)));
    }
}
