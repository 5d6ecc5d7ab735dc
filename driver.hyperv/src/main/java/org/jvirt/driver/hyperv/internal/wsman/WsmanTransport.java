package org.jvirt.driver.hyperv.internal.wsman;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import org.apache.hc.client5.http.auth.AuthCache;
import org.apache.hc.client5.http.auth.AuthSchemeFactory;
import org.apache.hc.client5.http.auth.StandardAuthScheme;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.auth.BasicAuthCache;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.protocol.HttpClientContext;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.config.RegistryBuilder;
import org.apache.hc.core5.http.io.entity.StringEntity;
import org.apache.hc.core5.util.Timeout;
import org.jvirt.api.ErrorCode;
import org.jvirt.api.VirtException;

/**
 * The HTTP(S) side of a WS-Management session on Apache HttpClient 5, one client per connection:
 * SOAP 1.2 POSTs to {@code /wsman}, HTTP/1.1, no redirects, no retries (a WMI method must not run
 * twice). Authentication answers the server's challenge: NTLM (offered by WinRM as {@code
 * Negotiate}, see {@link NegotiateNtlmScheme}, or as {@code NTLM}) before Basic; a Basic login is
 * then sent with every request without waiting for a challenge (HttpClient's auth cache), an NTLM
 * one lives with its TCP connection, which is kept. Answers are read up to {@code maxResponseBytes}
 * and no further, so a server cannot make jvirt buffer without bound.
 */
public final class WsmanTransport implements AutoCloseable {
    private final URI url;
    private final HttpHost target;
    private final CloseableHttpClient http;
    /** Shared by the requests' contexts, so a Basic login found once is sent up front from then on. */
    private final AuthCache authCache = new BasicAuthCache();
    private final int maxResponseBytes;
    private final Duration timeout;

    /**
     * @param url      the endpoint, {@code https://host:5986/wsman}
     * @param user     the user, {@code DOMAIN\\user} for a domain account under NTLM
     * @param noVerify true to accept any server certificate and host name ({@code no_verify=1})
     */
    public WsmanTransport(URI url, String user, String password, boolean noVerify, int maxResponseBytes,
                          Duration timeout) {
        this.url = url;
        this.target = new HttpHost(url.getScheme(), url.getHost(), url.getPort());
        this.maxResponseBytes = maxResponseBytes;
        this.timeout = timeout;
        Timeout limit = Timeout.of(timeout);
        this.http = HttpClients.custom()
                .setConnectionManager(WsmanTls.connectionManager(noVerify, ConnectionConfig.custom()
                        .setConnectTimeout(limit).setSocketTimeout(limit).build()))
                .setDefaultAuthSchemeRegistry(schemes())
                .setDefaultCredentialsProvider(WsmanLogin.credentials(target, user, password))
                .setDefaultRequestConfig(RequestConfig.custom()
                        .setResponseTimeout(limit)
                        .setRedirectsEnabled(false)
                        .setTargetPreferredAuthSchemes(List.of(StandardAuthScheme.SPNEGO, StandardAuthScheme.NTLM,
                                StandardAuthScheme.BASIC))
                        .build())
                // one user per client: an NTLM-authenticated connection may serve every request
                .disableConnectionState()
                .disableAutomaticRetries()
                .disableRedirectHandling()
                .disableCookieManagement()
                .disableContentCompression()
                .build();
    }

    @SuppressWarnings("deprecation") // NTLMSchemeFactory: see NegotiateNtlmScheme
    private static org.apache.hc.core5.http.config.Lookup<AuthSchemeFactory> schemes() {
        return RegistryBuilder.<AuthSchemeFactory>create()
                .register(StandardAuthScheme.SPNEGO, context -> new NegotiateNtlmScheme())
                .register(StandardAuthScheme.NTLM,
                        org.apache.hc.client5.http.impl.auth.NTLMSchemeFactory.INSTANCE)
                .register(StandardAuthScheme.BASIC,
                        org.apache.hc.client5.http.impl.auth.BasicSchemeFactory.INSTANCE)
                .build();
    }

    public URI url() {
        return url;
    }

    /** An answer: the HTTP status and the body (at most {@code maxResponseBytes}). */
    public record Answer(int status, String contentType, byte[] body) {
    }

    /**
     * POSTs an envelope for the operation {@code detail} (libvirt's words: "enumeration", "invocation").
     * I/O failures, timeouts and a refused login become libvirt-style errors; other statuses are the caller's.
     */
    public Answer post(String detail, String envelope) throws VirtException {
        HttpPost request = new HttpPost(url);
        request.setEntity(new StringEntity(envelope, ContentType.create("application/soap+xml",
                StandardCharsets.UTF_8)));
        // a context per request: HttpClientContext is not thread-safe; the auth cache is the client's
        HttpClientContext context = HttpClientContext.create();
        context.setAuthCache(authCache);
        try (ClassicHttpResponse response = http.executeOpen(target, request, context)) {
            int status = response.getCode();
            if (status == 401) {
                // a refused login: its page need not be read, however long it is
                throw HypervErrors.of(ErrorCode.AUTH_FAILED, "the WS-Management service at '" + url
                        + "' refused the user name or password (HTTP 401 during " + detail + ")");
            }
            Header type = response.getFirstHeader("Content-Type");
            HttpEntity entity = response.getEntity();
            byte[] body;
            if (entity == null) {
                body = new byte[0];
            } else {
                try (InputStream in = entity.getContent()) {
                    body = readBounded(in, detail);
                }
            }
            return new Answer(status, type == null ? "" : type.getValue(), body);
        } catch (InterruptedIOException e) {
            // SocketTimeoutException and ConnectTimeoutException are InterruptedIOExceptions
            if (Thread.currentThread().isInterrupted()) {
                throw HypervErrors.internal("Transport error during " + detail + ": interrupted", e);
            }
            throw HypervErrors.of(ErrorCode.OPERATION_TIMEOUT, "Transport error during " + detail
                    + ": no answer from '" + url + "' within " + timeout.toSeconds() + " s");
        } catch (IOException e) {
            throw HypervErrors.internal("Transport error during " + detail + ": " + describe(e), e);
        }
    }

    private byte[] readBounded(InputStream in, String detail) throws IOException, VirtException {
        byte[] bytes = in.readNBytes(maxResponseBytes);
        if (bytes.length == maxResponseBytes && in.read() >= 0) {
            throw HypervErrors.internal("Response during " + detail + " exceeds " + maxResponseBytes + " bytes");
        }
        return bytes;
    }

    private static String describe(IOException e) {
        String message = e.getMessage();
        return e.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }

    /** Closes the client's connections. */
    @Override
    public void close() {
        http.close(org.apache.hc.core5.io.CloseMode.IMMEDIATE);
    }
}
