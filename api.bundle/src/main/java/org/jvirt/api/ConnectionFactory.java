package org.jvirt.api;

import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The jvirt core, registered as an OSGi service: opens connections by libvirt URI
 * ({@code virConnectOpen}). For each URI it picks, among the registered hypervisor drivers that
 * serve the URI's scheme, the one with the highest service ranking that accepts the URI. URIs
 * naming a transport or a host go to the drivers registering
 * {@link org.jvirt.api.spi.HypervisorDriver#REMOTE_SCHEME}.
 * <p>
 * The connections it opens belong to the service: when the service is unregistered (the core is
 * stopped or updated) they are closed. A consumer that must keep connections across an update of
 * the core binds this service dynamically and opens them again on the replacement.
 */
@ProviderType
public interface ConnectionFactory {

    /** The URI opened when none is given. */
    String DEFAULT_URI = "test:///default";

    /**
     * Opens a connection.
     *
     * @param uri   a libvirt URI, or null for {@link #DEFAULT_URI}
     * @param flags a mask of {@link OpenFlag}
     * @throws VirtException {@link ErrorCode#INVALID_ARG} for a malformed URI,
     *                       {@link ErrorCode#NO_CONNECT} when no driver serves it
     */
    Connection open(String uri, int flags) throws VirtException;

    /**
     * Opens a connection with a credentials callback ({@code virConnectOpenAuth}), for drivers
     * that log in to a remote system. The default opens without it.
     *
     * @param auth the callback, or null for none
     * @see #open(String, int)
     */
    default Connection open(String uri, ConnectAuth auth, int flags) throws VirtException {
        return open(uri, flags);
    }

    /** The drivers registered now, highest ranking first within a scheme. */
    List<DriverInfo> drivers();
}
