package org.jvirt.api.xml;

import java.util.Objects;

/**
 * The host side of a character device ({@code <source>} and {@code <protocol>} of serial,
 * console, channel, and of smartcard, redirdev and rng backends), as libvirt's
 * virDomainChrSourceDef.
 *
 * <p>Immutable; lists are never null. Build with {@link #builder()}, change with {@link #toBuilder()}.
 */
public final class CharSource {
    private final String mode;
    private final String path;
    private final String append;
    private final String host;
    private final String service;
    private final String bindHost;
    private final String bindService;
    private final String protocol;
    private final Reconnect reconnect;
    private final Preserved other;

    CharSource(CharSourceBuilder b) {
        this.mode = b.mode;
        this.path = b.path;
        this.append = b.append;
        this.host = b.host;
        this.service = b.service;
        this.bindHost = b.bindHost;
        this.bindService = b.bindService;
        this.protocol = b.protocol;
        this.reconnect = b.reconnect;
        this.other = b.other == null ? Preserved.NONE : b.other;
    }

    /** A builder with every field unset (null, empty, or the documented default). */
    public static CharSourceBuilder builder() {
        return new CharSourceBuilder();
    }

    /** A builder holding this object's values. */
    public CharSourceBuilder toBuilder() {
        return new CharSourceBuilder(this);
    }

    /** {@code connect} or {@code bind} for tcp and unix (null for other types) */
    public String mode() {
        return mode;
    }

    /** file, device, pipe, pty or unix socket path, or null */
    public String path() {
        return path;
    }

    /** {@code append} ({@code on}/{@code off}) of a file source, or null */
    public String append() {
        return append;
    }

    /** tcp host, or the udp connect host; null when absent */
    public String host() {
        return host;
    }

    /** tcp service, or the udp connect service; null when absent */
    public String service() {
        return service;
    }

    /** udp bind host, or null */
    public String bindHost() {
        return bindHost;
    }

    /** udp bind service, or null */
    public String bindService() {
        return bindService;
    }

    /** tcp {@code <protocol type=>} ({@code raw} by default), null for other types */
    public String protocol() {
        return protocol;
    }

    /** tcp/unix {@code <reconnect>}, or null */
    public Reconnect reconnect() {
        return reconnect;
    }

    /** further attributes and children of the (first) source element: and child elements the model does not name, kept verbatim and formatted back in libvirt's order; never null */
    public Preserved other() {
        return other;
    }

    /** A copy with {@code other} replaced. */
    public CharSource withOther(Preserved newOther) {
        return toBuilder().other(newOther).build();
    }

    /**
     * {@code <reconnect enabled= timeout=/>}.
     *
     * @param enabled whether the client reconnects
     * @param timeout seconds between attempts, null when not enabled
     */
    public record Reconnect(boolean enabled, Integer timeout) {
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof CharSource x)) {
            return false;
        }
        return Objects.equals(mode, x.mode) && Objects.equals(path, x.path)
                && Objects.equals(append, x.append) && Objects.equals(host, x.host)
                && Objects.equals(service, x.service) && Objects.equals(bindHost, x.bindHost)
                && Objects.equals(bindService, x.bindService) && Objects.equals(protocol, x.protocol)
                && Objects.equals(reconnect, x.reconnect) && Objects.equals(other, x.other);
    }

    @Override
    public int hashCode() {
        return Objects.hash(mode, path, append, host, service, bindHost, bindService, protocol, reconnect,
                other);
    }

    @Override
    public String toString() {
        return "CharSource[mode=" + mode + ", path=" + path + ", append=" + append + ", host=" + host
                + ", service=" + service + ", bindHost=" + bindHost + ", bindService=" + bindService
                + ", protocol=" + protocol + ", reconnect=" + reconnect + ", other=" + other + "]";
    }

}
