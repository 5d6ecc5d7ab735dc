package org.jvirt.network.internal.host;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.jvirt.api.NetworkDhcpLease;
import org.jvirt.network.internal.conf.Ip;

/**
 * dnsmasq's lease file: one lease a line, {@code EXPIRY MAC IP HOSTNAME CLIENTID} ({@code *} for
 * none); IPv6 leases follow a {@code duid} line as {@code EXPIRY IAID IP HOSTNAME CLIENTID}.
 */
public final class LeaseFile {
    private LeaseFile() {
    }

    /**
     * The leases of the file, for the network's bridge {@code iface}.
     *
     * @param prefixOf the prefix length of the network address that holds a leased address
     */
    public static List<NetworkDhcpLease> read(Path file, String iface, java.util.function.ToIntFunction<Ip> prefixOf)
            throws IOException {
        List<String> lines;
        try {
            lines = Files.readAllLines(file);
        } catch (NoSuchFileException e) {
            return List.of();
        }
        List<NetworkDhcpLease> out = new ArrayList<>();
        for (String line : lines) {
            String[] f = line.trim().split("\\s+");
            if (f.length < 5 || f[0].equals("duid")) {
                continue;
            }
            Ip ip = Ip.parse(f[2]);
            if (ip == null) {
                continue;
            }
            long expiry;
            try {
                expiry = Long.parseLong(f[0]);
            } catch (NumberFormatException e) {
                continue;
            }
            boolean v6 = ip.isV6();
            out.add(new NetworkDhcpLease(iface, expiry, v6 ? 1 : 0, v6 ? null : f[1], v6 ? f[1] : null, ip.format(),
                    prefixOf.applyAsInt(ip), none(f[3]), none(f[4])));
        }
        return out;
    }

    private static String none(String s) {
        return "*".equals(s) ? null : s;
    }
}
