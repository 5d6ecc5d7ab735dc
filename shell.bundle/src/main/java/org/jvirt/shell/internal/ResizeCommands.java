package org.jvirt.shell.internal;

import static org.jvirt.shell.internal.CommandSpec.Option.data;
import static org.jvirt.shell.internal.CommandSpec.Option.flag;
import static org.jvirt.shell.internal.CommandSpec.Option.value;

import java.util.List;

import org.apache.felix.service.command.Descriptor;
import org.jvirt.api.ConnectionFactory;
import org.jvirt.api.Domain;
import org.jvirt.api.MemoryFlag;
import org.jvirt.api.MemoryStat;
import org.jvirt.api.ModificationFlag;
import org.jvirt.api.VcpuFlag;
import org.jvirt.api.VirtException;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code virt:setmem}, {@code virt:setmaxmem}, {@code virt:dommemstat}, {@code virt:setvcpus} and
 * {@code virt:vcpucount}, with virsh's options, calls and messages (tools/virsh-domain.c).
 */
@Component(service = ResizeCommands.class, property = {Scope.PROPERTY,
        "osgi.command.function=setmem", "osgi.command.function=setmaxmem", "osgi.command.function=dommemstat",
        "osgi.command.function=setvcpus", "osgi.command.function=vcpucount"})
public final class ResizeCommands {
    static final CommandSpec SETMEM = CommandSpec.onDomain("setmem", data("size"), flag("config"), flag("live"),
            flag("current"));
    static final CommandSpec SETMAXMEM = CommandSpec.onDomain("setmaxmem", data("size"), flag("config"),
            flag("live"), flag("current"));
    static final CommandSpec DOMMEMSTAT = CommandSpec.onDomain("dommemstat", value("period"), flag("config"),
            flag("live"), flag("current"));
    static final CommandSpec SETVCPUS = CommandSpec.onDomain("setvcpus", data("count"), flag("maximum"),
            flag("config"), flag("live"), flag("current"), flag("guest"), flag("hotpluggable"));
    static final CommandSpec VCPUCOUNT = CommandSpec.onDomain("vcpucount", flag("maximum"), flag("active"),
            flag("live"), flag("config"), flag("current"), flag("guest"));

    private final CommandRunner runner;

    @Activate
    public ResizeCommands(@Reference ConnectionFactory factory) {
        this.runner = new CommandRunner(factory);
    }

    @Descriptor("change the memory of a domain, as virsh setmem: [-c URI] <domain> <size> [--config] [--live]")
    public void setmem(String... args) {
        runner.run(SETMEM, args, ResizeCommands::setmem, System.out, System.err);
    }

    @Descriptor("change the maximum memory, as virsh setmaxmem: [-c URI] <domain> <size> [--config] [--live]")
    public void setmaxmem(String... args) {
        runner.run(SETMAXMEM, args, ResizeCommands::setmaxmem, System.out, System.err);
    }

    @Descriptor("memory statistics, as virsh dommemstat: [-c URI] <domain> [--period N] [--config] [--live]")
    public void dommemstat(String... args) {
        runner.run(DOMMEMSTAT, args, ResizeCommands::dommemstat, System.out, System.err);
    }

    @Descriptor("change the vCPU count, as virsh setvcpus: [-c URI] <domain> <count> [--maximum] [--config] [--live]")
    public void setvcpus(String... args) {
        runner.run(SETVCPUS, args, ResizeCommands::setvcpus, System.out, System.err);
    }

    @Descriptor("vCPU counts, as virsh vcpucount: [-c URI] <domain> [--maximum] [--active] [--live] [--config]")
    public void vcpucount(String... args) {
        runner.run(VCPUCOUNT, args, ResizeCommands::vcpucount, System.out, System.err);
    }

    /** virsh's VSH_EXCLUSIVE_OPTIONS. */
    private static void exclusive(ParsedArgs a, String x, String y) throws CommandFailure {
        if (a.flag(x) && a.flag(y)) {
            throw new CommandFailure("Options --" + x + " and --" + y + " are mutually exclusive", null);
        }
    }

    /** --config, --live, --current as virsh turns them into flags. */
    private static int impact(ParsedArgs a) throws CommandFailure {
        exclusive(a, "current", "live");
        exclusive(a, "current", "config");
        return (a.flag("config") ? ModificationFlag.CONFIG.bit() : 0) | (a.flag("live") ? ModificationFlag.LIVE.bit() : 0);
    }

    private static long kib(ParsedArgs a) throws CommandFailure {
        long bytes = ScaledSize.bytes(a.required("size"), "size", 1024);
        return Long.divideUnsigned(bytes, 1024) + (Long.remainderUnsigned(bytes, 1024) == 0 ? 0 : 1);
    }

    static void setmem(Invocation call) throws CommandFailure, Invocation.ConnectFailure, VirtException {
        ParsedArgs a = call.args();
        int flags = impact(a);
        Domain d = call.domain();
        long kib = kib(a);
        // without options virsh calls virDomainSetMemory, which the drivers apply to the live guest
        d.setMemory(kib, flags != 0 || a.flag("current") ? flags : ModificationFlag.LIVE.bit());
    }

