package org.jvirt.rpc.internal.client;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.jvirt.rpc.internal.testkit.Libvirtd;

/** jvirt's Java API against a real libvirtd 9.0 that the test starts and stops. */
class RemoteDriverToLibvirtdTest extends RemoteDriverContract {
    private Libvirtd libvirtd;

    @BeforeEach
    void start() throws Exception {
        assumeTrue(Libvirtd.available(), "libvirtd (libvirt-daemon) is not installed");
        libvirtd = new Libvirtd();
    }

    @AfterEach
    void stop() throws Exception {
        if (libvirtd != null) {
            libvirtd.close();
        }
    }

    @Override
    List<String> uris() {
        return List.of("test+unix:///default?socket=" + libvirtd.socket(),
                "test+tcp://127.0.0.1:" + libvirtd.tcpPort + "/default");
    }

    @Override
    String readOnlyUri() {
        return "test+unix:///default?socket=" + libvirtd.socket() + "-ro";
    }

    @Override
    int tcpPort() {
        return libvirtd.tcpPort;
    }
}
