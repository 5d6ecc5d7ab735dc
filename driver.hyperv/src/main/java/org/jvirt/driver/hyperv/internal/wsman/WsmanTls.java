package org.jvirt.driver.hyperv.internal.wsman;

import java.security.GeneralSecurityException;
import java.security.SecureRandom;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;

import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.client5.http.ssl.DefaultClientTlsStrategy;
import org.apache.hc.client5.http.ssl.NoopHostnameVerifier;

/**
 * TLS for https: the JDK's trust store and HttpClient's host name check (the JDK's system
 * properties apply, as for the JDK's own clients), or, with {@code no_verify=1}, any certificate
 * and any name.
 */
final class WsmanTls {
    private WsmanTls() {
    }

    static PoolingHttpClientConnectionManager connectionManager(boolean noVerify, ConnectionConfig config) {
        return PoolingHttpClientConnectionManagerBuilder.create()
                .setTlsSocketStrategy(noVerify
                        ? new DefaultClientTlsStrategy(trustAll(), NoopHostnameVerifier.INSTANCE)
                        : DefaultClientTlsStrategy.createSystemDefault())
                .setDefaultConnectionConfig(config)
                .setMaxConnPerRoute(4)
                .setMaxConnTotal(4)
                .build();
    }

    private static SSLContext trustAll() {
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, new TrustManager[] {new TrustAnyServer()}, new SecureRandom());
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("no TLS in this JDK", e);
        }
    }
}
