package org.jvirt.storage.internal;

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
 * {@code storage:///system} ({@code storage:///session} for other users): a connection to the storage pools
 * alone, as libvirt's storage driver offers to its modular daemon. It has no domains; its storage
 * calls go to the shared {@code StorageDriver} like every local driver's.
 */
@Component(service = HypervisorDriver.class)
@DriverSchemes({"storage"})
public final class StorageHypervisorDriver implements HypervisorDriver {
    static final String NAME = "storage";

    private final boolean privileged;

    public StorageHypervisorDriver() {
        this(HostDirectories.isRoot());
    }

    /** For tests: as root ({@code storage:///system}) or not ({@code storage:///session}). */
    StorageHypervisorDriver(boolean privileged) {
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
        StorageService.checkFlags(flags, OpenFlag.READ_ONLY.bit(), "storageConnectOpen");
        String expected = privileged ? "/system" : "/session";
        if (!expected.equals(uri.path())) {
            // libvirt's virConnectValidateURIPath
            throw new VirtException(ErrorCode.INTERNAL_ERROR, ErrorDomain.STORAGE, "unexpected storage URI path '"
                    + uri.path() + "', try storage://" + expected);
        }
        return Optional.of(new StorageOnlyConnection());
    }
}
