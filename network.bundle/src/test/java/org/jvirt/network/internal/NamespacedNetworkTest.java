package org.jvirt.network.internal;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.jvirt.api.Connection;
import org.jvirt.api.Network;
import org.jvirt.api.NetworkListFlag;

/**
 * What the network tests run against: the network driver through the core's public API ({@link #conn},
 * {@link #host}), its host commands in a new test network namespace ({@link #ns}), its files in the test's
 * temporary folder ({@link #dir}). After each test the networks still active are destroyed (dnsmasq
 * stopped by PID, bridge and nftables table removed), the connection is closed, and the namespace is
 * deleted (killing what is left in it) even when that failed or the set-up did.
 */
abstract class NamespacedNetworkTest {
    @TempDir
    Path dir;
    Netns ns;
    NetworkHost host;
    Connection conn;
    private final String nsPrefix;

    /** @param nsPrefix what the namespace's name starts with (a random suffix follows) */
    NamespacedNetworkTest(String nsPrefix) {
        this.nsPrefix = nsPrefix;
    }

    /** The prefix of the driver's host commands: the namespace's; a test may put a shim behind it. */
    List<String> commandPrefix(Netns namespace) throws Exception {
        return namespace.prefix();
    }

    @BeforeEach
    final void openNetworkHost() throws Exception {
        ns = Netns.create(nsPrefix);
        host = new NetworkHost(dir, commandPrefix(ns));
        conn = host.open();
    }

    @AfterEach
    final void closeNetworkHost() throws Exception {
        try {
            if (conn != null) {
                for (Network n : conn.listAllNetworks(NetworkListFlag.ACTIVE.bit())) {
                    n.destroy();
                }
                conn.close();
            }
        } finally {
            if (ns != null) {
                ns.close();
            }
        }
    }
}
