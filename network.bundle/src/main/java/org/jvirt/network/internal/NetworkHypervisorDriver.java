package org.jvirt.network.internal;

import java.util.Optional;

import org.jvirt.api.ConnectUri;
import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.OpenFlag;
import org.jvirt.api.VirtException;
import org.jvirt.api.spi.DriverConnection;
import org.jvirt.api.spi.DriverSchemes;
import org.jvirt.api.spi.HostDirectories;
import org.jvirt.api.spi.HypervisorDriver;
import org.osgi.service.component.annotations.Component;

/**
 * {@code network:///system} ({@code network:///session} for other users): a connection to the
 * networks alone, as libvirt's network driver offers to its modular daemon (virtnetworkd). It has no
 * domains; its network calls go to the shared {@code NetworkDriver} like every local driver's.
 */
@Component(service = HypervisorDriver.class)
@DriverSchemes({"network"})
public final class NetworkHypervisorDriver implements HypervisorDriver {
    static final String NAME = "network";

    private final boolean privileged;

    public NetworkHypervisorDriver() {
        this(HostDirectories.isRoot());
    }

    /** For tests: as root ({@code network:///system}) or not ({@code network:///session}). */
    public NetworkHypervisorDriver(boolean privileged) {
        this.privileged = privileged;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Optional<DriverConnection> open(ConnectUri uri, int flags) throws VirtException {
        if (!NAME.equals(uri.driver()) || uri.isRemote()) {
            return Optional.empty();
        }
        NetworkService.checkFlags(flags, OpenFlag.READ_ONLY.bit(), "networkConnectOpen");
        String expected = privileged ? "/system" : "/session";
        if (!expected.equals(uri.path())) {
            // libvirt's virConnectValidateURIPath
            throw new VirtException(ErrorCode.INTERNAL_ERROR, ErrorDomain.NETWORK, "unexpected network URI path '"
                    + uri.path() + "', try network://" + expected);
        }
        return Optional.of(new NetworksOnlyConnection());
    }
}
