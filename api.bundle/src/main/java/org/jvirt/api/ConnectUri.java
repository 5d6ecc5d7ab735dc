package org.jvirt.api;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A libvirt connection URI: {@code driver[+transport]://[user@][host][:port]/[path][?params]},
 * for example {@code test:///default}, {@code qemu+tcp://host/system} or
 * {@code qemu+unix:///system?socket=/path}.
 *
 * @param driver    the driver part of the scheme, lower case, never null ({@code qemu})
 * @param transport the transport after {@code +}, or null ({@code tcp}, {@code unix}, {@code tls})
 * @param user      the user before {@code @}, or null
 * @param host      the host name or address (an IPv6 address without its brackets), or null for a local URI
 * @param port      the port, or -1
 * @param path      the path including its leading slash, or {@code ""} ({@code /system})
 * @param params    the query parameters in their order, decoded; never null
 */
public record ConnectUri(String driver, String transport, String user, String host, int port,
                         String path, Map<String, String> params) {

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();
    /** What may stay literal in each part (RFC 3986 sub-delims and the part's own separators). */
    private static final String USER_SAFE = "!$&'()*+,;=:";
    private static final String PATH_SAFE = "/:@!$&'()*+,;=";
    private static final String QUERY_SAFE = "/:@!$'()*,";

    public ConnectUri {
        params = Collections.unmodifiableMap(new LinkedHashMap<>(params));
        path = path == null ? "" : path;
    }

    /**
     * Parses a libvirt URI.
     *
     * @throws VirtException {@link ErrorCode#INVALID_ARG} naming the URI when it is malformed
     */
    public static ConnectUri parse(String text) throws VirtException {
        if (text == null || text.isBlank()) {
            throw invalid(String.valueOf(text), "empty URI");
        }
        URI uri;
        boolean nothingAfterSlashes = false;
        try {
            uri = new URI(text);
        } catch (URISyntaxException e) {
            // java.net.URI wants an authority or a path after "//"; libvirt's parser (libxml2's)
            // also takes "xen://" and "test://?k=v": read them with an empty path
            int slashes = text.indexOf("://");
            int after = slashes + 3;
            if (slashes <= 0 || (after < text.length() && "?#".indexOf(text.charAt(after)) < 0)) {
                throw invalid(text, e.getReason());
            }
            try {
                uri = new URI(text.substring(0, after) + "/" + text.substring(after));
                nothingAfterSlashes = true;
            } catch (URISyntaxException again) {
                throw invalid(text, e.getReason());
            }
        }
        String scheme = uri.getScheme();
        if (scheme == null || uri.isOpaque()) {
            throw invalid(text, "expected driver[+transport]://[user@][host][:port]/[path][?params]");
        }
        scheme = scheme.toLowerCase(Locale.ROOT);
        String driver = scheme;
        String transport = null;
        int plus = scheme.indexOf('+');
        if (plus >= 0) {
            driver = scheme.substring(0, plus);
            transport = scheme.substring(plus + 1);
            if (driver.isEmpty() || transport.isEmpty() || transport.indexOf('+') >= 0) {
                throw invalid(text, "scheme '" + scheme + "' is not driver+transport");
            }
        }
        if (uri.getRawAuthority() != null && uri.getHost() == null) {
            throw invalid(text, "cannot parse the host part");
        }
        return new ConnectUri(driver, transport, uri.getUserInfo(), unbracket(uri.getHost()), uri.getPort(),
                nothingAfterSlashes ? "" : uri.getPath(), parseQuery(text, uri.getRawQuery()));
    }

    /** An IPv6 literal without its brackets, as libvirt's virURIParse keeps it ({@code ::1}). */
    private static String unbracket(String host) {
        return host != null && host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    }

    private static Map<String, String> parseQuery(String text, String raw) throws VirtException {
        Map<String, String> out = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return out;
        }
        for (String pair : raw.split("[&;]")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String key = eq < 0 ? pair : pair.substring(0, eq);
            String value = eq < 0 ? "" : pair.substring(eq + 1);
            try {
                out.put(URLDecoder.decode(key, StandardCharsets.UTF_8),
                        URLDecoder.decode(value, StandardCharsets.UTF_8));
            } catch (IllegalArgumentException e) {
                throw invalid(text, "bad query parameter '" + pair + "'");
            }
        }
        return out;
    }

    private static VirtException invalid(String text, String why) {
        return new VirtException(ErrorCode.INVALID_ARG, ErrorDomain.URI,
                "cannot parse URI '" + text + "': " + why);
    }

    /** The full scheme: {@code driver} or {@code driver+transport}. */
    public String scheme() {
        return transport == null ? driver : driver + "+" + transport;
    }

    /** True when the URI names a host or a transport, i.e. it needs the remote driver. */
    public boolean isRemote() {
        return transport != null || (host != null && !host.isEmpty());
    }

    /** This URI with the transport and host removed, as the remote side sees it. */
    public ConnectUri local() {
        return new ConnectUri(driver, null, null, null, -1, path, params);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(scheme()).append("://");
        if (user != null) {
            sb.append(escape(user, USER_SAFE)).append('@');
        }
        if (host != null) {
            sb.append(host.contains(":") ? "[" + host + "]" : host);
        }
        if (port >= 0) {
            sb.append(':').append(port);
        }
        sb.append(escape(path, PATH_SAFE));
        String sep = "?";
        for (Map.Entry<String, String> e : params.entrySet()) {
            sb.append(sep).append(escape(e.getKey(), QUERY_SAFE)).append('=').append(escape(e.getValue(), QUERY_SAFE));
            sep = "&";
        }
        return sb.toString();
    }

    /**
     * {@code text} with every character that is neither unreserved (RFC 3986) nor in {@code safe}
     * percent-encoded as UTF-8, so that parsing the formatted URI gives back the decoded value
     * (a {@code &} in a parameter, a space or {@code ?} in the path, a {@code +}, which the query
     * decoding reads as a space).
     */
    private static String escape(String text, String safe) {
        StringBuilder out = new StringBuilder(text.length());
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || "-._~".indexOf(c) >= 0 || safe.indexOf(c) >= 0) {
                out.append((char) c);
            } else {
                out.append('%').append(HEX[c >> 4]).append(HEX[c & 15]);
            }
        }
        return out.toString();
    }
}
