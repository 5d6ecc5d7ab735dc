package org.jvirt.api.xml;

import java.util.List;
import java.util.Objects;

/**
 * The {@code <redirfilter>} of USB redirection: which devices a client may redirect.
 *
 * <p>Immutable; lists are never null. Build with {@link #builder()}, change with {@link #toBuilder()}.
 */
public final class RedirFilter implements Device {
    private final List<UsbDev> usbdevs;
    private final Preserved other;
    private final DeviceInfo info;

    RedirFilter(RedirFilterBuilder b) {
        this.usbdevs = List.copyOf(b.usbdevs == null ? List.of() : b.usbdevs);
        this.other = b.other == null ? Preserved.NONE : b.other;
        this.info = b.info == null ? DeviceInfo.NONE : b.info;
    }

    /** A builder with every field unset (null, empty, or the documented default). */
    public static RedirFilterBuilder builder() {
        return new RedirFilterBuilder();
    }

    /** A builder holding this object's values. */
    public RedirFilterBuilder toBuilder() {
        return new RedirFilterBuilder(this);
    }

    /** the {@code <usbdev>} rules, in order */
    public List<UsbDev> usbdevs() {
        return usbdevs;
    }

    /** further attributes and child elements the model does not name, kept verbatim and formatted back in libvirt's order; never null */
    public Preserved other() {
        return other;
    }

    /** the device's {@code <alias>}, {@code <address>}, {@code <boot>}, {@code <acpi>} and {@code <rom>}, never null */
    public DeviceInfo info() {
        return info;
    }

    /** A copy with {@code other} replaced. */
    public RedirFilter withOther(Preserved newOther) {
        return toBuilder().other(newOther).build();
    }

    /** A copy with {@code info} replaced. */
    public RedirFilter withInfo(DeviceInfo newInfo) {
        return toBuilder().info(newInfo).build();
    }

    @Override
    public String elementName() {
        return "redirfilter";
    }

    /**
     * {@code <usbdev class= vendor= product= version= allow=/>}, values as written; a null value
     * (or {@code -1}) matches any device.
     *
     * @param usbClass the USB class ({@code 0x08}), or null
     * @param vendor   the vendor id ({@code 0x15E1}), or null
     * @param product  the product id ({@code 0x2007}), or null
     * @param version  the device version ({@code 1.10}), or null
     * @param allow    {@code yes} or {@code no}
     */
    public record UsbDev(String usbClass, String vendor, String product, String version, String allow) {
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof RedirFilter x)) {
            return false;
        }
        return Objects.equals(usbdevs, x.usbdevs) && Objects.equals(other, x.other)
                && Objects.equals(info, x.info);
    }

    @Override
    public int hashCode() {
        return Objects.hash(usbdevs, other, info);
    }

    @Override
    public String toString() {
        return "RedirFilter[usbdevs=" + usbdevs + ", other=" + other + ", info=" + info + "]";
    }

}
