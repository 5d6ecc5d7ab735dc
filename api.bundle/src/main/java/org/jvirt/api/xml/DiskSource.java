package org.jvirt.api.xml;

import java.util.List;
import java.util.Objects;

/**
 * A disk's {@code <source>}. Which attributes are set depends on the disk type: {@code file}
 * (file), {@code block} (dev), {@code dir} (dir), {@code network} (protocol, name, query, tls,
 * tlsHostname, hosts), {@code volume} (pool, volume, mode). Children other than {@code <host>},
 * {@code <auth>}, {@code <encryption>}, {@code <readahead>} and {@code <timeout>} (reservations,
 * slices, seclabel, cookies, ...) stay in {@code other}.
 *
 * <p>Immutable; lists are never null. Build with {@link #builder()}, change with {@link #toBuilder()}.
 */
public final class DiskSource {
    private final String file;
    private final String dev;
    private final String dir;
    private final String protocol;
    private final String name;
    private final String query;
    private final String tls;
    private final String tlsHostname;
    private final String pool;
    private final String volume;
    private final String mode;
    private final String startupPolicy;
    private final Integer index;
    private final List<SourceHost> hosts;
    private final Long readahead;
    private final Integer timeout;
    private final DiskAuth auth;
    private final DiskEncryption encryption;
    private final Preserved other;

    DiskSource(DiskSourceBuilder b) {
        this.file = b.file;
        this.dev = b.dev;
        this.dir = b.dir;
        this.protocol = b.protocol;
        this.name = b.name;
        this.query = b.query;
        this.tls = b.tls;
        this.tlsHostname = b.tlsHostname;
        this.pool = b.pool;
        this.volume = b.volume;
        this.mode = b.mode;
        this.startupPolicy = b.startupPolicy;
        this.index = b.index;
        this.hosts = List.copyOf(b.hosts == null ? List.of() : b.hosts);
        this.readahead = b.readahead;
        this.timeout = b.timeout;
        this.auth = b.auth;
        this.encryption = b.encryption;
        this.other = b.other == null ? Preserved.NONE : b.other;
    }

    /** A builder with every field unset (null, empty, or the documented default). */
    public static DiskSourceBuilder builder() {
        return new DiskSourceBuilder();
    }

    /** A builder holding this object's values. */
    public DiskSourceBuilder toBuilder() {
        return new DiskSourceBuilder(this);
    }

    /** the image file, or null */
    public String file() {
        return file;
    }

    /** the host block device, or null */
    public String dev() {
        return dev;
    }

    /** the host directory, or null */
    public String dir() {
        return dir;
    }

    /** the network protocol ({@code nbd}, {@code rbd}, {@code iscsi}, {@code http}, ...), or null */
    public String protocol() {
        return protocol;
    }

    /** the network image or volume name, or null */
    public String name() {
        return name;
    }

    /** the network query string, or null */
    public String query() {
        return query;
    }

    /** {@code yes}/{@code no}, or null */
    public String tls() {
        return tls;
    }

    /** the TLS host name, or null */
    public String tlsHostname() {
        return tlsHostname;
    }

    /** the storage pool (type volume), or null */
    public String pool() {
        return pool;
    }

    /** the storage volume (type volume), or null */
    public String volume() {
        return volume;
    }

    /** the volume mode ({@code host}/{@code direct}), or null */
    public String mode() {
        return mode;
    }

    /** {@code mandatory}, {@code requisite} or {@code optional}, or null */
    public String startupPolicy() {
        return startupPolicy;
    }

    /** the backing chain index ({@code index=}), or null */
    public Integer index() {
        return index;
    }

    /** the {@code <host>} entries of a network source */
    public List<SourceHost> hosts() {
        return hosts;
    }

    /** {@code <readahead size=>} of an HTTP(S)/FTP(S) source in bytes, or null */
    public Long readahead() {
        return readahead;
    }

    /** {@code <timeout seconds=>} of an HTTP(S)/FTP(S) source, or null */
    public Integer timeout() {
        return timeout;
    }

    /** {@code <auth>} inside the source, or null */
    public DiskAuth auth() {
        return auth;
    }

    /** {@code <encryption>} inside the source, or null */
    public DiskEncryption encryption() {
        return encryption;
    }

    /** further attributes and child elements the model does not name, kept verbatim and formatted back in libvirt's order; never null */
    public Preserved other() {
        return other;
    }

    /** A copy with {@code name} replaced. */
    public DiskSource withName(String newName) {
        return toBuilder().name(newName).build();
    }

    /** A copy with {@code tls} replaced. */
    public DiskSource withTls(String newTls) {
        return toBuilder().tls(newTls).build();
    }

    /** A copy with {@code index} replaced. */
    public DiskSource withIndex(Integer newIndex) {
        return toBuilder().index(newIndex).build();
    }

    /** A copy with {@code hosts} replaced. */
    public DiskSource withHosts(List<SourceHost> newHosts) {
        return toBuilder().hosts(newHosts).build();
    }

    /** A copy with {@code encryption} replaced. */
    public DiskSource withEncryption(DiskEncryption newEncryption) {
        return toBuilder().encryption(newEncryption).build();
    }

    /** A copy with {@code other} replaced. */
    public DiskSource withOther(Preserved newOther) {
        return toBuilder().other(newOther).build();
    }

    /** The file, device, directory, network name or volume, whichever is set, or null. */
    public String path() {
        for (String p : new String[] {file, dev, dir, name, volume}) {
            if (p != null) {
                return p;
            }
        }
        return null;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof DiskSource x)) {
            return false;
        }
        return Objects.equals(file, x.file) && Objects.equals(dev, x.dev) && Objects.equals(dir, x.dir)
                && Objects.equals(protocol, x.protocol) && Objects.equals(name, x.name)
                && Objects.equals(query, x.query) && Objects.equals(tls, x.tls)
                && Objects.equals(tlsHostname, x.tlsHostname) && Objects.equals(pool, x.pool)
                && Objects.equals(volume, x.volume) && Objects.equals(mode, x.mode)
                && Objects.equals(startupPolicy, x.startupPolicy) && Objects.equals(index, x.index)
                && Objects.equals(hosts, x.hosts) && Objects.equals(readahead, x.readahead)
                && Objects.equals(timeout, x.timeout) && Objects.equals(auth, x.auth)
                && Objects.equals(encryption, x.encryption) && Objects.equals(other, x.other);
    }

    @Override
    public int hashCode() {
        return Objects.hash(file, dev, dir, protocol, name, query, tls, tlsHostname, pool, volume, mode,
                startupPolicy, index, hosts, readahead, timeout, auth, encryption, other);
    }

    @Override
    public String toString() {
        return "DiskSource[file=" + file + ", dev=" + dev + ", dir=" + dir + ", protocol=" + protocol
                + ", name=" + name + ", query=" + query + ", tls=" + tls + ", tlsHostname=" + tlsHostname
                + ", pool=" + pool + ", volume=" + volume + ", mode=" + mode
                + ", startupPolicy=" + startupPolicy + ", index=" + index + ", hosts=" + hosts
                + ", readahead=" + readahead + ", timeout=" + timeout + ", auth=" + auth
                + ", encryption=" + encryption + ", other=" + other + "]";
    }

}
