package org.jvirt.rpc.internal.dispatch;

import static org.jvirt.rpc.internal.dispatch.Access.WRITE;
import static org.jvirt.rpc.internal.dispatch.Wire.domain;

import org.jvirt.api.Domain;
import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.NamespaceDescriptors;
import org.jvirt.api.VirtException;
import org.jvirt.rpc.internal.wire.Programs;
import org.jvirt.rpc.internal.xdr.XdrException;
import org.jvirt.rpc.internal.xdr.XdrReader;

/**
 * libvirt's LXC program ({@code lxc_protocol.x}, {@link Programs#LXC}): its one procedure opens
 * the namespaces of a container's init and returns them as file descriptors passed with the
 * reply (libvirtd's {@code lxcDispatchDomainOpenNamespace}); the reply's payload is empty.
 * {@code virsh lxc-enter-namespace} forks a child that setns(2)s into them.
 */
final class LxcProcedures {
    private LxcProcedures() {
    }

    /** The procedures of the LXC program. */
    static ProcedureTable table() {
        return new ProcedureTable().add(Programs.LXC_PROC_DOMAIN_OPEN_NAMESPACE, "virDomainLxcOpenNamespace", WRITE,
                ErrorDomain.NONE, (c, a, r) -> {
                    Domain d = domain(c, a);
                    int flags = a.readInt();
                    if (!c.passesDescriptors()) {
                        // virNetSocketSendFD's refusal, before anything is opened
                        throw new VirtException(ErrorCode.CONFIG_UNSUPPORTED, ErrorDomain.RPC,
                                "Sending file descriptors is not supported on this socket");
                    }
                    NamespaceDescriptors fds = d.lxcOpenNamespace(flags);
                    c.attachDescriptors(fds);
                });
    }

    /** Decodes a call's arguments ({@code lxc_domain_open_namespace_args}) as libvirtd does before it runs it. */
    static void decodeArgs(int proc, XdrReader args) throws XdrException {
        if (proc == Programs.LXC_PROC_DOMAIN_OPEN_NAMESPACE) {
            XdrArg.DOMAIN.skip(args);
            XdrArg.INT.skip(args);
        }
    }
}
