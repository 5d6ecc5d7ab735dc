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
 * Real virsh domifaddr over the wire (REMOTE_PROC_DOMAIN_INTERFACE_ADDRESSES), jvirtd's test driver
 * against libvirt's (test:///default), one session a side: every source, the options, a guest with four
 * interfaces of three types, the errors.
 */
class VirshDomIfAddrTest {
    private static final String LIBVIRT = "test:///default";
    private static final String GUEST = """
            <domain type='test'><name>t2</name><memory>1024</memory><os><type>hvm</type></os><devices>
            <interface type='network'><mac address='52:54:00:00:00:01'/><source network='default'/></interface>
            <interface type='bridge'><mac address='52:54:00:00:00:02'/><source bridge='br0'/></interface>
            <interface type='user'><mac address='52:54:00:00:00:03'/></interface>
            <interface type='network'><mac address='52:54:00:00:00:04'/><source network='default'/>
            <target dev='mytap'/></interface></devices></domain>
            """;

    @TempDir
    Path dir;

    @RegisterExtension
    final JvirtdForVirsh jvirtd = new JvirtdForVirsh();

    @Test
    void domifaddrPrintsWhatLibvirtsTestDriverPrints() throws Exception {
        Path guest = dir.resolve("t2.xml");
        Files.writeString(guest, GUEST);
        List<String> commands = List.of("domifaddr test", "domifaddr test --source lease",
                "domifaddr test --source arp", "domifaddr test --source agent", "domifaddr test --source bogus",
                "domifaddr test --interface testnet0", "domifaddr test --interface nope", "create " + guest,
                "domifaddr t2", "domifaddr t2 --full", "domifaddr t2 --interface mytap", "destroy test",
                "domifaddr test", "domifaddr nosuch");
        String session = String.join("; ", commands);
        Result theirs = Proc.virsh(LIBVIRT, session);
        Result ours = Proc.virsh(jvirtd.unixUri(), session);
        assertEquals(theirs.out(), ours.out(), ours.err());
        assertEquals(theirs.err(), ours.err());
        assertEquals(theirs.exit(), ours.exit(), ours.toString());
        assertTrue(ours.out().contains(" mytap      52:54:00:00:00:04    ipv4         192.168.122.26/24\n"), ours.out());
        System.out.println("virsh domifaddr session (test driver): " + commands.size() + " commands, "
                + ours.out().lines().count() + " lines, " + ours.err().lines().count() + " error lines, as libvirt");
    }
}
