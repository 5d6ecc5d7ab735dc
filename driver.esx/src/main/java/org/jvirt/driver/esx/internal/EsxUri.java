package org.jvirt.driver.esx.internal;

import java.net.InetSocketAddress;
import java.net.URI;
import java.util.Locale;
import java.util.Map;

import org.jvirt.api.ConnectUri;
import org.jvirt.api.ErrorCode;
import org.jvirt.api.VirtException;
import org.jvirt.driver.esx.internal.vi.ViErrors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An {@code esx://}, {@code gsx://} or {@code vpx://} URI as libvirt's {@code esxUtil_ParseUri} and
 * {@code esxConnectOpen} read it:
 * {@code {vpx|esx|gsx}://[user@]host[:port]/[path][?transport=http|https&no_verify=0|1&auto_answer=0|1&proxy=...]}.
 * The transport defaults to https; the port to 443/80 (esx, vpx) or 8333/8222 (gsx). A proxy is
 * an HTTP proxy ({@code [http://]host[:port]}, port 1080 by default); SOCKS proxies, which
 * libvirt takes through curl, are refused: the JDK's HTTP client has no SOCKS support.
 *
 * @param scheme     esx, gsx or vpx
 * @param path       the URI path: for vpx the {@code Datacenter/ComputeResource[/Host]} path
 */
record EsxUri(String scheme, String host, int port, String user, String transport, boolean noVerify,
              boolean autoAnswer, InetSocketAddress proxy, String vCenter, String path) {
    private static final Logger LOG = LoggerFactory.getLogger(EsxUri.class);

    static EsxUri parse(ConnectUri uri) throws VirtException {
        String scheme = uri.driver();
        String transport = "https";
        boolean noVerify = false;
        boolean autoAnswer = false;
        InetSocketAddress proxy = null;
        String vCenter = null;
        for (Map.Entry<String, String> param : uri.params().entrySet()) {
            String name = param.getKey().toLowerCase(Locale.ROOT);
            String value = param.getValue();
            switch (name) {
                case "transport" -> {
                    if (!value.equals("http") && !value.equals("https")) {
                        throw ViErrors.invalidArg("Query parameter 'transport' has unexpected value '" + value
                                + "' (should be http|https)");
                    }
                    transport = value;
                }
                case "vcenter" -> vCenter = value;
                case "no_verify" -> noVerify = zeroOrOne(name, value);
                case "auto_answer" -> autoAnswer = zeroOrOne(name, value);
                case "proxy" -> proxy = proxy(value);
                default -> LOG.warn("Ignoring unexpected query parameter '{}'", param.getKey());
            }
        }
        int port = uri.port();
        if (port <= 0) {
            boolean https = transport.equals("https");
            port = scheme.equals("gsx") ? (https ? 8333 : 8222) : (https ? 443 : 80);
        }
        return new EsxUri(scheme, uri.host(), port, uri.user(), transport, noVerify, autoAnswer, proxy, vCenter,
                uri.path());
    }

    private static boolean zeroOrOne(String name, String value) throws VirtException {
        if (!value.equals("0") && !value.equals("1")) {
            throw ViErrors.invalidArg("Query parameter '" + name + "' has unexpected value '" + value
                    + "' (should be 0 or 1)");
        }
        return value.equals("1");
    }

    private static InetSocketAddress proxy(String value) throws VirtException {
        String rest = value;
        if (rest.startsWith("http://")) {
            rest = rest.substring("http://".length());
        } else if (rest.startsWith("socks://") || rest.startsWith("socks5://") || rest.startsWith("socks4://")
                || rest.startsWith("socks4a://")) {
            throw ViErrors.of(ErrorCode.CONFIG_UNSUPPORTED, "Query parameter 'proxy' names a SOCKS"
                    + " proxy ('" + value + "'), which jvirt does not support (use an HTTP proxy)");
        } else if (rest.contains("://")) {
            throw ViErrors.invalidArg("Query parameter 'proxy' contains unexpected type '"
                    + rest.substring(0, rest.indexOf("://")) + "' (should be (http|socks(|4|4a|5))");
        }
        int port = 1080;
        int colon = rest.indexOf(':');
        if (colon == 0) {
            throw ViErrors.invalidArg("Query parameter 'proxy' doesn't contain a hostname");
        }
        if (colon > 0) {
            String portText = rest.substring(colon + 1);
            try {
                port = Integer.parseInt(portText);
            } catch (NumberFormatException e) {
                port = -1;
            }
            if (port < 1 || port > 65535) {
                throw ViErrors.invalidArg("Query parameter 'proxy' has unexpected port value '" + portText
                        + "' (should be [1..65535])");
            }
            rest = rest.substring(0, colon);
        }
        return InetSocketAddress.createUnresolved(rest, port);
    }

    /** The SDK endpoint: {@code transport://host:port/sdk}. */
    URI sdkUrl() {
        String h = host.contains(":") ? "[" + host + "]" : host;
        return URI.create(transport + "://" + h + ":" + port + "/sdk");
    }
}
