package org.jvirt.shell.internal;

import static org.jvirt.shell.internal.CommandSpec.Option.flag;
import static org.jvirt.shell.internal.CommandSpec.Option.value;

import java.util.ArrayList;
import java.util.List;

import org.apache.felix.service.command.Descriptor;
import org.jvirt.api.ConnectionFactory;
import org.jvirt.api.Domain;
import org.jvirt.api.KeycodeSet;
import org.jvirt.api.Keycodes;
import org.jvirt.api.VirtException;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code virt:managedsave}, {@code virt:managedsave-remove} and {@code virt:send-key}, with virsh's
 * options, messages and failures (tools/virsh-domain.c: cmdManagedSave, cmdManagedSaveRemove,
 * cmdSendKey).
 */
@Component(service = SaveKeyCommands.class, property = {Scope.PROPERTY,
        "osgi.command.function=managedsave", "osgi.command.function=managedsave-remove",
        "osgi.command.function=send-key"})
public final class SaveKeyCommands {
    static final CommandSpec MANAGEDSAVE = CommandSpec.onDomain("managedsave", flag("bypass-cache"),
            flag("running"), flag("paused"), flag("verbose"));
    static final CommandSpec MANAGEDSAVE_REMOVE = CommandSpec.onDomain("managedsave-remove");
    static final CommandSpec SEND_KEY = CommandSpec.onDomain("send-key", value("codeset"), value("holdtime"));

    /** libvirt's VIR_DOMAIN_SAVE_BYPASS_CACHE, VIR_DOMAIN_SAVE_RUNNING, VIR_DOMAIN_SAVE_PAUSED. */
    static final int SAVE_BYPASS_CACHE = 1;
    static final int SAVE_RUNNING = 2;
    static final int SAVE_PAUSED = 4;

    private final CommandRunner runner;

    @Activate
    public SaveKeyCommands(@Reference ConnectionFactory factory) {
        this.runner = new CommandRunner(factory);
    }

    @Descriptor("managed save of a domain state: [-c URI] <domain> [--bypass-cache] [--running|--paused]")
    public void managedsave(String... args) {
        runner.run(MANAGEDSAVE, args, SaveKeyCommands::managedSave, System.out, System.err);
    }

    @Descriptor("virsh's managedsave-remove [-c URI] <domain> and send-key [-c URI] <domain> [--codeset set]"
            + " [--holdtime ms] <keycode>...: keycodes (integers or KEY_* names of the linux set) pressed together")
    public void _main(String command, String... args) {
        // Gogo cannot name a method with dashes: those function names land here
        if (command.equals(MANAGEDSAVE_REMOVE.name())) {
            runner.run(MANAGEDSAVE_REMOVE, args, SaveKeyCommands::managedSaveRemove, System.out, System.err);
            return;
        }
        List<String> own = new ArrayList<>();
        List<String> keys = new ArrayList<>();
        boolean domainSeen = false;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (List.of("-c", "--connect", "--codeset", "--holdtime", "--domain").contains(a) && i + 1 < args.length) {
                own.add(a);
                own.add(args[++i]);
                domainSeen |= a.equals("--domain");
            } else if (a.startsWith("-") || !domainSeen) {
                own.add(a);
                domainSeen |= !a.startsWith("-");
            } else {
                keys.add(a);
            }
        }
        runner.run(SEND_KEY, own.toArray(String[]::new), call -> sendKey(call, keys), System.out, System.err);
    }

    /** virsh's cmdManagedSave: {@code Domain 'x' state saved by libvirt} after an empty line. */
    static void managedSave(Invocation call) throws CommandFailure, Invocation.ConnectFailure {
        Domain d = call.domain();
        ParsedArgs args = call.args();
        if (args.flag("running") && args.flag("paused")) {
            throw new CommandFailure("Options --running and --paused are mutually exclusive", null);
        }
        int flags = (args.flag("bypass-cache") ? SAVE_BYPASS_CACHE : 0) | (args.flag("running") ? SAVE_RUNNING : 0)
                | (args.flag("paused") ? SAVE_PAUSED : 0);
        String name = args.required("domain");
        try {
            d.managedSave(flags);
        } catch (VirtException e) {
            throw new CommandFailure("Failed to save domain '" + name + "' state", e);
        }
        call.print("\nDomain '" + name + "' state saved by libvirt\n");
    }

    /** virsh's cmdManagedSaveRemove: asks first, removes only an image that exists. */
    static void managedSaveRemove(Invocation call) throws CommandFailure, Invocation.ConnectFailure {
        Domain d = call.domain();
        String name = call.args().required("domain");
        boolean has;
        try {
            has = d.hasManagedSaveImage(0);
        } catch (VirtException e) {
            throw new CommandFailure("Failed to check for domain managed save image", e);
        }
        if (!has) {
            call.print("Domain '" + name + "' has no manage save image; removal skipped\n");
            return;
        }
        try {
            d.managedSaveRemove(0);
        } catch (VirtException e) {
            throw new CommandFailure("Failed to remove managed save image for domain '" + name + "'", e);
        }
        call.print("Removed managedsave image for domain '" + name + "'\n");
    }

    /**
     * virsh's cmdSendKey: the codeset by name ({@code linux} by default), each keycode a number
     * (decimal, 0x hex or 0 octal) or a name of the set; at most 16; nothing printed on success.
     */
    static void sendKey(Invocation call, List<String> keys) throws CommandFailure, Invocation.ConnectFailure,
            VirtException {
        ParsedArgs args = call.args();
        String setName = args.value("codeset").orElse("linux");
        KeycodeSet set = KeycodeSet.named(setName);
        if (set == null) {
            throw new CommandFailure("unknown codeset: '" + setName + "'", null);
        }
        int holdtime;
        try {
            // virsh reads it as an unsigned int
            holdtime = Integer.parseInt(args.value("holdtime").orElse("0"));
            if (holdtime < 0) {
                throw new NumberFormatException();
            }
        } catch (NumberFormatException e) {
            throw new CommandFailure("Numeric value '" + args.value("holdtime").orElse("")
                    + "' for <holdtime> option is malformed or out of range", null);
        }
        if (keys.size() > Domain.SEND_KEY_MAX_KEYS) {
            throw new CommandFailure("too many keycodes", null);
        }
        int[] codes = new int[keys.size()];
        for (int i = 0; i < codes.length; i++) {
            codes[i] = keycode(set, keys.get(i));
        }
        Domain d = call.domain();
        d.sendKey(set.value(), holdtime, codes, 0);
    }

    /** virsh's virshKeyCodeGetInt, then virKeycodeValueFromString (names: the linux set's KEY_*). */
    private static int keycode(KeycodeSet set, String text) throws CommandFailure {
        try {
            int v = Integer.decode(text);
            if (v >= 0 && v <= 0xffff) {
                return v;
            }
        } catch (NumberFormatException e) {
            int linux = Keycodes.linuxCode(text);
            int v = linux < 0 ? -1 : Keycodes.translate(KeycodeSet.LINUX, set, linux);
            if (v >= 0) {
                return v;
            }
        }
        throw new CommandFailure("invalid keycode: '" + text + "'", null);
    }
}
