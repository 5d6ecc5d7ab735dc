package org.jvirt.rpc.internal.differential;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.jvirt.rpc.internal.differential.WireCases.Case;
import org.jvirt.rpc.internal.testkit.Jvirtd;
import org.jvirt.rpc.internal.testkit.Libvirtd;
import org.jvirt.testing.ConformanceResults;
import org.jvirt.testing.LibvirtTestData;

/**
 * The same frames to libvirtd 9.0 (its test driver, on temporary sockets) and to jvirtd, compared
 * by outcome: reply or error (code and domain), connection kept or closed, and for the calls
 * clients make on connecting the answer itself. Each case opens a private test host from a file,
 * so no case sees another's changes. Agreeing cases are pinned in
 * {@code conformance/wire-differential.pass}, the explained differences in
 * {@code conformance/wire-differential.differ}.
 *
 * <p>{@code mvn verify} runs a fixed sample; {@code -Djvirt.wire.full=true} (or
 * {@code bin/wire-differential}) runs every case.
 */
class WireDifferentialTest {
    static final String SUITE = "wire-differential";
    static final String FULL_PROPERTY = "jvirt.wire.full";
    private static final String HOST = """
            <node>
              <cpu><nodes>1</nodes><sockets>1</sockets><cores>2</cores><threads>2</threads>
                <active>4</active><mhz>1400</mhz><model>i686</model></cpu>
              <memory>8192000</memory>
              <domain type='test'>
                <name>test</name>
                <uuid>6695eb01-f6a4-8304-79aa-97f3502e193d</uuid>
                <memory>8388608</memory>
                <vcpu>2</vcpu>
                <os><type>hvm</type></os>
              </domain>
            </node>
            """;
    /** Every case of these procedures is in the sample: what clients call on connecting. */
    private static final Set<String> ALWAYS = Set.of("AUTH_LIST", "CONNECT_OPEN", "CONNECT_SUPPORTS_FEATURE",
            "CONNECT_GET_URI", "CONNECT_REGISTER_CLOSE_CALLBACK", "CONNECT_DOMAIN_EVENT_CALLBACK_REGISTER_ANY",
            "KEEPALIVE", "HEADER");
    private static final int SAMPLE_ONE_IN = 4;
    /**
     * Why AUTH_POLKIT is sent but not compared: on a listener without polkit, libvirtd 9.0's
     * remoteDispatchAuthPolkit fails without reporting an error of its own, so its reply carries
     * whatever error its worker thread reported last (seen: "authentication failed", "Unable to
     * decode message payload" for an empty payload). jvirtd answers "authentication failed".
     */
    private static final String POLKIT = "libvirtd answers AUTH_POLKIT on a listener without polkit with the last"
            + " error of its worker thread, which depends on earlier calls";

    @TempDir
    Path tmp;

    @Test
    void jvirtdDecodesAndAnswersAsLibvirtd() throws Exception {
        assumeTrue(Libvirtd.available(), "libvirtd is not installed");
        Path protocol = LibvirtTestData.require("protocol").resolve("protocol");
        XdrSpec spec = XdrSpec.read(protocol.resolve("virnetprotocol.x"), protocol.resolve("remote_protocol.x"));
        // the URI's length decides CONNECT_OPEN's padding: one length modulo 4 in every run, so the
        // URI string always has padding to mutate
        String name = "wire-host.xml";
        while (("test://" + tmp.resolve(name)).getBytes(StandardCharsets.UTF_8).length % 4 != 1) {
            name = "x" + name;
        }
        Path host = Files.writeString(tmp.resolve(name), HOST);
        String uri = "test://" + host;
        boolean full = Boolean.getBoolean(FULL_PROPERTY);
        List<Case> cases = new WireCases(spec, uri).all().stream().filter(c -> full || inSample(c.name())).toList();
        Set<String> ran = cases.stream().map(Case::name).collect(Collectors.toSet());
        ConformanceResults results = new ConformanceResults(SUITE);
        PinnedDifferences differences = new PinnedDifferences(SUITE);
        if (!full) {
            results.onlySelected(ran::contains);
        }
        int agree = 0;
        int skipped = 0;
        long t0 = System.nanoTime();
        try (Libvirtd libvirtd = new Libvirtd(); Jvirtd jvirtd = new Jvirtd()) {
            Peer theirs = new Peer(new InetSocketAddress("127.0.0.1", libvirtd.tcpPort));
            Peer ours = new Peer(jvirtd.tcp);
            for (Case c : cases) {
                if (c.name().startsWith("AUTH_POLKIT ")) {
                    results.notRun(c.name(), POLKIT);
                    skipped++;
                    continue;
                }
                String open = c.open() ? uri : null;
                String l = theirs.outcome(open, c.showAnswer(), c.waitMillis(), c.frames());
                String j = ours.outcome(open, c.showAnswer(), c.waitMillis(), c.frames());
                if (l.equals(j)) {
                    agree++;
                    results.passed(c.name());
                } else {
                    results.failed(c.name(), "libvirtd: " + l + " " + theirs.lastMessage() + " | jvirtd: " + j + " "
                            + ours.lastMessage());
                    differences.differ(c.name(), l, j);
                }
            }
        }
        int compared = cases.size() - skipped;
        System.out.printf("wire differential: %d agree, %d differ (%d cases compared%s, %.1f s)%n", agree,
                compared - agree, compared, full ? ", full set" : ", sample", (System.nanoTime() - t0) / 1e9);
        Predicate<String> wasRun = ran::contains;
        try {
            results.assertNoRegression();
        } finally {
            differences.assertPinned(wasRun, full);
        }
    }

    /** The fixed sample: every handshake case, every well-formed call, and one in four of the rest. */
    static boolean inSample(String name) {
        String proc = name.substring(0, name.indexOf(' '));
        return ALWAYS.contains(proc) || name.endsWith(" well-formed")
                || Math.floorMod(name.hashCode(), SAMPLE_ONE_IN) == 0;
    }
}
