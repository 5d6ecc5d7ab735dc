package org.jvirt.api.xml;

import java.util.Objects;

/**
 * The {@code <memballoon>} device.
 *
 * <p>Immutable and thread-safe. Build one with {@link #builder()}, change one with
 * {@link #toBuilder()} or a {@code with...} copy; accessors never return null lists.
 */
public final class MemBalloon implements Device {
    private final String model;
    private final String autodeflate;
    private final String freePageReporting;
    private final Integer statsPeriod;
    private final VirtioDriver driver;
    private final Preserved other;
    private final DeviceInfo info;

    private MemBalloon(Builder b) {
        this.model = b.model;
        this.autodeflate = b.autodeflate;
        this.freePageReporting = b.freePageReporting;
        this.statsPeriod = b.statsPeriod;
        this.driver = b.driver;
        this.other = b.other == null ? Preserved.NONE : b.other;
        this.info = b.info == null ? DeviceInfo.NONE : b.info;
    }

    /** A builder with every field unset (null, empty, or the documented default). */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this object's values. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.model = model;
        b.autodeflate = autodeflate;
        b.freePageReporting = freePageReporting;
        b.statsPeriod = statsPeriod;
        b.driver = driver;
        b.other = other;
        b.info = info;
        return b;
    }

    /** {@code virtio}, {@code virtio-transitional}, {@code virtio-non-transitional}, {@code xen} or {@code none} */
    public String model() {
        return model;
    }

    /** {@code on}/{@code off}, or null */
    public String autodeflate() {
        return autodeflate;
    }

    /** {@code on}/{@code off}, or null */
    public String freePageReporting() {
        return freePageReporting;
    }

    /** {@code <stats period=>} in seconds, or null */
    public Integer statsPeriod() {
        return statsPeriod;
    }

    /** {@code <driver>}, or null */
    public VirtioDriver driver() {
        return driver;
    }

    /** further attributes and child elements the model does not name, kept verbatim and formatted back in libvirt's order; never null */
    public Preserved other() {
        return other;
    }

    /** the device's {@code <alias>}, {@code <address>}, {@code <boot>}, {@code <acpi>} and {@code <rom>}, never null */
    public DeviceInfo info() {
        return info;
    }

    /** A copy with {@code model} replaced. */
    public MemBalloon withModel(String newModel) {
        return toBuilder().model(newModel).build();
    }

    /** A copy with {@code autodeflate} replaced. */
    public MemBalloon withAutodeflate(String newAutodeflate) {
        return toBuilder().autodeflate(newAutodeflate).build();
    }

    /** A copy with {@code freePageReporting} replaced. */
    public MemBalloon withFreePageReporting(String newFreePageReporting) {
        return toBuilder().freePageReporting(newFreePageReporting).build();
    }

    /** A copy with {@code statsPeriod} replaced. */
    public MemBalloon withStatsPeriod(Integer newStatsPeriod) {
        return toBuilder().statsPeriod(newStatsPeriod).build();
    }

    /** A copy with {@code driver} replaced. */
    public MemBalloon withDriver(VirtioDriver newDriver) {
        return toBuilder().driver(newDriver).build();
    }

    /** A copy with {@code other} replaced. */
    public MemBalloon withOther(Preserved newOther) {
        return toBuilder().other(newOther).build();
    }

    /** A copy with {@code info} replaced. */
    public MemBalloon withInfo(DeviceInfo newInfo) {
        return toBuilder().info(newInfo).build();
    }

    @Override
    public String elementName() {
        return "memballoon";
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof MemBalloon x)) {
            return false;
        }
        return Objects.equals(model, x.model)
                && Objects.equals(autodeflate, x.autodeflate)
                && Objects.equals(freePageReporting, x.freePageReporting)
                && Objects.equals(statsPeriod, x.statsPeriod)
                && Objects.equals(driver, x.driver)
                && Objects.equals(other, x.other)
                && Objects.equals(info, x.info);
    }

    @Override
    public int hashCode() {
        return Objects.hash(model, autodeflate, freePageReporting, statsPeriod, driver, other, info);
    }

    @Override
    public String toString() {
        return "MemBalloon[" + "model=" + model + ", "
                + "autodeflate=" + autodeflate + ", "
                + "freePageReporting=" + freePageReporting + ", "
                + "statsPeriod=" + statsPeriod + ", "
                + "driver=" + driver + ", "
                + "other=" + other + ", "
                + "info=" + info + "]";
    }

    /** Collects the values of a {@link MemBalloon}; not thread-safe. */
    public static final class Builder {
        private String model;
        private String autodeflate;
        private String freePageReporting;
        private Integer statsPeriod;
        private VirtioDriver driver;
        private Preserved other;
        private DeviceInfo info;

        private Builder() {
        }

        /** @see MemBalloon#model() */
        public Builder model(String value) {
            this.model = value;
            return this;
        }

        /** @see MemBalloon#autodeflate() */
        public Builder autodeflate(String value) {
            this.autodeflate = value;
            return this;
        }

        /** @see MemBalloon#freePageReporting() */
        public Builder freePageReporting(String value) {
            this.freePageReporting = value;
            return this;
        }

        /** @see MemBalloon#statsPeriod() */
        public Builder statsPeriod(Integer value) {
            this.statsPeriod = value;
            return this;
        }

        /** @see MemBalloon#driver() */
        public Builder driver(VirtioDriver value) {
            this.driver = value;
            return this;
        }

        /** @see MemBalloon#other() */
        public Builder other(Preserved value) {
            this.other = value;
            return this;
        }

        /** @see MemBalloon#info() */
        public Builder info(DeviceInfo value) {
            this.info = value;
            return this;
        }

        public MemBalloon build() {
            return new MemBalloon(this);
        }
    }
}
