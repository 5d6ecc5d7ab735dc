package org.jvirt.driver.esx.internal.vi;

import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509ExtendedTrustManager;

import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.classic.methods.HttpHead;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.classic.methods.HttpPut;
import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.cookie.BasicCookieStore;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClientBuilder;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.client5.http.ssl.ClientTlsStrategyBuilder;
import org.apache.hc.client5.http.ssl.HostnameVerificationPolicy;
import org.apache.hc.client5.http.ssl.NoopHostnameVerifier;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.io.SocketConfig;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.util.Timeout;
import org.jvirt.api.VirtException;

/**
 * The HTTP(S) side of a vSphere session: one Apache HttpClient 5 (classic, blocking I/O) per
 * connection, whose cookie store keeps the {@code vmware_soap_session} cookie of {@code Login}, so
 * every later call reuses the session (libvirt keeps one curl handle with its cookie engine).
 * Blocking I/O on the calling thread, as curl: a SOAP call is a request and its answer on a kept
 * connection, with no thread hand-offs (the JDK's {@code HttpClient} passes each exchange between
 * its selector thread and the caller, which on a busy host cost more than the call itself).
 * Requests go out with {@code TCP_NODELAY}. Answers are read up to {@link #maxResponseBytes} and
 * no further: a server cannot make jvirt buffer without bound (libvirt stops at INT32_MAX / 2).
 * Redirects are not followed, as libvirt refuses them; nothing is retried.
 */
public final class ViTransport implements AutoCloseable {
    /** What one SOAP answer may weigh: far above a RetrievePropertiesEx page of 100s of VMs. */
    public static final int DEFAULT_MAX_RESPONSE_BYTES = 64 << 20;
    /** Connections kept to the server: calls may run concurrently on one connection object. */
    private static final int MAX_CONNECTIONS = 8;
    private static final ContentType SOAP = ContentType.create("text/xml", StandardCharsets.UTF_8);

    private final URI url;
    private final CloseableHttpClient http;
    private final int maxResponseBytes;

