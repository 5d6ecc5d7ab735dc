package org.jvirt.core.internal;

import static org.jvirt.core.internal.DomainCalls.UNKNOWN;

import java.util.List;

import org.jvirt.api.DomainInterface;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.InterfaceAddressSource;
import org.jvirt.api.NamespaceCommandResult;
import org.jvirt.api.NamespaceDescriptors;
import org.jvirt.api.VirtException;

/**
 * The entry points of a {@link DomainFacade} that reach into the running guest (its interface
 * addresses, its namespaces, its processes), with the checks libvirt's {@code libvirt-domain.c} and
 * {@code libvirt-lxc.c} make before they call the driver.
 */
final class DomainGuestCalls {
    private final ConnectionFacade connection;
    private final DomainCalls calls;

    DomainGuestCalls(ConnectionFacade connection, DomainCalls calls) {
        this.connection = connection;
        this.calls = calls;
    }

    List<DomainInterface> interfaceAddresses(int source, int flags) throws VirtException {
        String fn = "virDomainInterfaceAddresses";
        if (source == InterfaceAddressSource.AGENT.value()) {
            // libvirt: the guest agent runs commands in the guest, so a read-only connection may not ask it
            connection.checkWritable(fn, ErrorDomain.DOMAIN);
        }
        return calls.read(fn, b -> b.connection().interfaceAddresses(calls.ref(b), source, flags));
    }

    NamespaceCommandResult lxcEnterNamespace(List<String> command, int flags) throws VirtException {
        String fn = "virDomainLxcOpenNamespace";
        connection.checkOpen(fn, ErrorDomain.DOMAIN);
        Checks.notNull(command, "command", fn, ErrorDomain.DOMAIN);
        if (command.isEmpty()) {
            throw Checks.invalidArg("command in " + fn + " must not be empty", ErrorDomain.DOMAIN);
        }
        connection.checkWritable(fn, ErrorDomain.DOMAIN);
        return connection.call(fn, b -> b.connection().lxcEnterNamespace(calls.ref(b), List.copyOf(command), flags));
    }

    NamespaceDescriptors lxcOpenNamespace(int flags) throws VirtException {
        String fn = "virDomainLxcOpenNamespace";
        connection.checkOpen(fn, ErrorDomain.DOMAIN);
        // libvirt-lxc.c's virCheckReadOnlyGoto (VIR_FROM_NONE): the descriptors give root in the container
        connection.checkWritable(fn, ErrorDomain.NONE);
        return connection.call(fn, b -> b.connection().lxcOpenNamespace(calls.ref(b), flags));
    }

    void sendProcessSignal(long pid, int signum, int flags) throws VirtException {
        String fn = "virDomainSendProcessSignal";
        connection.checkOpen(fn, ErrorDomain.DOMAIN);
        if (pid == 0) {
            throw Checks.invalidArg("pid_value in " + fn + " must not be zero", ErrorDomain.DOMAIN);
        }
        // a signal delivered before a driver swap must not be sent twice: never repeated (UNKNOWN)
        calls.write(fn, b -> b.connection().sendProcessSignal(calls.ref(b), pid, signum, flags), UNKNOWN);
    }
}
