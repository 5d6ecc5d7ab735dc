package org.jvirt.api.xml;

import java.util.Objects;

/**
 * A filesystem's {@code <source>}: {@code dir} (mount, bind; {@code socket} for an externally
 * started virtiofsd), {@code file}, {@code dev} (block), {@code name} (template), {@code pool} and
 * {@code volume} (volume), {@code usage} (ram, normalised to KiB as libvirt does).
 *
 * <p>Immutable and thread-safe. Build one with {@link #builder()}, change one with
 * {@link #toBuilder()} or a {@code with...} copy; accessors never return null lists.
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

    private FsSource(Builder b) {
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
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this object's values. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.dir = dir;
        b.file = file;
        b.dev = dev;
        b.name = name;
        b.pool = pool;
        b.volume = volume;
        b.usageKib = usageKib;
        b.units = units;
        b.socket = socket;
        b.other = other;
        return b;
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

    /** A copy with {@code dir} replaced. */
    public FsSource withDir(String newDir) {
        return toBuilder().dir(newDir).build();
    }

    /** A copy with {@code file} replaced. */
    public FsSource withFile(String newFile) {
        return toBuilder().file(newFile).build();
    }

    /** A copy with {@code dev} replaced. */
    public FsSource withDev(String newDev) {
        return toBuilder().dev(newDev).build();
    }

    /** A copy with {@code name} replaced. */
    public FsSource withName(String newName) {
        return toBuilder().name(newName).build();
    }

    /** A copy with {@code pool} replaced. */
    public FsSource withPool(String newPool) {
        return toBuilder().pool(newPool).build();
    }

    /** A copy with {@code volume} replaced. */
    public FsSource withVolume(String newVolume) {
        return toBuilder().volume(newVolume).build();
    }

    /** A copy with {@code usageKib} replaced. */
    public FsSource withUsageKib(Long newUsageKib) {
        return toBuilder().usageKib(newUsageKib).build();
    }

    /** A copy with {@code units} replaced. */
    public FsSource withUnits(String newUnits) {
        return toBuilder().units(newUnits).build();
    }

    /** A copy with {@code socket} replaced. */
    public FsSource withSocket(String newSocket) {
        return toBuilder().socket(newSocket).build();
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
        return Objects.equals(dir, x.dir)
                && Objects.equals(file, x.file)
                && Objects.equals(dev, x.dev)
                && Objects.equals(name, x.name)
                && Objects.equals(pool, x.pool)
                && Objects.equals(volume, x.volume)
                && Objects.equals(usageKib, x.usageKib)
                && Objects.equals(units, x.units)
                && Objects.equals(socket, x.socket)
                && Objects.equals(other, x.other);
    }

    @Override
    public int hashCode() {
        return Objects.hash(dir, file, dev, name, pool, volume, usageKib, units, socket, other);
    }

    @Override
    public String toString() {
        return "FsSource[" + "dir=" + dir + ", "
                + "file=" + file + ", "
                + "dev=" + dev + ", "
                + "name=" + name + ", "
                + "pool=" + pool + ", "
                + "volume=" + volume + ", "
                + "usageKib=" + usageKib + ", "
                + "units=" + units + ", "
                + "socket=" + socket + ", "
                + "other=" + other + "]";
    }

    /** Collects the values of a {@link FsSource}; not thread-safe. */
    public static final class Builder {
        private String dir;
        private String file;
        private String dev;
        private String name;
        private String pool;
        private String volume;
        private Long usageKib;
        private String units;
        private String socket;
        private Preserved other;

        private Builder() {
        }

        /** @see FsSource#dir() */
        public Builder dir(String value) {
            this.dir = value;
            return this;
        }

        /** @see FsSource#file() */
        public Builder file(String value) {
            this.file = value;
            return this;
        }

        /** @see FsSource#dev() */
        public Builder dev(String value) {
            this.dev = value;
            return this;
        }

        /** @see FsSource#name() */
        public Builder name(String value) {
            this.name = value;
            return this;
        }

        /** @see FsSource#pool() */
        public Builder pool(String value) {
            this.pool = value;
            return this;
        }

        /** @see FsSource#volume() */
        public Builder volume(String value) {
            this.volume = value;
            return this;
        }

        /** @see FsSource#usageKib() */
        public Builder usageKib(Long value) {
            this.usageKib = value;
            return this;
        }

        /** @see FsSource#units() */
        public Builder units(String value) {
            this.units = value;
            return this;
        }

        /** @see FsSource#socket() */
        public Builder socket(String value) {
            this.socket = value;
            return this;
        }

        /** @see FsSource#other() */
        public Builder other(Preserved value) {
            this.other = value;
            return this;
        }

        public FsSource build() {
            return new FsSource(this);
        }
    }
}
