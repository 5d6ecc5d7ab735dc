package org.jvirt.driver.test.internal;

import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.jvirt.api.DomainInterface;
import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.VirtException;
import org.jvirt.api.spi.DomainRef;
import org.jvirt.api.spi.NetworkDefinition.IpAddress;
import org.jvirt.api.xml.DomainDef;
import org.jvirt.api.xml.NetInterface;

/**
 * libvirt 9.0's testDomainInterfaceAddresses: every source answers the same made-up addresses, one per
 * interface. An interface on a network of the test host gets the start of the network's first DHCP
 * range (or its address) plus {@code (id - 1) * 20 + index + 1}, so guests and their interfaces
 * differ, with the network's prefix; any other interface {@code 192.168.0.(index + 1)/24}.
 */
final class TestInterfaceAddresses {
    /** VIR_DOMAIN_INTERFACE_ADDRESSES_SRC_LAST. */
    private static final int SOURCES = 3;

    private final TestHost host;
    private final TestNetworks networks;

    /** @param networks the host's networks, null without the network bundle */
    TestInterfaceAddresses(TestHost host, TestNetworks networks) {
        this.host = host;
        this.networks = networks;
    }

    List<DomainInterface> of(DomainRef ref, int source, int flags) throws VirtException {
        TestDriverErrors.checkFlags(flags, 0, "testDomainInterfaceAddresses");
        if (source < 0 || source >= SOURCES) {
            throw new VirtException(ErrorCode.ARGUMENT_UNSUPPORTED, ErrorDomain.TEST,
                    "Unknown IP address data source " + Integer.toUnsignedString(source));
        }
        Running dom = host.locked(() -> {
            DomainObj d = host.find(ref);
            if (!d.isActive()) {
                throw TestDriverErrors.notRunning();
            }
            return new Running(d.id(), d.def());
        });
        int id = dom.id();
        DomainDef def = dom.def();
        List<DomainInterface> out = new ArrayList<>();
        List<NetInterface> nics = def.devices().interfaces();
        for (int i = 0; i < nics.size(); i++) {
            NetInterface n = nics.get(i);
            String mac = n.mac() == null ? null : n.mac().toLowerCase(Locale.ROOT);
            List<DomainInterface.Address> addrs = new ArrayList<>();
            if ("network".equals(n.type()) && n.source() != null && n.source().network() != null) {
                IpAddress ip = network(n.source().network());
                if (ip != null) {
                    String base = ip.dhcpStart() != null ? ip.dhcpStart() : ip.address();
                    addrs.add(new DomainInterface.Address(ip.type(), add(base, (id - 1) * 20L + i + 1), ip.prefix()));
                }
            } else {
                addrs.add(new DomainInterface.Address(0, "192.168.0." + (i + 1), 24));
            }
            out.add(new DomainInterface(n.targetDev(), mac, addrs));
        }
        return out;
    }

    private record Running(int id, DomainDef def) {
    }

    private IpAddress network(String name) throws VirtException {
        if (networks == null) {
            throw new VirtException(ErrorCode.NO_NETWORK, ErrorDomain.TEST, "no network with matching name '"
                    + name + "'");
        }
        return networks.firstIp(name);
    }

    /** {@code base + offset}, formatted as libvirt does (IPv6 with its longest zero run compressed). */
    static String add(String base, long offset) throws VirtException {
        try {
            byte[] raw = InetAddress.getByName(base).getAddress();
            byte[] sum = new BigInteger(1, raw).add(BigInteger.valueOf(offset)).toByteArray();
            byte[] out = new byte[raw.length];
            int n = Math.min(sum.length, out.length);
            System.arraycopy(sum, sum.length - n, out, out.length - n, n);
            return out.length == 4 ? InetAddress.getByAddress(out).getHostAddress() : v6(out);
        } catch (UnknownHostException e) {
            throw TestDriverErrors.internal("cannot parse address '" + base + "'");
        }
    }

    private static String v6(byte[] b) {
        int[] w = new int[8];
        for (int i = 0; i < 8; i++) {
            w[i] = ((b[2 * i] & 0xff) << 8) | (b[2 * i + 1] & 0xff);
        }
        int bestStart = -1;
        int bestLen = 1;
        for (int i = 0; i < 8;) {
            int j = i;
            while (j < 8 && w[j] == 0) {
                j++;
            }
            if (j - i > bestLen) {
                bestStart = i;
                bestLen = j - i;
            }
            i = j == i ? i + 1 : j;
        }
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                s.append(i == 0 ? "::" : ":");
                i += bestLen - 1;
                continue;
            }
            s.append(Integer.toHexString(w[i]));
            if (i < 7) {
                s.append(':');
            }
        }
        return s.toString();
    }
}
