package org.jvirt.driver.xen.internal;

import java.nio.file.Path;
import java.util.Optional;

import org.jvirt.api.ConnectUri;
import org.jvirt.api.VirtException;
import org.jvirt.api.spi.DriverConnection;
import org.jvirt.api.spi.DriverSchemes;
import org.jvirt.api.spi.HypervisorDriver;
import org.jvirt.api.xml.DomainXmlCodec;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Xen driver: {@code xen:///system} (and {@code xen:///}), with libvirt's libxl driver as the
 * reference. As libvirt's state driver, it only becomes active on a Xen control domain
 * ({@link XenHostProbe}); elsewhere every open fails with libvirt's "libxenlight state driver is
 * not active". Its connection offers the conversions between domain XML and Xen's own
 * configuration formats ({@link NativeFormats}).
 */
@Component(service = HypervisorDriver.class)
@DriverSchemes({"xen"})
public final class XenDriver implements HypervisorDriver {
    private static final Logger LOG = LoggerFactory.getLogger(XenDriver.class);

    @Reference
    private DomainXmlCodec codec;

    private final Path root;
    private volatile boolean active;

    /** For Declarative Services: probes this host. */
    public XenDriver() {
        this.root = Path.of("/");
    }

    /** Outside OSGi (tests): probes the file system under {@code root}, then {@link #activate()}. */
    XenDriver(DomainXmlCodec codec, Path root) {
        this.codec = codec;
        this.root = root;
    }

    @Activate
    void activate() {
        String why = new XenHostProbe(root).whyNotXen();
        active = why == null;
        if (active) {
            LOG.info("Xen driver active");
        } else {
            // libvirt logs this at info level and skips its libxl state driver
            LOG.info("Xen driver disabled: {}", why);
        }
    }

    @Override
    public String name() {
        return "LIBXL";
    }

    /** {@code libxlConnectOpen}: the state driver check comes before the path check, as libvirt's. */
    @Override
    public Optional<DriverConnection> open(ConnectUri uri, int flags) throws VirtException {
        if (!"xen".equals(uri.driver()) || uri.isRemote()) {
            return Optional.empty();
        }
        if (!active) {
            throw XenErrors.internal("libxenlight state driver is not active");
        }
        String path = uri.path() == null ? "" : uri.path();
        if (!path.isEmpty() && !path.equals("/") && !path.equals("/system")) {
            throw XenErrors.internal("unexpected Xen URI path '" + path + "', try xen:///system");
        }
        return Optional.of(new XenConnection(new NativeFormats(codec)));
    }
}
