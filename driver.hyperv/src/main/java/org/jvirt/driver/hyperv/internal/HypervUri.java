package org.jvirt.driver.hyperv.internal;

import java.net.URI;
import java.util.Locale;
import java.util.Map;

import org.jvirt.api.ConnectUri;
import org.jvirt.api.ErrorCode;
import org.jvirt.api.VirtException;
import org.jvirt.driver.hyperv.internal.wsman.HypervErrors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@code hyperv://[user@]host[:port]/[?transport=http|https&no_verify=0|1]} URI as libvirt's
 * {@code hypervParseUri} and {@code hypervConnectOpen} read it: https unless {@code transport=http},
 * port 5986 (https) or 5985 (http), WinRM's defaults; unknown parameters are ignored with a warning.
 */
record HypervUri(String host, int port, String user, String transport, boolean noVerify) {
    private static final Logger LOG = LoggerFactory.getLogger(HypervUri.class);

    static HypervUri parse(ConnectUri uri) throws VirtException {
        String transport = "https";
        boolean noVerify = false;
        for (Map.Entry<String, String> param : uri.params().entrySet()) {
            String name = param.getKey().toLowerCase(Locale.ROOT);
            String value = param.getValue();
            switch (name) {
                case "transport" -> {
                    if (!value.equals("http") && !value.equals("https")) {
                        throw HypervErrors.of(ErrorCode.INVALID_ARG, "Query parameter 'transport' has unexpected"
                                + " value '" + value + "' (should be http|https)");
                    }
                    transport = value;
                }
                case "no_verify" -> {
                    if (!value.equals("0") && !value.equals("1")) {
                        throw HypervErrors.of(ErrorCode.INVALID_ARG, "Query parameter 'no_verify' has unexpected"
                                + " value '" + value + "' (should be 0 or 1)");
                    }
                    noVerify = value.equals("1");
                }
                default -> LOG.warn("Ignoring unexpected query parameter '{}'", param.getKey());
            }
        }
        int port = uri.port() > 0 ? uri.port() : transport.equals("https") ? 5986 : 5985;
        return new HypervUri(uri.host(), port, uri.user(), transport, noVerify);
    }

    /** The WinRM endpoint: {@code transport://host:port/wsman}. */
    URI endpoint() {
        String h = host.contains(":") ? "[" + host + "]" : host;
        return URI.create(transport + "://" + h + ":" + port + "/wsman");
    }
}
