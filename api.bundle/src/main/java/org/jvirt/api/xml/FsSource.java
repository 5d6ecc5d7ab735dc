package org.jvirt.api.xml;

import java.util.Objects;

/**
 * A filesystem's {@code <source>}: {@code dir} (mount, bind; {@code socket} for an externally
 * started virtiofsd), {@code file}, {@code dev} (block), {@code name} (template), {@code pool} and
 * {@code volume} (volume), {@code usage} (ram, normalised to KiB as libvirt does).
 *
 * <p>Immutable; lists are never null. Build with {@link #builder()}, change with {@link #toBuilder()}.
 */
public final class FsSource {
    private final String dir;
    private final String file;
    private final String dev;
    private final String name;
    private final String pool;
    private final String volume;
    private final Long usageKib;
    private final String units;
    private final String socket;
    private final Preserved other;

    FsSource(FsSourceBuilder b) {
        this.dir = b.dir;
        this.file = b.file;
        this.dev = b.dev;
        this.name = b.name;
        this.pool = b.pool;
        this.volume = b.volume;
        this.usageKib = b.usageKib;
        this.units = b.units;
        this.socket = b.socket;
        this.other = b.other == null ? Preserved.NONE : b.other;
    }

    /** A builder with every field unset (null, empty, or the documented default). */
    public static FsSourceBuilder builder() {
        return new FsSourceBuilder();
    }

    /** A builder holding this object's values. */
    public FsSourceBuilder toBuilder() {
        return new FsSourceBuilder(this);
    }

    /** the host directory, or null */
    public String dir() {
        return dir;
    }

    /** the image file, or null */
    public String file() {
        return file;
    }

    /** the host block device, or null */
    public String dev() {
        return dev;
    }

    /** the template name, or null */
    public String name() {
        return name;
    }

    /** the storage pool (type volume), or null */
    public String pool() {
        return pool;
    }

    /** the storage volume (type volume), or null */
    public String volume() {
        return volume;
    }

    /** the RAM filesystem size in KiB, or null */
    public Long usageKib() {
        return usageKib;
    }

    /** the unit written back with {@code usage} ({@code KiB} after parsing), or null */
    public String units() {
        return units;
    }

    /** the vhost-user socket of an external virtiofsd, or null */
    public String socket() {
        return socket;
    }

    /** further attributes and child elements the model does not name, kept verbatim and formatted back in libvirt's order; never null */
    public Preserved other() {
        return other;
    }

    /** A copy with {@code name} replaced. */
    public FsSource withName(String newName) {
        return toBuilder().name(newName).build();
    }

    /** A copy with {@code other} replaced. */
    public FsSource withOther(Preserved newOther) {
        return toBuilder().other(newOther).build();
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof FsSource x)) {
            return false;
        }
        return Objects.equals(dir, x.dir) && Objects.equals(file, x.file) && Objects.equals(dev, x.dev)
                && Objects.equals(name, x.name) && Objects.equals(pool, x.pool)
                && Objects.equals(volume, x.volume) && Objects.equals(usageKib, x.usageKib)
                && Objects.equals(units, x.units) && Objects.equals(socket, x.socket)
                && Objects.equals(other, x.other);
    }

    @Override
    public int hashCode() {
        return Objects.hash(dir, file, dev, name, pool, volume, usageKib, units, socket, other);
    }

    @Override
    public String toString() {
        return "FsSource[dir=" + dir + ", file=" + file + ", dev=" + dev + ", name=" + name + ", pool=" + pool
                + ", volume=" + volume + ", usageKib=" + usageKib + ", units=" + units + ", socket=" + socket
                + ", other=" + other + "]";
    }

}
