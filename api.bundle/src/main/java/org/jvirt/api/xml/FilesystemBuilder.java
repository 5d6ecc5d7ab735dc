package org.jvirt.api.xml;

/** Collects the values of a {@link Filesystem}: from {@link Filesystem#builder()} or {@link Filesystem#toBuilder()}; not thread-safe. */
public final class FilesystemBuilder {
    String type;
    String accessMode;
    String model;
    String multidevs;
    Integer fmode;
    Integer dmode;
    FsDriver driver;
    FsBinary binary;
    IdMap idmap;
    FsSource source;
    String targetDir;
    boolean readOnly;
    Long spaceHardLimit;
    Long spaceSoftLimit;
    Preserved other;
    DeviceInfo info;

    FilesystemBuilder() {
    }

    FilesystemBuilder(Filesystem from) {
        type = from.type();
        accessMode = from.accessMode();
        model = from.model();
        multidevs = from.multidevs();
        fmode = from.fmode();
        dmode = from.dmode();
        driver = from.driver();
        binary = from.binary();
        idmap = from.idmap();
        source = from.source();
        targetDir = from.targetDir();
        readOnly = from.readOnly();
        spaceHardLimit = from.spaceHardLimit();
        spaceSoftLimit = from.spaceSoftLimit();
        other = from.other();
        info = from.info();
    }

    /** @see Filesystem#type() */
    public FilesystemBuilder type(String value) {
        this.type = value;
        return this;
    }

    /** @see Filesystem#accessMode() */
    public FilesystemBuilder accessMode(String value) {
        this.accessMode = value;
        return this;
    }

    /** @see Filesystem#model() */
    public FilesystemBuilder model(String value) {
        this.model = value;
        return this;
    }

    /** @see Filesystem#multidevs() */
    public FilesystemBuilder multidevs(String value) {
        this.multidevs = value;
        return this;
    }

    /** @see Filesystem#fmode() */
    public FilesystemBuilder fmode(Integer value) {
        this.fmode = value;
        return this;
    }

    /** @see Filesystem#dmode() */
    public FilesystemBuilder dmode(Integer value) {
        this.dmode = value;
        return this;
    }

    /** @see Filesystem#driver() */
    public FilesystemBuilder driver(FsDriver value) {
        this.driver = value;
        return this;
    }

    /** @see Filesystem#binary() */
    public FilesystemBuilder binary(FsBinary value) {
        this.binary = value;
        return this;
    }

    /** @see Filesystem#idmap() */
    public FilesystemBuilder idmap(IdMap value) {
        this.idmap = value;
        return this;
    }

    /** @see Filesystem#source() */
    public FilesystemBuilder source(FsSource value) {
        this.source = value;
        return this;
    }

    /** @see Filesystem#targetDir() */
    public FilesystemBuilder targetDir(String value) {
        this.targetDir = value;
        return this;
    }

    /** @see Filesystem#readOnly() */
    public FilesystemBuilder readOnly(boolean value) {
        this.readOnly = value;
        return this;
    }

    /** @see Filesystem#spaceHardLimit() */
    public FilesystemBuilder spaceHardLimit(Long value) {
        this.spaceHardLimit = value;
        return this;
    }

    /** @see Filesystem#spaceSoftLimit() */
    public FilesystemBuilder spaceSoftLimit(Long value) {
        this.spaceSoftLimit = value;
        return this;
    }

    /** @see Filesystem#other() */
    public FilesystemBuilder other(Preserved value) {
        this.other = value;
        return this;
    }

    /** @see Filesystem#info() */
    public FilesystemBuilder info(DeviceInfo value) {
        this.info = value;
        return this;
    }

    public Filesystem build() {
        return new Filesystem(this);
    }
}
