package org.jvirt.driver.hyperv.internal.wsman;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;

import org.jvirt.api.ErrorCode;
import org.jvirt.api.VirtException;

/**
 * The HTTP(S) side of a WS-Management session: one JDK {@link HttpClient} per connection, SOAP 1.2
 * POSTs to {@code /wsman} with Basic authentication sent on every request (WinRM answers 401 to a
 * request without it; sending it at once saves the round trip, as openwsman does for "basic").
 * Answers are read up to {@link #maxResponseBytes} and no further, so a server cannot make jvirt
 * buffer without bound. Redirects are not followed.
 */
public final class WsmanTransport {
    private final URI url;
    private final HttpClient http;
    private final String authorization;
    private final int maxResponseBytes;
    private final Duration timeout;

    /**
     * @param url      the endpoint, {@code https://host:5986/wsman}
     * @param noVerify true to accept any server certificate and host name ({@code no_verify=1})
     */
    public WsmanTransport(URI url, String user, String password, boolean noVerify, int maxResponseBytes,
                          Duration timeout) {
        this.url = url;
        this.maxResponseBytes = maxResponseBytes;
        this.timeout = timeout;
        this.authorization = "Basic " + Base64.getEncoder().encodeToString(
                (user + ":" + password).getBytes(StandardCharsets.UTF_8));
        HttpClient.Builder builder = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(timeout);
        if (noVerify) {
            builder.sslContext(trustAll());
        }
        this.http = builder.build();
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
        HttpRequest request = HttpRequest.newBuilder(url)
                .timeout(timeout)
                .header("Content-Type", "application/soap+xml;charset=UTF-8")
                .header("Authorization", authorization)
                .POST(HttpRequest.BodyPublishers.ofString(envelope, StandardCharsets.UTF_8))
                .build();
        HttpResponse<InputStream> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
        } catch (HttpTimeoutException e) {
            throw HypervErrors.of(ErrorCode.OPERATION_TIMEOUT, "Transport error during " + detail + ": no answer from '"
                    + url + "' within " + timeout.toSeconds() + " s");
        } catch (IOException e) {
            throw HypervErrors.internal("Transport error during " + detail + ": " + describe(e), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw HypervErrors.internal("Transport error during " + detail + ": interrupted", e);
        }
        if (response.statusCode() == 401) {
            close(response);
            throw HypervErrors.of(ErrorCode.AUTH_FAILED, "the WS-Management service at '" + url
                    + "' refused the user name or password (HTTP 401 during " + detail + ")");
        }
        try (InputStream in = response.body()) {
            return new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    readBounded(in, detail));
        } catch (IOException e) {
            throw HypervErrors.internal("Transport error during " + detail + ": " + describe(e), e);
        }
    }

    /** Drops an answer unread (a refused login's page need not be read, however long it is). */
    private static void close(HttpResponse<InputStream> response) {
        try {
            response.body().close();
        } catch (IOException e) {
            // the answer is refused anyway
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
