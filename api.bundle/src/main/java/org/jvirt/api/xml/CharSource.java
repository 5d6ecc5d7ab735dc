package org.jvirt.api.xml;

/**
 * The host side of a character device ({@code <source>} and {@code <protocol>} of serial,
 * console, channel, and of smartcard, redirdev and rng backends), as libvirt's
 * virDomainChrSourceDef.
 *
 * @param mode        {@code connect} or {@code bind} for tcp and unix (null for other types)
 * @param path        file, device, pipe, pty or unix socket path, or null
 * @param host        tcp host, or the udp connect host; null when absent
 * @param service     tcp service, or the udp connect service; null when absent
 * @param bindHost    udp bind host, or null
 * @param bindService udp bind service, or null
 * @param protocol    tcp {@code <protocol type=>} ({@code raw} by default), null for other types
 * @param reconnect   tcp/unix {@code <reconnect>}, or null
 * @param other       further attributes and children of the (first) source element
 */
public record CharSource(String mode, String path, String host, String service, String bindHost,
                         String bindService, String protocol, Reconnect reconnect, Preserved other) {
    public CharSource {
        other = other == null ? Preserved.NONE : other;
    }

    /**
     * {@code <reconnect enabled= timeout=/>}.
     *
     * @param enabled whether the client reconnects
     * @param timeout seconds between attempts, null when not enabled
     */
    public record Reconnect(boolean enabled, Integer timeout) {
    }
}
