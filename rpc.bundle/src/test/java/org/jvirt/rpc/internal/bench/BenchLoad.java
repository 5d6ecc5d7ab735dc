package org.jvirt.rpc.internal.bench;

import java.net.InetSocketAddress;
import java.nio.channels.SocketChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.jvirt.rpc.internal.client.RpcClient;
import org.jvirt.rpc.internal.wire.ChannelTransport;
import org.jvirt.rpc.internal.wire.RemoteProc;
import org.jvirt.rpc.internal.wire.WireDomain;
import org.jvirt.rpc.internal.xdr.XdrWriter;

/**
 * The pipelined Java load generator of the benchmark: CONNECTIONS connections to HOST:PORT, each
 * with IN_FLIGHT threads issuing DOMAIN_LOOKUP_BY_NAME + DOMAIN_GET_INFO back to back, so several
 * calls per connection are on the wire at once. Args: HOST PORT CONNECTIONS IN_FLIGHT SECONDS.
 * Prints "calls/s N".
 */
public final class BenchLoad {
    private BenchLoad() {
    }

    public static void main(String[] args) throws Exception {
        String host = args[0];
        int port = Integer.parseInt(args[1]);
        int connections = Integer.parseInt(args[2]);
        int inFlight = Integer.parseInt(args[3]);
        double seconds = Double.parseDouble(args[4]);
        List<RpcClient> clients = new ArrayList<>();
        for (int i = 0; i < connections; i++) {
            RpcClient c = new RpcClient(new ChannelTransport(SocketChannel.open(new InetSocketAddress(host, port)),
                    false, "bench"), 60_000);
            c.call(RemoteProc.CONNECT_OPEN, new XdrWriter().writeOptString("test:///default").writeInt(0).toByteArray());
            clients.add(c);
        }
        byte[] lookup = new XdrWriter().writeString("test").toByteArray();
        AtomicLong calls = new AtomicLong();
        long[] window = new long[2];
        List<Thread> threads = new ArrayList<>();
        long warmupEnd = System.nanoTime() + 2_000_000_000L;
        long end = warmupEnd + (long) (seconds * 1e9);
        for (RpcClient c : clients) {
            for (int t = 0; t < inFlight; t++) {
                Thread th = new Thread(() -> {
                    try {
                        while (System.nanoTime() < end) {
                            WireDomain d = WireDomain.read(c.call(RemoteProc.DOMAIN_LOOKUP_BY_NAME, lookup));
                            XdrWriter w = new XdrWriter();
                            d.write(w);
                            c.call(RemoteProc.DOMAIN_GET_INFO, w.toByteArray());
                            if (System.nanoTime() > warmupEnd) {
                                calls.addAndGet(2);
                            }
                        }
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                });
                th.start();
                threads.add(th);
            }
        }
        for (Thread th : threads) {
            th.join();
        }
        System.out.printf("calls/s %.0f%n", calls.get() / seconds);
        for (RpcClient c : clients) {
            c.close();
        }
    }
}
