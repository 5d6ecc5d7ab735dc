package org.jvirt.driver.hyperv.internal;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

import org.jvirt.api.ConnectAuth;
import org.jvirt.api.ConnectUri;
import org.jvirt.api.ErrorCode;
import org.jvirt.api.OpenFlag;
import org.jvirt.api.VirtException;
import org.jvirt.api.spi.DriverConnection;
import org.jvirt.api.spi.DriverSchemes;
import org.jvirt.api.spi.HypervisorDriver;
import org.jvirt.api.xml.DomainXmlCodec;
import org.jvirt.driver.hyperv.internal.wsman.HypervErrors;
import org.jvirt.driver.hyperv.internal.wsman.WsmanClient;
import org.jvirt.driver.hyperv.internal.wsman.WsmanTransport;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;

/**
 * The Hyper-V driver ({@code hypervConnectOpen}): {@code hyperv://host/} to a Windows host's WinRM
 * service, Hyper-V 2012 and later (WMI namespace {@code root/virtualization/v2}). The user and
 * password come from the caller's callback ({@link Credentials}); the connection is checked by
 * looking up the host's {@code Microsoft Hosting Computer System}, as libvirt does.
 */
@Component(service = HypervisorDriver.class, configurationPid = HypervConfig.PID)
@Designate(ocd = HypervConfig.class)
@DriverSchemes("hyperv")
public final class HypervDriver implements HypervisorDriver {
    private volatile HypervConfig config;
    /** The core's domain XML codec, for dumpxml and define. */
    @Reference
    private DomainXmlCodec codec;

    /** For Declarative Services. */
    public HypervDriver() {
    }

    /** Outside OSGi (tests). */
    HypervDriver(HypervConfig config, DomainXmlCodec codec) {
        this.config = config;
        this.codec = codec;
    }

    @Activate
    void activate(HypervConfig config) {
        this.config = config;
    }

    @Override
    public String name() {
        return "Hyper-V";
    }

    @Override
    public Optional<DriverConnection> open(ConnectUri uri, int flags) throws VirtException {
        return open(uri, null, flags);
    }

    @Override
    public Optional<DriverConnection> open(ConnectUri uri, ConnectAuth auth, int flags) throws VirtException {
        if (!"hyperv".equalsIgnoreCase(uri.driver())) {
            return Optional.empty();
        }
        if (uri.transport() != null) {
            throw HypervErrors.of(ErrorCode.INVALID_ARG, "Transport '" + uri.transport() + "' in URI scheme is not"
                    + " supported, try again without the transport part");
        }
        HypervErrors.checkFlags(flags, OpenFlag.READ_ONLY.bit(), "hypervConnectOpen");
        if (uri.host() == null || uri.host().isEmpty()) {
            throw HypervErrors.of(ErrorCode.INVALID_ARG, "URI is missing the server part");
        }
        HypervUri hyperv = HypervUri.parse(uri);
        HypervConfig c = config;
        Credentials credentials = Credentials.ask(hyperv, auth,
                c.credentials_file().isBlank() ? null : Path.of(c.credentials_file()));
        WsmanTransport transport = new WsmanTransport(hyperv.endpoint(), credentials.user(), credentials.password(),
                hyperv.noVerify(), c.max_response_bytes(), Duration.ofSeconds(c.timeout_seconds()));
        Wmi wmi = new Wmi(new WsmanClient(transport, c.timeout_seconds(), c.max_items()),
                Duration.ofSeconds(c.job_timeout_seconds()));
        try {
            if (wmi.query("Msvm_ComputerSystem", "SELECT * FROM Msvm_ComputerSystem WHERE Description = "
                    + "\"Microsoft Hosting Computer System\"").isEmpty()) {
                throw HypervErrors.internal(hyperv.host() + " is not a Hyper-V server");
            }
        } catch (VirtException | RuntimeException e) {
            wmi.close();
            throw e;
        }
        return Optional.of(new HypervConnection(wmi, codec));
    }
}
