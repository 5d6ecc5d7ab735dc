package org.jvirt.shell.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jvirt.shell.internal.CommandSpec.Kind;
import org.jvirt.shell.internal.CommandSpec.Option;

/**
 * A command line parsed the way virsh parses one ({@code vshCommandParse}): {@code --name},
 * {@code --name value}, {@code --name=value}, bare words for positional options, and the error
 * texts virsh prints. Added for the shell: virsh's global {@code -c URI} / {@code --connect URI},
 * accepted anywhere on the line.
 */
public final class ParsedArgs {
    private final CommandSpec spec;
    private final String uri;
    private final Map<String, String> values;

    private ParsedArgs(CommandSpec spec, String uri, Map<String, String> values) {
        this.spec = spec;
        this.uri = uri;
        this.values = values;
    }

    /**
     * @param defaultUri the URI when the line has no {@code -c}
     * @throws UsageException with virsh's message ({@code command 'list' doesn't support option --x})
     */
    public static ParsedArgs parse(CommandSpec spec, String defaultUri, String... args) throws UsageException {
        String uri = null;
        Map<String, String> values = new HashMap<>();
        List<String> words = args == null ? List.of() : List.of(args);
        for (int i = 0; i < words.size(); i++) {
            String word = String.valueOf(words.get(i));
            if (word.equals("-c") || word.equals("--connect")) {
                if (i + 1 >= words.size()) {
                    throw new UsageException("option '" + word + "' requires an argument");
                }
                uri = words.get(++i);
            } else if (word.startsWith("--connect=")) {
                uri = word.substring("--connect=".length());
            } else if (word.startsWith("--") && word.length() > 2) {
                i = parseOption(spec, words, i, values);
            } else {
                Option target = spec.options().stream()
                        .filter(o -> o.positional() && !values.containsKey(o.name()))
                        .findFirst()
                        .orElseThrow(() -> new UsageException("unexpected data '" + word + "'"));
                values.put(target.name(), word);
            }
        }
        for (Option o : spec.options()) {
            if (o.required() && !values.containsKey(o.name())) {
                throw new UsageException(o.positional()
                        ? "command '" + spec.name() + "' requires <" + o.name() + "> option"
                        : "command '" + spec.name() + "' requires --" + o.name() + " option");
            }
        }
        return new ParsedArgs(spec, uri == null ? defaultUri : uri, values);
    }

    /** Parses the option at {@code i}; returns the index of the last word it used. */
    private static int parseOption(CommandSpec spec, List<String> words, int i, Map<String, String> values)
            throws UsageException {
        String text = words.get(i).substring(2);
        String inline = null;
        int eq = text.indexOf('=');
        if (eq >= 0) {
            inline = text.substring(eq + 1);
            text = text.substring(0, eq);
        }
        String name = text;
        Option option = spec.option(name).orElseThrow(() -> new UsageException(
                "command '" + spec.name() + "' doesn't support option --" + name));
        if (values.containsKey(name)) {
            throw new UsageException("option --" + name + " already seen");
        }
        if (option.kind() == Kind.BOOL) {
            if (inline != null) {
                throw new UsageException("invalid '=' after option --" + name);
            }
            values.put(name, "");
            return i;
        }
        if (inline != null) {
            values.put(name, inline);
            return i;
        }
        if (i + 1 >= words.size()) {
            throw new UsageException("expected syntax: --" + name + " <string>");
        }
        values.put(name, words.get(i + 1));
        return i + 1;
    }

    public CommandSpec spec() {
        return spec;
    }

    /** The connection URI: {@code -c}'s value or the default. */
    public String uri() {
        return uri;
    }

    public boolean flag(String name) {
        return values.containsKey(name);
    }

    public Optional<String> value(String name) {
        return Optional.ofNullable(values.get(name));
    }

    /** A required option's value (the parser has checked it is there). */
    public String required(String name) {
        String v = values.get(name);
        if (v == null) {
            throw new IllegalStateException("option " + name + " is not required by " + spec.name());
        }
        return v;
    }

    @Override
    public String toString() {
        return spec.name() + " " + new ArrayList<>(values.entrySet()) + " on " + uri;
    }
}
