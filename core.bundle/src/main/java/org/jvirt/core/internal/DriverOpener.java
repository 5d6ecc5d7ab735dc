package org.jvirt.core.internal;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import org.jvirt.api.ConnectAuth;
import org.jvirt.api.ConnectUri;
import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.VirtException;
import org.jvirt.api.spi.DriverConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens a URI on the best driver that accepts it, with libvirt's three outcomes: a driver that
 * declines (empty optional) passes the URI on to the next candidate; one that fails ends the
 * search with its error; one that connects wins.
 */
final class DriverOpener {
    private static final Logger LOG = LoggerFactory.getLogger(DriverOpener.class);

    private final DriverRegistry registry;

    DriverOpener(DriverRegistry registry) {
        this.registry = registry;
    }

    /**
     * Tries the current candidates once, best first.
     *
     * @param auth the caller's credentials callback, or null
     *
     * @return the driver connection with its entry (generation 0), or empty when there is no
     *         candidate or all declined
     * @throws VirtException the error of the first driver that failed
     */
    Optional<Binding> tryOpen(ConnectUri uri, ConnectAuth auth, int flags) throws VirtException {
        for (DriverEntry entry : registry.candidates(uri)) {
            Optional<DriverConnection> opened;
            try {
                opened = entry.driver().open(uri, auth, flags);
            } catch (RuntimeException | Error e) {
                if (!registry.isRegistered(entry)) {
                    // The driver went away while opening: as if it had declined.
                    LOG.debug("driver {} went away while opening {}", entry.describe(), uri, e);
                    continue;
                }
                LOG.warn("driver {} failed to open {}", entry.describe(), uri, e);
                throw new VirtException(ErrorCode.INTERNAL_ERROR, ErrorDomain.NONE,
                        "driver " + entry.name() + " failed to open " + uri + ": " + e, e);
            }
            if (opened != null && opened.isPresent()) {
                LOG.debug("{} opened by driver {}", uri, entry.describe());
                return Optional.of(new Binding(entry, opened.get(), 0));
            }
            LOG.debug("driver {} declined {}", entry.describe(), uri);
        }
        return Optional.empty();
    }

    /** libvirt's "no connection driver available for URI", naming the scheme and the installed drivers. */
    VirtException noDriver(ConnectUri uri, String why) {
        String scheme = String.join("' or '", DriverRegistry.routingSchemes(uri));
        List<DriverEntry> candidates = registry.candidates(uri);
        String reason;
        if (why != null) {
            reason = why;
        } else if (candidates.isEmpty()) {
            reason = "no driver serves scheme '" + scheme + "'"
                    + (uri.isRemote() ? " (URIs with a transport, or a host no local driver takes, go to the remote driver)" : "");
        } else {
            reason = "every driver for scheme '" + scheme + "' declined it ("
                    + candidates.stream().map(DriverEntry::name).collect(Collectors.joining(", ")) + ")";
        }
        List<DriverEntry> all = registry.all();
        String installed = all.isEmpty() ? "none"
                : all.stream().map(DriverEntry::describe).collect(Collectors.joining(", "));
        return new VirtException(ErrorCode.NO_CONNECT, ErrorDomain.NONE,
                uri + ": " + reason + "; installed drivers: " + installed);
    }
}
