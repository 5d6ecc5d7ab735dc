package org.jvirt.api.xml;

/**
 * A {@code <host>} of a network disk source (libvirt's virStorageNetHostDef).
 *
 * @param name      the host name or address, or null (a UNIX socket host)
 * @param port      the port, or null for the protocol's default
 * @param transport {@code tcp}, {@code unix} or {@code rdma}, or null
 * @param socket    the UNIX socket path (transport unix), or null
 */
public record SourceHost(String name, Integer port, String transport, String socket) {
}
