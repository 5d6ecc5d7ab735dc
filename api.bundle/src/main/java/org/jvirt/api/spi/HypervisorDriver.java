package org.jvirt.api.spi;

import java.util.Optional;

import org.jvirt.api.ConnectAuth;
import org.jvirt.api.ConnectUri;
import org.jvirt.api.VirtException;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * A hypervisor driver: the OSGi service every driver bundle registers, with the URI schemes it
 * serves in the service property {@link #SCHEMES} (write it with {@link DriverSchemes}).
 * libvirt's {@code virConnectDriver}.
 * <p>
 * Opening has libvirt's three outcomes: the driver declines (an empty optional: not its URI, the
 * core tries the next driver), fails (a {@link VirtException}: its URI, but an error) or connects.
 */
@ConsumerType
public interface HypervisorDriver {

    /**
     * Service property: the URI schemes ({@code String[]}) this driver serves. A local URI is routed
     * by its driver part ({@code test:///default} to drivers serving {@code test}); a URI naming a
     * transport ({@code qemu+tcp://h/system}, {@code qemu+unix:///system?socket=...}) goes to the
     * drivers serving {@link #REMOTE_SCHEME}; a URI naming a host but no transport
     * ({@code esx://h/}, {@code qemu://h/system}) goes first to the drivers of its scheme, which
     * decline it unless they reach hosts themselves, then to {@link #REMOTE_SCHEME}, as libvirt
     * tries its drivers before the remote one. Drivers of local hypervisors decline host URIs.
     */
    String SCHEMES = "jvirt.driver.schemes";

    /** The scheme a driver registers to serve remote URIs (those with a transport or a host). */
    String REMOTE_SCHEME = "remote";

    /**
     * The driver's name, libvirt's {@code virConnectDriver} name ({@code Test}, {@code QEMU}).
     * What {@code virConnectGetType} answers is {@link DriverConnection#type()} ({@code TEST}).
     */
    String name();

    /**
     * Opens a connection for {@code uri}.
     *
     * @param flags a mask of {@link org.jvirt.api.OpenFlag}
     * @return the connection, or empty when the driver declines the URI
     */
    Optional<DriverConnection> open(ConnectUri uri, int flags) throws VirtException;

    /**
     * Opens a connection for {@code uri} with the caller's credentials callback
     * ({@code virConnectOpenAuth}); the core calls this one. Drivers that need no credentials keep
     * the default, which ignores {@code auth}.
     *
     * @param auth the callback, or null when the caller gave none
     */
    default Optional<DriverConnection> open(ConnectUri uri, ConnectAuth auth, int flags) throws VirtException {
        return open(uri, flags);
    }
}
