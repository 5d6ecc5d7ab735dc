package org.jvirt.driver.esx.internal.vi;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.CookieManager;
import java.net.HttpURLConnection;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import javax.net.ssl.HttpsURLConnection;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509ExtendedTrustManager;

import org.jvirt.api.VirtException;

/**
 * The HTTP(S) side of a vSphere session: the JDK's {@link HttpURLConnection}, with a cookie store
 * per connection that keeps the {@code vmware_soap_session} cookie of {@code Login}, so every
 * later call reuses the session (libvirt keeps one curl handle with its cookie engine), and the
 * JDK's keep-alive cache reusing the TCP (and TLS) connection. A call runs on the calling thread
 * from request to answer, as libcurl's do: the JDK's {@code java.net.http.HttpClient}, used before,
 * hands every exchange between the caller, its selector thread and its executor, which on a busy
 * host cost more than the round trip itself (jvirt's calls to the simulator took about twice
 * libvirt's; bench/esx-vs-libvirt.sh). Answers are read up to {@link #maxResponseBytes} and no
 * further: a server cannot make jvirt buffer without bound (libvirt stops at INT32_MAX / 2).
 * Redirects are not followed, as libvirt refuses them.
 */
public final class ViTransport {
    /** What one SOAP answer may weigh: far above a RetrievePropertiesEx page of 100s of VMs. */
    public static final int DEFAULT_MAX_RESPONSE_BYTES = 64 << 20;

    private final URI url;
    private final Proxy proxy;
    private final SSLSocketFactory trustAll;
    private final CookieManager cookies = new CookieManager();
    private final int maxResponseBytes;
    private final int timeoutMillis;

    /**
     * @param url      the SDK endpoint, {@code https://host:443/sdk}
     * @param noVerify true to accept any server certificate and host name ({@code no_verify=1})
     * @param proxy    an HTTP proxy, or null
     */
    public ViTransport(URI url, boolean noVerify, InetSocketAddress proxy, int maxResponseBytes, Duration timeout) {
        this.url = url;
        this.maxResponseBytes = maxResponseBytes;
        this.timeoutMillis = (int) Math.min(Integer.MAX_VALUE, timeout.toMillis());
        this.proxy = proxy == null ? Proxy.NO_PROXY : new Proxy(Proxy.Type.HTTP, proxy);
        this.trustAll = noVerify ? trustAll().getSocketFactory() : null;
    }

    public URI url() {
        return url;
    }

    /** An answer: the HTTP status and the body (at most {@code maxResponseBytes}). */
    record Answer(int status, byte[] body) {
    }

    /** POSTs a SOAP request for {@code method}; I/O and TLS failures become libvirt-style errors. */
    Answer post(String method, String soapRequest) throws VirtException {
        try {
            // the API version libvirt 9.0 speaks; the simulator and real hosts take it
            return exchange(url, "POST", Map.of("Content-Type", "text/xml; charset=utf-8",
                    "SOAPAction", "\"urn:vim25/5.1\""), soapRequest.getBytes(StandardCharsets.UTF_8), method);
        } catch (IOException e) {
            throw ViErrors.internal("Call to '" + method + "' at '" + url + "' failed: " + describe(e), e);
        }
    }

    /**
     * Datastore file transfer ({@code esxVI_CURL_Download}): GETs {@code fileUrl} on the session's
     * cookie; anything but 200 or 206 is libvirt's {@code HTTP response code N for download from 'URL'}.
     */
    public byte[] download(URI fileUrl) throws VirtException {
        Answer answer = send(fileUrl, "GET", Map.of(), null, "download");
        if (answer.status() != 200 && answer.status() != 206) {
            throw ViErrors.internal("HTTP response code " + answer.status() + " for download from '" + fileUrl + "'");
        }
        return answer.body();
    }

    /** {@code esxVI_CURL_Upload}: PUTs {@code content} to {@code fileUrl}; 200 and 201 are success. */
    public void upload(URI fileUrl, byte[] content) throws VirtException {
        Answer answer = send(fileUrl, "PUT", Map.of("Content-Type", "application/octet-stream"), content, "upload");
        if (answer.status() != 200 && answer.status() != 201) {
            throw ViErrors.internal("HTTP response code " + answer.status() + " for upload to '" + fileUrl + "'");
        }
    }

    /** Whether {@code fileUrl} names a file: a HEAD answered 200 (404 and other answers: no). */
    public boolean exists(URI fileUrl) throws VirtException {
        return send(fileUrl, "HEAD", Map.of(), null, "lookup").status() == 200;
    }

    private Answer send(URI fileUrl, String verb, Map<String, String> headers, byte[] body, String what)
            throws VirtException {
        try {
            return exchange(fileUrl, verb, headers, body, what + " from '" + fileUrl + "'");
        } catch (IOException e) {
            throw ViErrors.internal("File " + what + " at '" + fileUrl + "' failed: " + describe(e), e);
        }
    }

    /**
     * One HTTP exchange on the calling thread: the session's cookies sent and kept, the answer's
     * body read whole (an error status's too, so the connection goes back to the keep-alive cache).
     */
    private Answer exchange(URI target, String verb, Map<String, String> headers, byte[] body, String what)
            throws IOException, VirtException {
        HttpURLConnection c = (HttpURLConnection) target.toURL().openConnection(proxy);
        if (trustAll != null && c instanceof HttpsURLConnection https) {
            https.setSSLSocketFactory(trustAll);
            https.setHostnameVerifier((host, session) -> true); // no_verify=1: no name check either
        }
        c.setInstanceFollowRedirects(false);
        c.setUseCaches(false);
        c.setConnectTimeout(timeoutMillis);
        c.setReadTimeout(timeoutMillis);
        c.setRequestMethod(verb);
        headers.forEach(c::setRequestProperty);
        for (Map.Entry<String, List<String>> cookie : cookies.get(target, Map.of()).entrySet()) {
            for (String value : cookie.getValue()) {
                c.addRequestProperty(cookie.getKey(), value);
            }
        }
        if (body != null) {
            c.setDoOutput(true);
            c.setFixedLengthStreamingMode(body.length);
            try (OutputStream out = c.getOutputStream()) {
                out.write(body);
            }
        }
        int status = c.getResponseCode();
        cookies.put(target, c.getHeaderFields());
        InputStream in = status >= 400 ? c.getErrorStream() : c.getInputStream();
        if (in == null) {
            return new Answer(status, new byte[0]);
        }
        try (in) {
            return new Answer(status, readBounded(in, what));
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
