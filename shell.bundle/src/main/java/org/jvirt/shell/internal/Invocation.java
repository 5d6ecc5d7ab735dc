package org.jvirt.shell.internal;

import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;

import org.jvirt.api.Connection;
import org.jvirt.api.ConnectionFactory;
import org.jvirt.api.Domain;
import org.jvirt.api.VirtException;

/**
 * One run of a command: its parsed arguments, the connection (opened on first use, closed by the
 * runner) and the text it prints.
 */
public final class Invocation implements AutoCloseable {

    /** How virsh may look a domain up ({@code VIRSH_BYID}, {@code _BYUUID}, {@code _BYNAME}). */
    public enum LookupBy { ID, UUID, NAME }

    /** Thrown when the connection cannot be opened: virsh stops before the command runs. */
    public static final class ConnectFailure extends Exception {
        private static final long serialVersionUID = 1L;

        ConnectFailure(VirtException cause) {
            super(cause.getMessage(), cause);
        }
    }

    private final ConnectionFactory factory;
    private final ParsedArgs args;
    private final StringBuilder out = new StringBuilder();
    private final StringBuilder warnings = new StringBuilder();
    private Connection connection;

    public Invocation(ConnectionFactory factory, ParsedArgs args) {
        this.factory = factory;
        this.args = args;
    }

    public ParsedArgs args() {
        return args;
    }

    public ConnectionFactory factory() {
        return factory;
    }

    /** Appends to the command's standard output. */
    public Invocation print(String text) {
        out.append(text);
        return this;
    }

    String output() {
        return out.toString();
    }

    /** An {@code error: ...} line virsh prints on stderr while the command goes on (a warning). */
    public Invocation warn(String message) {
        warnings.append("error: ").append(message).append('\n');
        return this;
    }

    String warnings() {
        return warnings.toString();
    }

    public Connection connection() throws ConnectFailure {
        if (connection == null) {
            try {
                connection = factory.open(args.uri(), 0);
            } catch (VirtException e) {
                throw new ConnectFailure(e);
            }
        }
        return connection;
    }

    /** The domain named by the {@code domain} option, looked up by every way virsh tries. */
    public Domain domain() throws ConnectFailure, CommandFailure {
        return domain(EnumSet.allOf(LookupBy.class));
    }

    /**
     * virsh's {@code virshLookupDomainBy}: a non-negative number is tried as an ID, a 36-character
     * string as a UUID, then the name. A miss prints only virsh's line: libvirt's error is reset.
     */
    public Domain domain(Set<LookupBy> by) throws ConnectFailure, CommandFailure {
        String text = args.required("domain");
        Connection conn = connection();
        Domain found = null;
        if (by.contains(LookupBy.ID)) {
            found = attempt(() -> {
                int id = Integer.parseInt(text);
                return id >= 0 ? conn.lookupById(id) : null;
            });
        }
        if (found == null && by.contains(LookupBy.UUID) && text.length() == 36) {
            found = attempt(() -> conn.lookupByUuid(UUID.fromString(text)));
        }
        if (found == null && by.contains(LookupBy.NAME)) {
            found = attempt(() -> conn.lookupByName(text));
        }
        if (found == null) {
            throw new CommandFailure("failed to get domain '" + text + "'", null);
        }
        return found;
    }

    private interface Lookup {
        Domain find() throws VirtException;
    }

    private static Domain attempt(Lookup lookup) {
        try {
            return lookup.find();
        } catch (VirtException | IllegalArgumentException e) {
            return null; // the next way is tried; virsh reports only its own line at the end
        }
    }

    @Override
    public void close() {
        if (connection != null) {
            connection.close();
        }
    }
}
