package org.jvirt.shell.internal;

import static org.jvirt.shell.internal.CommandSpec.Option.flag;

import java.util.EnumSet;

import org.apache.felix.service.command.Descriptor;
import org.jvirt.api.ConnectionFactory;
import org.jvirt.api.CreateFlag;
import org.jvirt.api.Domain;
import org.jvirt.api.VirtException;
import org.jvirt.shell.internal.Invocation.LookupBy;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code virt:start}, {@code destroy}, {@code shutdown}, {@code reboot}, {@code reset}, {@code suspend} and
 * {@code resume}, with virsh's messages. Like virsh, the messages name the domain as the user
 * wrote it ({@code Domain '1' destroyed}), except {@code start}, which uses the domain's name.
 */
@Component(service = LifecycleCommands.class, property = {Scope.PROPERTY,
        "osgi.command.function=start", "osgi.command.function=destroy",
        "osgi.command.function=shutdown", "osgi.command.function=reboot", "osgi.command.function=reset",
        "osgi.command.function=suspend", "osgi.command.function=resume"})
public final class LifecycleCommands {

    static final CommandSpec START = CommandSpec.onDomain("start", flag("paused"), flag("autodestroy"),
            flag("bypass-cache"), flag("force-boot"), flag("reset-nvram"));
    static final CommandSpec DESTROY = CommandSpec.onDomain("destroy", flag("graceful"));
    static final CommandSpec SHUTDOWN = CommandSpec.onDomain("shutdown");
    static final CommandSpec REBOOT = CommandSpec.onDomain("reboot");
    static final CommandSpec RESET = CommandSpec.onDomain("reset");
    static final CommandSpec SUSPEND = CommandSpec.onDomain("suspend");
    static final CommandSpec RESUME = CommandSpec.onDomain("resume");

    /** libvirt's {@code VIR_DOMAIN_DESTROY_GRACEFUL}. */
    static final int DESTROY_GRACEFUL = 1;

    private final CommandRunner runner;

    @Activate
    public LifecycleCommands(@Reference ConnectionFactory factory) {
        this.runner = new CommandRunner(factory);
    }

    @Descriptor("start a (previously defined) inactive domain: [-c URI] <domain> [--paused]")
    public void start(String... args) {
        runner.run(START, args, LifecycleCommands::start, System.out, System.err);
    }

    @Descriptor("destroy (stop) a domain: [-c URI] <domain> [--graceful]")
    public void destroy(String... args) {
        runner.run(DESTROY, args, call -> act(call, "destroy", "destroyed",
                d -> d.destroy(call.args().flag("graceful") ? DESTROY_GRACEFUL : 0)), System.out, System.err);
    }

    @Descriptor("gracefully shutdown a domain: [-c URI] <domain>")
    public void shutdown(String... args) {
        runner.run(SHUTDOWN, args, call -> act(call, "shutdown", "is being shutdown", d -> d.shutdown(0)),
                System.out, System.err);
    }

    @Descriptor("reboot a domain: [-c URI] <domain>")
    public void reboot(String... args) {
        runner.run(REBOOT, args, call -> act(call, "reboot", "is being rebooted", d -> d.reboot(0)),
                System.out, System.err);
    }

    @Descriptor("reset a domain: [-c URI] <domain>")
    public void reset(String... args) {
        runner.run(RESET, args, LifecycleCommands::reset, System.out, System.err);
    }

    /** virsh's {@code cmdReset}: {@code Domain 'x' was reset}. */
    static void reset(Invocation call) throws CommandFailure, Invocation.ConnectFailure {
        act(call, "reset", "was reset", d -> d.reset(0));
    }

    @Descriptor("suspend a domain: [-c URI] <domain>")
    public void suspend(String... args) {
        runner.run(SUSPEND, args, call -> act(call, "suspend", "suspended", Domain::suspend),
                System.out, System.err);
    }

    @Descriptor("resume a domain: [-c URI] <domain>")
    public void resume(String... args) {
        runner.run(RESUME, args, call -> act(call, "resume", "resumed", Domain::resume),
                System.out, System.err);
    }

    /** virsh's {@code cmdStart}: by name or UUID only, and refused early for a running domain. */
    static void start(Invocation call) throws CommandFailure, Invocation.ConnectFailure, VirtException {
        Domain d = call.domain(EnumSet.of(LookupBy.NAME, LookupBy.UUID));
        if (d.id() != -1) {
            throw new CommandFailure("Domain is already active", null);
        }
        ParsedArgs args = call.args();
        int flags = 0;
        flags |= args.flag("paused") ? CreateFlag.START_PAUSED.bit() : 0;
        flags |= args.flag("autodestroy") ? CreateFlag.START_AUTODESTROY.bit() : 0;
        flags |= args.flag("bypass-cache") ? CreateFlag.START_BYPASS_CACHE.bit() : 0;
        flags |= args.flag("force-boot") ? CreateFlag.START_FORCE_BOOT.bit() : 0;
        flags |= args.flag("reset-nvram") ? CreateFlag.START_RESET_NVRAM.bit() : 0;
        try {
            d.create(flags);
        } catch (VirtException e) {
            throw new CommandFailure("Failed to start domain '" + d.name() + "'", e);
        }
        call.print("Domain '" + d.name() + "' started\n");
    }

    interface DomainAction {
        void apply(Domain d) throws VirtException;
    }

    /** Looks the domain up, acts, prints {@code Domain 'x' <done>} or virsh's failure lines. */
    static void act(Invocation call, String verb, String done, DomainAction action)
            throws CommandFailure, Invocation.ConnectFailure {
        Domain d = call.domain();
        String name = call.args().required("domain");
        try {
            action.apply(d);
        } catch (VirtException e) {
            throw new CommandFailure("Failed to " + verb + " domain '" + name + "'", e);
        }
        call.print("Domain '" + name + "' " + done + "\n");
    }
}
