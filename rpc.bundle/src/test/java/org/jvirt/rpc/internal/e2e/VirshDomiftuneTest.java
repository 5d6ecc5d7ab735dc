package org.jvirt.rpc.internal.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.jvirt.rpc.internal.testkit.JvirtdForVirsh;
import org.jvirt.rpc.internal.testkit.Proc;
import org.jvirt.rpc.internal.testkit.Proc.Result;

/**
 * Real virsh {@code domiftune} through jvirtd (REMOTE_PROC_DOMAIN_GET/SET_INTERFACE_PARAMETERS), jvirtd's test
 * driver against libvirt 9.0's on the same host file, one virsh session a side: gets by device and MAC, live
 * and config changes, clearing, the errors for an unknown device and for LIVE with CONFIG, how a device is
 * read as a MAC address (virMacAddrParse) or a name, and a read-only connection refused the change.
 */
class VirshDomiftuneTest {
    private static final String HOST = """
            <node>
              <domain type='test'>
                <name>ift</name><uuid>11111111-2222-3333-4444-0000000000a1</uuid>
                <memory>1024</memory><vcpu>1</vcpu><os><type>hvm</type></os>
                <devices>
                  <interface type='bridge'><mac address='52:54:00:11:22:33'/><source bridge='br0'/>
                    <target dev='tap7'/>
                    <bandwidth><inbound average='1000' peak='2000' burst='512'/></bandwidth>
                  </interface>
                </devices>
              </domain>
            </node>
            """;
    private static final List<String> SESSION = List.of(
            "domiftune ift tap7", "domiftune ift 52:54:00:11:22:33 --config",
            "domiftune ift tap7 --inbound 3000,4000,100 --outbound 50",
            "domiftune ift tap7", "domiftune ift tap7 --config",
            "domiftune ift tap7 --outbound 70,80 --config", "domiftune ift tap7 --config",
            "domiftune ift tap7 --live", "domiftune ift tap7 --inbound 0 --live", "domiftune ift tap7",
            "domiftune ift tap7 --inbound 10,20,30,40", "domiftune ift tap7 --live",
            "domiftune ift tap9", "domiftune ift tap9 --inbound 5", "domiftune ift tap7 --live --config");
    @TempDir
    Path tmp;

    @RegisterExtension
    final JvirtdForVirsh jvirtd = new JvirtdForVirsh();

    @Test
    void aDomiftuneSessionPrintsWhatLibvirtsTestDriverPrints() throws Exception {
        Path host = Files.writeString(tmp.resolve("host.xml"), HOST);
        String session = String.join("; ", SESSION);
        Result theirs = Proc.virsh("test://" + host, session);
        Result ours = Proc.virsh("test+unix://" + host + "?socket=" + jvirtd.rw(), session);
        assertEquals(theirs.out(), ours.out(), ours.err());
        assertEquals(theirs.err(), ours.err());
        assertEquals(theirs.exit(), ours.exit(), ours.toString());
        assertTrue(ours.out().contains("inbound.average: 3000\ninbound.peak   : 4000\ninbound.burst  : 100"),
                ours.out());
        assertTrue(ours.out().contains("outbound.average: 70\noutbound.peak  : 80"), ours.out());
        assertTrue(ours.err().contains("'tap9' is not a known interface"), ours.err());
    }

    @Test
    void aDeviceIsReadAsAMacAddressOrANameAsLibvirtReadsIt() throws Exception {
        Path host = Files.writeString(tmp.resolve("host.xml"), HOST);
        String session = String.join("; ", List.of("domiftune ift '52:54:0:11:22:33'",
                "domiftune ift '52:54:00:11:22:33 '", "domiftune ift '52:54:00:11:22:33 tail'",
                "domiftune ift '52:54:00:11:22:33x'", "domiftune ift '+52:54:00:11:22:33'",
                "domiftune ift '052:54:00:11:22:33'", "domiftune ift 0x52:54:00:11:22:33",
                "domiftune ift '52:54:00:11:22:33:'", "domiftune ift 'tap7 '"));
        Result theirs = Proc.virsh("test://" + host, session);
        Result ours = Proc.virsh("test+unix://" + host + "?socket=" + jvirtd.rw(), session);
        assertEquals(theirs.out(), ours.out(), ours.err());
        assertEquals(theirs.err(), ours.err());
        assertEquals(3, ours.out().split("inbound.average: 1000", -1).length - 1, ours.out());
        assertTrue(ours.err().contains("'52:54:00:11:22:33:' is not a known interface"), ours.err());
    }

    @Test
    void aReadOnlyConnectionReadsButMayNotChange() throws Exception {
        Path host = Files.writeString(tmp.resolve("host.xml"), HOST);
        Result ours = Proc.virsh("test+unix://" + host + "?socket=" + jvirtd.ro(),
                "domiftune ift tap7; domiftune ift tap7 --inbound 5");
        assertTrue(ours.out().contains("inbound.average: 1000"), ours.toString());
        assertTrue(ours.err().contains("operation forbidden: read only access prevents virDomainSetInterfaceParameters"),
                ours.err());
        Result theirs = Proc.virsh("test://" + host, "-r", "domiftune ift tap7; domiftune ift tap7 --inbound 5");
        assertEquals(theirs.err(), ours.err());
    }
}
