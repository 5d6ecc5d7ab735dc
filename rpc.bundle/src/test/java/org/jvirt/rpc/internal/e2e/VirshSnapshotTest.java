package org.jvirt.rpc.internal.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.jvirt.api.Connection;
import org.jvirt.api.ConnectionFactory;
import org.jvirt.api.DriverInfo;
import org.jvirt.api.OpenFlag;
import org.jvirt.api.VirtException;
import org.jvirt.core.internal.CoreConnectionFactory;
import org.jvirt.rpc.internal.client.RemoteDriver;
import org.jvirt.rpc.internal.client.RemoteSettings;
import org.jvirt.rpc.internal.testkit.Jvirtd;
import org.jvirt.rpc.internal.testkit.Libvirtd;
import org.jvirt.rpc.internal.testkit.Proc;
import org.jvirt.rpc.internal.testkit.Proc.Result;

/**
 * Snapshots end to end: real virsh against jvirtd, whose connections go through jvirt's core and
 * remote driver to a real libvirtd's test driver (which has snapshots). So virsh's
 * {@code snapshot-*} commands cross jvirt's server procedures, the core's snapshot facades and the
 * remote client's snapshot calls. Every read is also run by the same virsh against the libvirtd
 * directly, in the same state, and must print the same.
 */
class VirshSnapshotTest {
    private Libvirtd libvirtd;
    private Jvirtd jvirtd;
    /** libvirtd's test:///default lives while a connection to it is open: this one keeps the snapshots. */
    private Connection holder;

    @BeforeEach
    void start() throws Exception {
        assumeTrue(Proc.available("virsh"), "virsh (libvirt-clients) is not installed");
        assumeTrue(Libvirtd.available(), "libvirtd (libvirt-daemon) is not installed");
        libvirtd = new Libvirtd();
        CoreConnectionFactory core = CoreConnectionFactory.forDriver(new RemoteDriver(RemoteSettings.defaults()), "remote");
        String direct = direct();
        holder = core.open(direct, 0);
        jvirtd = new Jvirtd(new ConnectionFactory() {
            @Override
            public Connection open(String uri, int flags) throws VirtException {
                boolean ro = (flags & OpenFlag.READ_ONLY.bit()) != 0;
                return core.open(ro ? direct + "-ro" : direct, flags);
            }

            @Override
            public List<DriverInfo> drivers() {
                return core.drivers();
            }
        });
    }

    @AfterEach
    void stop() throws Exception {
        if (jvirtd != null) {
            jvirtd.close();
        }
        if (holder != null) {
            holder.close();
        }
        if (libvirtd != null) {
            libvirtd.close();
        }
    }

    private String direct() {
        return "test+unix:///default?socket=" + libvirtd.socket();
    }

    private Result viaJvirt(String... command) throws Exception {
        Result r = Proc.virsh(jvirtd.unixUri(), command);
        assertEquals(0, r.exit(), Arrays.toString(command) + ": " + r);
        return r;
    }

    /** The same read through jvirtd and straight to libvirtd prints the same. */
    private void same(String... command) throws Exception {
        Result theirs = Proc.virsh(direct(), command);
        Result ours = Proc.virsh(jvirtd.unixUri(), command);
        assertEquals(theirs.exit(), ours.exit(), "exit of " + Arrays.toString(command) + ": " + ours);
        assertEquals(theirs.out(), ours.out(), Arrays.toString(command));
        assertEquals(theirs.err(), ours.err(), Arrays.toString(command));
    }

    @Test
    void createListDescribeRevertAndDeleteThroughJvirtd() throws Exception {
        assertEquals("Domain snapshot s1 created\n",
                viaJvirt("snapshot-create-as", "test", "s1", "--description", "first").out());
        viaJvirt("snapshot-create-as", "test", "s2");
        viaJvirt("snapshot-create-as", "test", "s3");
        assertEquals("s1\ns2\ns3", viaJvirt("snapshot-list", "test", "--name").out().strip());
        same("snapshot-list", "test");
        same("snapshot-list", "test", "--tree");
        same("snapshot-list", "test", "--roots");
        same("snapshot-list", "test", "--leaves", "--name");
        same("snapshot-list", "test", "--parent");
        same("snapshot-current", "test", "--name");
        same("snapshot-parent", "test", "s3");
        same("snapshot-parent", "test", "s1");
        same("snapshot-dumpxml", "test", "s1");
        same("snapshot-dumpxml", "test", "nope");
        same("snapshot-info", "test", "s2");
        assertTrue(viaJvirt("snapshot-dumpxml", "test", "s1").out().contains("<description>first</description>"));

        viaJvirt("snapshot-revert", "test", "s1");
        assertEquals("s1", viaJvirt("snapshot-current", "test", "--name").out().strip());
        same("snapshot-info", "test", "--current");
        assertEquals("Domain snapshot s2 deleted\n\n", viaJvirt("snapshot-delete", "test", "s2").out());
        assertEquals("s1\ns3", viaJvirt("snapshot-list", "test", "--name").out().strip());
        viaJvirt("snapshot-delete", "test", "s1", "--children");
        assertEquals("", viaJvirt("snapshot-list", "test", "--name").out().strip());
        same("snapshot-delete", "test", "s1");
    }

    @Test
    void aReadOnlyConnectionListsButCannotCreate() throws Exception {
        viaJvirt("snapshot-create-as", "test", "r1");
        Result list = Proc.virsh(jvirtd.roUri(), "snapshot-list", "test", "--name");
        assertEquals("r1", list.out().strip(), list.toString());
        Result create = Proc.virsh(jvirtd.roUri(), "snapshot-create-as", "test", "r2");
        assertEquals(1, create.exit(), create.toString());
        assertTrue(create.err().contains("read only access prevents virDomainSnapshotCreateXML"), create.err());
    }
}
