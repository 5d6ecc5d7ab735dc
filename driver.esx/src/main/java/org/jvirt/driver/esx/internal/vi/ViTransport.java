package org.jvirt.driver.esx.internal.vi;

import java.io.IOException;
import java.io.InputStream;
import java.net.CookieManager;
import java.net.InetSocketAddress;
import java.net.ProxySelector;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedTrustManager;

import org.jvirt.api.VirtException;

/**
 * The HTTP(S) side of a vSphere session: one JDK {@link HttpClient} per connection, whose cookie
 * store keeps the {@code vmware_soap_session} cookie of {@code Login}, so every later call reuses
 * the session (libvirt keeps one curl handle with its cookie engine). Answers are read up to
 * {@link #maxResponseBytes} and no further: a server cannot make jvirt buffer without bound
 * (libvirt stops at INT32_MAX / 2). Redirects are not followed, as libvirt refuses them.
 */
public final class ViTransport {
    /** What one SOAP answer may weigh: far above a RetrievePropertiesEx page of 100s of VMs. */
    public static final int DEFAULT_MAX_RESPONSE_BYTES = 64 << 20;

    private final URI url;
    private final HttpClient http;
    private final int maxResponseBytes;
    private final Duration timeout;

    /**
     * @param url      the SDK endpoint, {@code https://host:443/sdk}
     * @param noVerify true to accept any server certificate and host name ({@code no_verify=1})
     * @param proxy    an HTTP proxy, or null
     */
    public ViTransport(URI url, boolean noVerify, InetSocketAddress proxy, int maxResponseBytes, Duration timeout) {
        this.url = url;
        this.maxResponseBytes = maxResponseBytes;
        this.timeout = timeout;
        HttpClient.Builder builder = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(timeout);
        if (noVerify) {
            builder.sslContext(trustAll());
        }
        if (proxy != null) {
            builder.proxy(ProxySelector.of(proxy));
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
        HttpRequest request = HttpRequest.newBuilder(url)
                .timeout(timeout)
                .header("Content-Type", "text/xml; charset=utf-8")
                // the API version libvirt 9.0 speaks; the simulator and real hosts take it
                .header("SOAPAction", "\"urn:vim25/5.1\"")
                .POST(HttpRequest.BodyPublishers.ofString(soapRequest, StandardCharsets.UTF_8))
                .build();
        try {
            HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream in = response.body()) {
                return new Answer(response.statusCode(), readBounded(in, method));
            }
        } catch (IOException e) {
            throw ViErrors.internal("Call to '" + method + "' at '" + url + "' failed: " + describe(e), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw ViErrors.internal("Call to '" + method + "' interrupted", e);
        }
    }

    /**
     * Datastore file transfer ({@code esxVI_CURL_Download}): GETs {@code fileUrl} on the session's
     * cookie; anything but 200 or 206 is libvirt's {@code HTTP response code N for download from 'URL'}.
     */
    public byte[] download(URI fileUrl) throws VirtException {
        Answer answer = send(HttpRequest.newBuilder(fileUrl).timeout(timeout).GET().build(), "download", fileUrl);
        if (answer.status() != 200 && answer.status() != 206) {
            throw ViErrors.internal("HTTP response code " + answer.status() + " for download from '" + fileUrl + "'");
        }
        return answer.body();
    }

    /** {@code esxVI_CURL_Upload}: PUTs {@code content} to {@code fileUrl}; 200 and 201 are success. */
    public void upload(URI fileUrl, byte[] content) throws VirtException {
        HttpRequest request = HttpRequest.newBuilder(fileUrl).timeout(timeout)
                .header("Content-Type", "application/octet-stream")
                .PUT(HttpRequest.BodyPublishers.ofByteArray(content)).build();
        Answer answer = send(request, "upload", fileUrl);
        if (answer.status() != 200 && answer.status() != 201) {
            throw ViErrors.internal("HTTP response code " + answer.status() + " for upload to '" + fileUrl + "'");
        }
    }

    /** Whether {@code fileUrl} names a file: a HEAD answered 200 (404 and other answers: no). */
    public boolean exists(URI fileUrl) throws VirtException {
        HttpRequest request = HttpRequest.newBuilder(fileUrl).timeout(timeout)
                .method("HEAD", HttpRequest.BodyPublishers.noBody()).build();
        return send(request, "lookup", fileUrl).status() == 200;
    }

    private Answer send(HttpRequest request, String what, URI fileUrl) throws VirtException {
        try {
            HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream in = response.body()) {
                return new Answer(response.statusCode(), readBounded(in, what + " from '" + fileUrl + "'"));
            }
        } catch (IOException e) {
            throw ViErrors.internal("File " + what + " at '" + fileUrl + "' failed: " + describe(e), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw ViErrors.internal("File " + what + " at '" + fileUrl + "' interrupted", e);
        }
    }

    private byte[] readBounded(InputStream in, String method) throws IOException, VirtException {
        byte[] bytes = in.readNBytes(maxResponseBytes);
        if (bytes.length == maxResponseBytes && in.read() >= 0) {
            throw ViErrors.internal("Response for call to '" + method + "' exceeds " + maxResponseBytes + " bytes");
        }
        return bytes;
    }

    private static String describe(IOException e) {
        String message = e.getMessage();
        return e.getClass().getSimpleName() + (message == null ? "" : ": " + message);
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