    static void setmaxmem(Invocation call) throws CommandFailure, Invocation.ConnectFailure, VirtException {
        ParsedArgs a = call.args();
        int flags = impact(a);
        Domain d = call.domain();
        long kib = kib(a);
        try {
            d.setMemory(kib, flags | MemoryFlag.MAXIMUM.bit());
        } catch (VirtException e) {
            throw new CommandFailure("Unable to change MaxMemorySize", e);
        }
    }

    static void dommemstat(Invocation call) throws CommandFailure, Invocation.ConnectFailure, VirtException {
        ParsedArgs a = call.args();
        int flags = impact(a);
        Domain d = call.domain();
        if (a.value("period").isPresent()) {
            String text = a.value("period").get();
            int period;
            try {
                period = Integer.parseInt(text);
            } catch (NumberFormatException e) {
                throw new CommandFailure("Numeric value '" + text + "' for <period> option is malformed or out of "
                        + "range", null);
            }
            if (period < 0) {
                throw new CommandFailure("Invalid collection period value '" + period + "'", null);
            }
            // no option on a running domain: its balloon now (virsh's own choice)
            if (flags == 0 && !a.flag("current") && d.isActive()) {
                flags = ModificationFlag.LIVE.bit();
            }
            try {
                d.setMemoryStatsPeriod(period, flags);
            } catch (VirtException e) {
                throw new CommandFailure("Unable to change balloon collection period.", e);
            }
            return; // virsh prints no statistics after setting the period
        }
        List<MemoryStat> stats;
        try {
            stats = d.memoryStats(0);
        } catch (VirtException e) {
            throw new CommandFailure("Failed to get memory statistics for domain " + d.name(), e);
        }
        StringBuilder sb = new StringBuilder();
        for (MemoryStat s : stats) {
            sb.append(s.tag().label()).append(' ').append(Long.toUnsignedString(s.value())).append('\n');
        }
        call.print(sb.toString());
    }

    static void setvcpus(Invocation call) throws CommandFailure, Invocation.ConnectFailure, VirtException {
        ParsedArgs a = call.args();
        int flags = impact(a);
        exclusive(a, "guest", "config");
        if (a.flag("maximum") && !a.flag("config")) {
            throw new CommandFailure("Option --config is required by option --maximum", null);
        }
        flags |= (a.flag("guest") ? VcpuFlag.GUEST.bit() : 0) | (a.flag("maximum") ? VcpuFlag.MAXIMUM.bit() : 0)
                | (a.flag("hotpluggable") ? VcpuFlag.HOTPLUGGABLE.bit() : 0);
        Domain d = call.domain();
        String text = a.required("count");
        int count;
        try {
            count = Integer.parseUnsignedInt(text);
        } catch (NumberFormatException e) {
            throw new CommandFailure("Numeric value '" + text + "' for <count> option is malformed or out of range",
                    null);
        }
        if (count == 0) {
            throw new CommandFailure("Can't set 0 processors for a VM", null);
        }
        // without options virsh calls virDomainSetVcpus, which the drivers apply to the live guest
        d.setVcpus(count, flags != 0 || a.flag("current") ? flags : ModificationFlag.LIVE.bit());
    }

    static void vcpucount(Invocation call) throws CommandFailure, Invocation.ConnectFailure, VirtException {
        ParsedArgs a = call.args();
        exclusive(a, "current", "live");
        exclusive(a, "current", "config");
        exclusive(a, "active", "maximum");
        exclusive(a, "guest", "config");
        Domain d = call.domain();
        boolean all = !a.flag("maximum") && !a.flag("active") && !a.flag("current") && !a.flag("config")
                && !a.flag("live") && !a.flag("guest");
        if (all) {
            int max = VcpuFlag.MAXIMUM.bit();
            int live = ModificationFlag.LIVE.bit();
            int config = ModificationFlag.CONFIG.bit();
            int confMax = collect(d, config | max);
            int confCur = collect(d, config);
            int liveMax = collect(d, live | max);
            int liveCur = collect(d, live);
            call.print(row("maximum", "config", confMax) + row("maximum", "live", liveMax)
                    + row("current", "config", confCur) + row("current", "live", liveCur));
            return;
        }
        int flags = (a.flag("live") ? ModificationFlag.LIVE.bit() : 0)
                | (a.flag("config") ? ModificationFlag.CONFIG.bit() : 0)
                | (a.flag("maximum") ? VcpuFlag.MAXIMUM.bit() : 0) | (a.flag("guest") ? VcpuFlag.GUEST.bit() : 0);
        if ((flags & (ModificationFlag.LIVE.bit() | ModificationFlag.CONFIG.bit())) == 0 && d.isActive()) {
            flags |= ModificationFlag.LIVE.bit();
        }
        try {
            call.print(d.vcpusCount(flags) + "\n");
        } catch (VirtException e) {
            throw new CommandFailure(a.flag("guest") ? "Failed to retrieve vCPU count from the guest" : null, e);
        }
    }

    /** virshCPUCountCollect for the table: -1 (not printed) for what the domain's state rules out. */
    private static int collect(Domain d, int flags) throws VirtException {
        if ((flags & ModificationFlag.LIVE.bit()) != 0 && !d.isActive()
                || (flags & ModificationFlag.CONFIG.bit()) != 0 && !d.isPersistent()) {
            return -1;
        }
        return d.vcpusCount(flags);
    }

    private static String row(String which, String state, int count) {
        return count > 0 ? String.format("%-12s %-12s %3d\n", which, state, count) : "";
    }
}
