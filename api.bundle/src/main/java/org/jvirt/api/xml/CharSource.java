package org.jvirt.api.xml;

import java.util.Objects;

/**
 * The host side of a character device ({@code <source>} and {@code <protocol>} of serial,
 * console, channel, and of smartcard, redirdev and rng backends), as libvirt's
 * virDomainChrSourceDef.
 *
 * <p>Immutable and thread-safe. Build one with {@link #builder()}, change one with
 * {@link #toBuilder()} or a {@code with...} copy; accessors never return null lists.
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

    private CharSource(Builder b) {
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
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this object's values. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.mode = mode;
        b.path = path;
        b.append = append;
        b.host = host;
        b.service = service;
        b.bindHost = bindHost;
        b.bindService = bindService;
        b.protocol = protocol;
        b.reconnect = reconnect;
        b.other = other;
        return b;
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

    /** A copy with {@code mode} replaced. */
    public CharSource withMode(String newMode) {
        return toBuilder().mode(newMode).build();
    }

    /** A copy with {@code path} replaced. */
    public CharSource withPath(String newPath) {
        return toBuilder().path(newPath).build();
    }

    /** A copy with {@code append} replaced. */
    public CharSource withAppend(String newAppend) {
        return toBuilder().append(newAppend).build();
    }

    /** A copy with {@code host} replaced. */
    public CharSource withHost(String newHost) {
        return toBuilder().host(newHost).build();
    }

    /** A copy with {@code service} replaced. */
    public CharSource withService(String newService) {
        return toBuilder().service(newService).build();
    }

    /** A copy with {@code bindHost} replaced. */
    public CharSource withBindHost(String newBindHost) {
        return toBuilder().bindHost(newBindHost).build();
    }

    /** A copy with {@code bindService} replaced. */
    public CharSource withBindService(String newBindService) {
        return toBuilder().bindService(newBindService).build();
    }

    /** A copy with {@code protocol} replaced. */
    public CharSource withProtocol(String newProtocol) {
        return toBuilder().protocol(newProtocol).build();
    }

    /** A copy with {@code reconnect} replaced. */
    public CharSource withReconnect(Reconnect newReconnect) {
        return toBuilder().reconnect(newReconnect).build();
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
        return Objects.equals(mode, x.mode)
                && Objects.equals(path, x.path)
                && Objects.equals(append, x.append)
                && Objects.equals(host, x.host)
                && Objects.equals(service, x.service)
                && Objects.equals(bindHost, x.bindHost)
                && Objects.equals(bindService, x.bindService)
                && Objects.equals(protocol, x.protocol)
                && Objects.equals(reconnect, x.reconnect)
                && Objects.equals(other, x.other);
    }

    @Override
    public int hashCode() {
        return Objects.hash(mode, path, append, host, service, bindHost, bindService, protocol, reconnect, other);
    }

    @Override
    public String toString() {
        return "CharSource[" + "mode=" + mode + ", "
                + "path=" + path + ", "
                + "append=" + append + ", "
                + "host=" + host + ", "
                + "service=" + service + ", "
                + "bindHost=" + bindHost + ", "
                + "bindService=" + bindService + ", "
                + "protocol=" + protocol + ", "
                + "reconnect=" + reconnect + ", "
                + "other=" + other + "]";
    }

    /** Collects the values of a {@link CharSource}; not thread-safe. */
    public static final class Builder {
        private String mode;
        private String path;
        private String append;
        private String host;
        private String service;
        private String bindHost;
        private String bindService;
        private String protocol;
        private Reconnect reconnect;
        private Preserved other;

        private Builder() {
        }

        /** @see CharSource#mode() */
        public Builder mode(String value) {
            this.mode = value;
            return this;
        }

        /** @see CharSource#path() */
        public Builder path(String value) {
            this.path = value;
            return this;
        }

        /** @see CharSource#append() */
        public Builder append(String value) {
            this.append = value;
            return this;
        }

        /** @see CharSource#host() */
        public Builder host(String value) {
            this.host = value;
            return this;
        }

        /** @see CharSource#service() */
        public Builder service(String value) {
            this.service = value;
            return this;
        }

        /** @see CharSource#bindHost() */
        public Builder bindHost(String value) {
            this.bindHost = value;
            return this;
        }

        /** @see CharSource#bindService() */
        public Builder bindService(String value) {
            this.bindService = value;
            return this;
        }

        /** @see CharSource#protocol() */
        public Builder protocol(String value) {
            this.protocol = value;
            return this;
        }

        /** @see CharSource#reconnect() */
        public Builder reconnect(Reconnect value) {
            this.reconnect = value;
            return this;
        }

        /** @see CharSource#other() */
        public Builder other(Preserved value) {
            this.other = value;
            return this;
        }

        public CharSource build() {
            return new CharSource(this);
        }
    }
}
