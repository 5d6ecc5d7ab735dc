package org.jvirt.api;

import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Open file descriptors of a running container's namespaces, libvirt's {@code fdlist} of
 * {@code virDomainLxcOpenNamespace}: what a process needs to setns(2) into the container (a Java
 * process cannot itself; the RPC server passes them to its client over the UNIX socket). The
 * holder owns them until {@link #close}. Thread-safe.
 */
@ProviderType
public interface NamespaceDescriptors extends AutoCloseable {

    /**
     * The descriptor numbers of this process, in libvirt's order of the namespaces that could be
     * opened: {@code user}, {@code ipc}, {@code mnt}, {@code net}, {@code pid}, {@code uts}. Valid
     * until {@link #close}.
     */
    List<Integer> descriptors();

    /** The namespace kinds of {@link #descriptors()}, in the same order ({@code "ipc"}, {@code "mnt"}, ...). */
    List<String> kinds();

    /** Closes every descriptor; idempotent. */
    @Override
    void close();
}
