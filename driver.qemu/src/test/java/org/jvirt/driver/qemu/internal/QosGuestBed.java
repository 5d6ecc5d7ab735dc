package org.jvirt.driver.qemu.internal;

import org.jvirt.api.spi.NetworkDriverConnection;
import org.jvirt.core.store.FileStateStore;
import org.jvirt.network.internal.Netns;
import org.jvirt.network.internal.NetworkDriverComponent;
import org.jvirt.network.internal.TcShim;
import org.jvirt.network.internal.host.CommandRunner;
import org.jvirt.xml.internal.DomainXmlCodecImpl;

/**
 * A QEMU driver and the real network driver in a test network namespace, the network driver's tc
 * behind {@link TcShim} (it logs the commands and lets through those this kernel has no module
 * for): what the interface QoS tests run their guests in. Closed by the test, namespace last.
 */
final class QosGuestBed implements AutoCloseable {
    final TestBed bed;
    final Netns ns;
    final TcShim shim;
    final NetworkDriverConnection nets;

    private QosGuestBed(TestBed bed, Netns ns, TcShim shim, NetworkDriverConnection nets) {
        this.bed = bed;
        this.ns = ns;
        this.shim = shim;
        this.nets = nets;
    }

    /** A bed in a new temporary folder and namespace {@code netns}, with {@code networkXml} running. */
    static QosGuestBed open(String dirPrefix, String netns, String networkXml) throws Exception {
        TestBed bed = TestBed.openInTempDirIfQemuInstalled(dirPrefix);
        Netns ns = null;
        NetworkDriverConnection nets = null;
        try {
            ns = Netns.create(netns);
            TcShim shim = new TcShim(bed.dir);
            NetworkDriverComponent networks = new NetworkDriverComponent(
                    new FileStateStore(bed.dir.resolve("netstate")), new DomainXmlCodecImpl(),
                    bed.dir.resolve("netrun"), new CommandRunner(shim.prefix(ns)), "dnsmasq");
            nets = networks.open(0);
            bed.commandPrefix = ns.prefix();
            bed.networkDriver = networks;
            bed.newDriver();
            nets.createXml(networkXml, 0);
            return new QosGuestBed(bed, ns, shim, nets);
        } catch (Exception | Error e) {
            close(bed, ns, nets);
            throw e;
        }
    }

    @Override
    public void close() throws Exception {
        close(bed, ns, nets);
    }

    private static void close(TestBed bed, Netns ns, NetworkDriverConnection nets) throws Exception {
        try {
            if (nets != null) {
                nets.close();
            }
            bed.closeAndDeleteDir();
        } finally {
            if (ns != null) {
                ns.close();
            }
        }
    }
}