    /**
     * @param url      the SDK endpoint, {@code https://host:443/sdk}
     * @param noVerify true to accept any server certificate and host name ({@code no_verify=1})
     * @param proxy    an HTTP proxy, or null
     */
    public ViTransport(URI url, boolean noVerify, InetSocketAddress proxy, int maxResponseBytes, Duration timeout) {
        this.url = url;
        this.maxResponseBytes = maxResponseBytes;
        Timeout t = Timeout.of(timeout);
        ClientTlsStrategyBuilder tls = ClientTlsStrategyBuilder.create();
        if (noVerify) {
            tls.setSslContext(trustAll())
                    .setHostVerificationPolicy(HostnameVerificationPolicy.CLIENT)
                    .setHostnameVerifier(NoopHostnameVerifier.INSTANCE);
        } else {
            tls.setSslContext(defaultContext());
        }
        HttpClientBuilder builder = HttpClients.custom()
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                        .setTlsSocketStrategy(tls.buildClassic())
                        .setDefaultSocketConfig(SocketConfig.custom().setTcpNoDelay(true).setSoTimeout(t).build())
                        .setDefaultConnectionConfig(ConnectionConfig.custom().setConnectTimeout(t).setSocketTimeout(t)
                                .build())
                        .setMaxConnTotal(MAX_CONNECTIONS).setMaxConnPerRoute(MAX_CONNECTIONS)
                        .build())
                .setDefaultCookieStore(new BasicCookieStore())
                .setDefaultRequestConfig(RequestConfig.custom().setResponseTimeout(t)
                        .setConnectionRequestTimeout(t).build())
                .disableRedirectHandling()
                .disableAutomaticRetries()
                .disableContentCompression()
                .disableAuthCaching();
        if (proxy != null) {
            builder.setProxy(new HttpHost(proxy.getHostString(), proxy.getPort()));
        }
        this.http = builder.build();
    }

    public URI url() {
        return url;
    }

    /** An answer: the HTTP status and the body (at most {@code maxResponseBytes}). */
    record Answer(int status, byte[] body) {
    }

    /** POSTs a SOAP request for {@code method}; I/O and TLS failures become libvirt-style errors. */
    Answer post(String method, String soapRequest) throws VirtException {
        HttpPost request = new HttpPost(url);
        // the API version libvirt 9.0 speaks; the simulator and real hosts take it
        request.setHeader("SOAPAction", "\"urn:vim25/5.1\"");
        request.setEntity(new ByteArrayEntity(soapRequest.getBytes(StandardCharsets.UTF_8), SOAP));
        try {
            return exchange(request, method);
        } catch (IOException e) {
            throw ViErrors.internal("Call to '" + method + "' at '" + url + "' failed: " + describe(e), e);
        }
    }

    /**
     * Datastore file transfer ({@code esxVI_CURL_Download}): GETs {@code fileUrl} on the session's
     * cookie; anything but 200 or 206 is libvirt's {@code HTTP response code N for download from 'URL'}.
     */
    public byte[] download(URI fileUrl) throws VirtException {
        Answer answer = send(new HttpGet(fileUrl), "download", fileUrl);
        if (answer.status() != 200 && answer.status() != 206) {
            throw ViErrors.internal("HTTP response code " + answer.status() + " for download from '" + fileUrl + "'");
        }
        return answer.body();
    }

    /** {@code esxVI_CURL_Upload}: PUTs {@code content} to {@code fileUrl}; 200 and 201 are success. */
    public void upload(URI fileUrl, byte[] content) throws VirtException {
        HttpPut request = new HttpPut(fileUrl);
        request.setEntity(new ByteArrayEntity(content, ContentType.APPLICATION_OCTET_STREAM));
        Answer answer = send(request, "upload", fileUrl);
        if (answer.status() != 200 && answer.status() != 201) {
            throw ViErrors.internal("HTTP response code " + answer.status() + " for upload to '" + fileUrl + "'");
        }
    }

    /** Whether {@code fileUrl} names a file: a HEAD answered 200 (404 and other answers: no). */
    public boolean exists(URI fileUrl) throws VirtException {
        return send(new HttpHead(fileUrl), "lookup", fileUrl).status() == 200;
    }

    private Answer send(HttpUriRequestBase request, String what, URI fileUrl) throws VirtException {
        try {
            return exchange(request, what + " from '" + fileUrl + "'");
        } catch (IOException e) {
            throw ViErrors.internal("File " + what + " at '" + fileUrl + "' failed: " + describe(e), e);
        }
    }

    /** A request and its answer, read whole (bounded) before the connection goes back to the pool. */
    private Answer exchange(HttpUriRequestBase request, String what) throws IOException, VirtException {
        try {
            return http.execute(request, response -> {
                HttpEntity entity = response.getEntity();
                byte[] body;
                if (entity == null) {
                    body = new byte[0];
                } else {
                    try (InputStream in = entity.getContent()) {
                        body = readBounded(in, what);
                    }
                }
                return new Answer(response.getCode(), body);
            });
        } catch (TooLong e) {
            throw e.error;
        }
    }

    /** An answer over {@link #maxResponseBytes}, carried out of the response handler. */
    private static final class TooLong extends IOException {
        private static final long serialVersionUID = 1L;
        private final transient VirtException error;

        TooLong(VirtException error) {
            super(error.getMessage());
            this.error = error;
        }
    }

    private byte[] readBounded(InputStream in, String method) throws IOException {
        byte[] bytes = in.readNBytes(maxResponseBytes);
        if (bytes.length == maxResponseBytes && in.read() >= 0) {
            throw new TooLong(ViErrors.internal("Response for call to '" + method + "' exceeds "
                    + maxResponseBytes + " bytes"));
        }
        return bytes;
    }

    /** The failure as the JDK names it (a refused connection is a {@code ConnectException} whatever subclass). */
    private static String describe(IOException e) {
        String message = e.getMessage();
        String type = e instanceof ConnectException ? "ConnectException" : e.getClass().getSimpleName();
        return type + (message == null ? "" : ": " + message);
    }

    /** Closes the kept connections (after {@code Logout}). */
    @Override
    public void close() {
        http.close(CloseMode.GRACEFUL);
    }

    private static SSLContext defaultContext() {
        try {
            return SSLContext.getDefault();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("no TLS in this JDK", e);
        }
    }

    private static SSLContext trustAll() {
        // an X509ExtendedTrustManager: the JDK then leaves the host name check to it as well (a
        // plain X509TrustManager gets wrapped in one that checks the name whatever it answers)
        TrustManager any = new X509ExtendedTrustManager() {
            @Override
            public void checkClientTrusted(X509Certificate[] chain, String authType) {
                // no_verify=1: the user asked for no check
            }

            @Override
            public void checkServerTrusted(X509Certificate[] chain, String authType) {
                // no_verify=1: the user asked for no check
            }

            @Override
            public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) {
                // as above
            }

            @Override
            public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) {
                // as above
            }

            @Override
            public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
                // as above
            }

            @Override
            public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
                // as above
            }

            @Override
            public X509Certificate[] getAcceptedIssuers() {
                return new X509Certificate[0];
            }
        };
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, new TrustManager[] {any}, new SecureRandom());
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("no TLS in this JDK", e);
        }
    }
}
