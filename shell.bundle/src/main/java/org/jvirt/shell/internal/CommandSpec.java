package org.jvirt.shell.internal;

import java.util.List;
import java.util.Optional;

/**
 * The options one virsh command takes, as virsh's {@code vshCmdOptDef} tables declare them.
 *
 * @param name    the command name ({@code dominfo})
 * @param options its options in virsh's order; positional ones are filled in this order
 */
public record CommandSpec(String name, List<Option> options) {

    /** What an option holds. */
    public enum Kind { BOOL, STRING }

    /**
     * @param name       the option name without dashes ({@code domain})
     * @param kind       a flag or a value
     * @param positional whether a bare word may give its value ({@code dominfo test})
     * @param required   whether the command fails without it
     */
    public record Option(String name, Kind kind, boolean positional, boolean required) {
        public static Option flag(String name) {
            return new Option(name, Kind.BOOL, false, false);
        }

        public static Option value(String name) {
            return new Option(name, Kind.STRING, false, false);
        }

        /** A required value that may be given as a bare word: virsh's {@code VSH_OT_DATA}. */
        public static Option data(String name) {
            return new Option(name, Kind.STRING, true, true);
        }
    }

    public CommandSpec {
        options = List.copyOf(options);
    }

    public static CommandSpec of(String name, Option... options) {
        return new CommandSpec(name, List.of(options));
    }

    /** A command acting on one domain: {@code <domain>} first, then {@code more}. */
    public static CommandSpec onDomain(String name, Option... more) {
        Option[] all = new Option[more.length + 1];
        all[0] = Option.data("domain");
        System.arraycopy(more, 0, all, 1, more.length);
        return of(name, all);
    }

    Optional<Option> option(String optionName) {
        return options.stream().filter(o -> o.name().equals(optionName)).findFirst();
    }
}
