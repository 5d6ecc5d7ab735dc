package org.jvirt.secret.internal;

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
 * {@code secret:///system} ({@code secret:///session} for other users): a connection to the secrets
 * alone, as libvirt's secret driver offers to its modular daemon. It has no domains; its secret
 * calls go to the shared {@code SecretDriver} like every local driver's.
 */
@Component(service = HypervisorDriver.class)
@DriverSchemes({"secret"})
public final class SecretHypervisorDriver implements HypervisorDriver {
    static final String NAME = "secret";

    private final boolean privileged;

    public SecretHypervisorDriver() {
        this(HostDirectories.isRoot());
    }

    /** For tests: as root ({@code secret:///system}) or not ({@code secret:///session}). */
    SecretHypervisorDriver(boolean privileged) {
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
        SecretService.checkFlags(flags, OpenFlag.READ_ONLY.bit(), "secretConnectOpen");
        String expected = privileged ? "/system" : "/session";
        if (!expected.equals(uri.path())) {
            // libvirt's virConnectValidateURIPath
            throw new VirtException(ErrorCode.INTERNAL_ERROR, ErrorDomain.SECRET, "unexpected secret URI path '"
                    + uri.path() + "', try secret://" + expected);
        }
        return Optional.of(new SecretsOnlyConnection());
    }
}
