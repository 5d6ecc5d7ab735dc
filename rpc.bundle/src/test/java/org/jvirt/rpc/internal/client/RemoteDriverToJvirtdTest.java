package org.jvirt.rpc.internal.client;

import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.jvirt.rpc.internal.testkit.Jvirtd;

/** jvirt to jvirt: the remote driver against jvirt's own server. */
class RemoteDriverToJvirtdTest extends RemoteDriverContract {
    private Jvirtd jvirtd;

    @BeforeEach
    void start() throws Exception {
        jvirtd = new Jvirtd();
    }

    @AfterEach
    void stop() throws Exception {
        jvirtd.close();
    }

    @Override
    List<String> uris() {
        return List.of(jvirtd.unixUri(), jvirtd.tcpUri());
    }

    @Override
    String readOnlyUri() {
        return jvirtd.roUri();
    }

    @Override
    int tcpPort() {
        return jvirtd.tcp.getPort();
    }
}
