package org.jvirt.rpc.internal.bench;

import java.nio.file.Files;
import java.nio.file.Path;

import org.jvirt.rpc.internal.server.RpcServer;
import org.jvirt.rpc.internal.server.ServerSettings;
import org.jvirt.rpc.internal.testkit.Hosts;

/**
 * jvirtd for the benchmark (bench/bench.sh): the real core and test driver served over TCP on
 * loopback. Args: PORT STATE_DIR. Prints "ready PORT" and serves until killed.
 */
public final class BenchJvirtd {
    private BenchJvirtd() {
    }

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        Path state = Files.createDirectories(Path.of(args[1]));
        ServerSettings s = ServerSettings.unix(null, null).withTcp("127.0.0.1", port);
        try (RpcServer server = new RpcServer(Hosts.testDefault(state), s)) {
            server.start();
            System.out.println("ready " + server.tcpAddress().getPort());
            System.out.flush();
            Thread.currentThread().join();
        }
    }
}
