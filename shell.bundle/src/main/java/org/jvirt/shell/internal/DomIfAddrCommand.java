package org.jvirt.shell.internal;

import static org.jvirt.shell.internal.CommandSpec.Option.flag;
import static org.jvirt.shell.internal.CommandSpec.Option.value;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;

import org.apache.felix.service.command.Descriptor;
import org.jvirt.api.ConnectionFactory;
import org.jvirt.api.Domain;
import org.jvirt.api.DomainInterface;
import org.jvirt.api.InterfaceAddressSource;
import org.jvirt.api.VirtException;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code virt:domifaddr <domain> [--interface NAME] [--full] [--source lease|agent|arp]}: a running
 * domain's interface addresses, printed as virsh 9.0's cmdDomIfAddr prints them (its fixed columns, a
 * row per address, the name and MAC once per interface unless {@code --full}, "N/A" for an interface
 * without an address).
 */
@Component(service = DomIfAddrCommand.class, property = {Scope.PROPERTY, "osgi.command.function=domifaddr"})
public final class DomIfAddrCommand {

    static final CommandSpec SPEC = CommandSpec.onDomain("domifaddr", value("interface"), flag("full"),
            value("source"));

    private final CommandRunner runner;

    @Activate
    public DomIfAddrCommand(@Reference ConnectionFactory factory) {
        this.runner = new CommandRunner(factory);
    }

    @Descriptor("virsh's domifaddr [-c URI] <domain> [--interface NAME] [--full] [--source lease|agent|arp]")
    public void domifaddr(String... args) {
        run(args, System.out, System.err);
    }

    /** Runs the command; false when it failed. */
    boolean run(String[] args, PrintStream out, PrintStream err) {
        return runner.run(SPEC, args, DomIfAddrCommand::domifaddr, out, err);
    }

    static void domifaddr(Invocation call) throws CommandFailure, Invocation.ConnectFailure {
        Domain d = call.domain();
        int source = source(call.args().value("source").orElse(null));
        String only = call.args().value("interface").orElse(null);
        boolean full = call.args().flag("full");
        List<DomainInterface> ifaces;
        try {
            ifaces = d.interfaceAddresses(source, 0);
        } catch (VirtException e) {
            throw new CommandFailure("Failed to query for interfaces addresses", e);
        }
        call.print(format(ifaces, only, full));
    }

    static String format(List<DomainInterface> ifaces, String only, boolean full) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, " %-10s %-20s %-8s     %s\n%s%s\n", "Name", "MAC address", "Protocol",
                "Address", "-".repeat(49), "-".repeat(30)));
        for (DomainInterface iface : ifaces) {
            String name = iface.name() == null ? "" : iface.name();
            if (only != null && !only.equals(name)) {
                continue;
            }
            String mac = iface.hwaddr() == null ? "" : iface.hwaddr();
            if (iface.addrs().isEmpty()) {
                sb.append(String.format(Locale.ROOT, " %-10s %-17s    %-12s %s\n", name, mac, "N/A", "N/A"));
                continue;
            }
            for (int j = 0; j < iface.addrs().size(); j++) {
                DomainInterface.Address a = iface.addrs().get(j);
                String type = a.type() == 0 ? "ipv4" : a.type() == 1 ? "ipv6" : "";
                String addr = String.format(Locale.ROOT, "%-12s %s/%d", type, a.addr(), a.prefix());
                boolean first = full || j == 0;
                sb.append(String.format(Locale.ROOT, " %-10s %-17s    %s\n", first ? name : "-", first ? mac : "-",
                        addr));
            }
        }
        // virsh's closing empty line is the runner's
        return sb.toString();
    }

    private static int source(String text) throws CommandFailure {
        if (text == null) {
            return InterfaceAddressSource.LEASE.value();
        }
        for (InterfaceAddressSource s : InterfaceAddressSource.values()) {
            if (s.name().toLowerCase(Locale.ROOT).equals(text)) {
                return s.value();
            }
        }
        throw new CommandFailure("Unknown data source '" + text + "'", null);
    }
}
