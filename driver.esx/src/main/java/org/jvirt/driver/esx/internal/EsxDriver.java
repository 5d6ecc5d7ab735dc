package org.jvirt.driver.esx.internal;

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
import org.jvirt.driver.esx.internal.vi.PropertyCollector;
import org.jvirt.driver.esx.internal.vi.ServiceContent;
import org.jvirt.driver.esx.internal.vi.ViClient;
import org.jvirt.driver.esx.internal.vi.ViErrors;
import org.jvirt.driver.esx.internal.vi.ViTransport;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;

/**
 * The ESX driver ({@code esxConnectOpen}): {@code esx://host/}, {@code gsx://host/} and
 * {@code vpx://vcenter/Datacenter/ComputeResource[/Host]}. It serves remote hosts itself, so it
 * takes host URIs without a transport ({@code esx+tcp://...} is the remote driver's). The user
 * comes from the URI, the password from the credentials file ({@link EsxConfig#credentials_file()})
 * or the caller's callback ({@link Credentials}).
 * Connecting to a vCenter from an ESX URI ({@code vcenter=}, used by libvirt for migration) is
 * not supported.
 */
@Component(service = HypervisorDriver.class, configurationPid = EsxConfig.PID)
@Designate(ocd = EsxConfig.class)
@DriverSchemes({"esx", "gsx", "vpx"})
public final class EsxDriver implements HypervisorDriver {
    private volatile EsxConfig config;
    /** The core's domain XML codec, for the VMX converter. */
    @Reference
    private DomainXmlCodec codec;

    /** For Declarative Services. */
    public EsxDriver() {
    }

    /** Outside OSGi (tests). */
    EsxDriver(EsxConfig config, DomainXmlCodec codec) {
        this.config = config;
        this.codec = codec;
    }

    @Activate
    void activate(EsxConfig config) {
        this.config = config;
    }

    @Override
    public String name() {
        return "ESX";
    }

    @Override
    public Optional<DriverConnection> open(ConnectUri uri, int flags) throws VirtException {
        return open(uri, null, flags);
    }

    @Override
    public Optional<DriverConnection> open(ConnectUri uri, ConnectAuth auth, int flags) throws VirtException {
        String scheme = uri.driver();
        if (uri.transport() != null || !(scheme.equals("esx") || scheme.equals("gsx") || scheme.equals("vpx"))) {
            return Optional.empty();
        }
        ViErrors.checkFlags(flags, OpenFlag.READ_ONLY.bit(), "esxConnectOpen");
        if (uri.host() == null || uri.host().isEmpty()) {
            // libvirt declines a URI without a server (esx:///), which then finds no driver
            return Optional.empty();
        }
        EsxUri esx = EsxUri.parse(uri);
        if (esx.vCenter() != null) {
            throw ViErrors.of(ErrorCode.CONFIG_UNSUPPORTED, "Query parameter 'vcenter' is not supported by jvirt's"
                    + " ESX driver (it serves migration only)");
        }
        EsxConfig c = config;
        Duration timeout = Duration.ofSeconds(c.timeout_seconds());
        Credentials credentials = Credentials.resolve(esx, c.credentials_file().isEmpty() ? null
                : Path.of(c.credentials_file()), auth);
        ViClient client = new ViClient(new ViTransport(esx.sdkUrl(), esx.noVerify(), esx.proxy(),
                c.max_response_bytes(), timeout), esx.autoAnswer());
        try {
            ServiceContent service = client.connect(credentials.user(), credentials.password());
            checkProductLine(esx, service);
            EsxHost host = EsxHost.lookup(new PropertyCollector(client), service.rootFolder(), scheme, esx.path());
            return Optional.of(new EsxConnection(client, host, codec));
        } catch (VirtException | RuntimeException e) {
            client.close();
            throw e;
        }
    }

    private static void checkProductLine(EsxUri esx, ServiceContent service) throws VirtException {
        String expected = esx.scheme();
        if (!expected.equals(service.productLine())) {
            throw ViErrors.internal("Expecting '" + esx.host() + "' to be a " + displayName(expected)
                    + " host but found a " + displayName(service.productLine()) + " host");
        }
    }

    private static String displayName(String productLine) {
        return switch (productLine) {
            case "gsx" -> "Server/GSX";
            case "esx" -> "ESX(i)";
            case "vpx" -> "vCenter/VPX";
            default -> "<unknown>";
        };
    }
}
