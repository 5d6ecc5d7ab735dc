package org.jvirt.api.xml;

import java.util.Objects;

/**
 * A device the model does not type, kept as written and formatted back in libvirt's order. Its
 * {@code <alias>}, {@code <address>}, {@code <boot>}, {@code <acpi>} and {@code <rom>} are typed in
 * {@link #info()} and are not part of {@link #element()}.
 *
 * <p>Immutable and thread-safe.
 */
public final class GenericDevice implements Device {
    private final XmlElement element;
    private final DeviceInfo info;

    private GenericDevice(XmlElement element, DeviceInfo info) {
        this.element = Objects.requireNonNull(element, "element");
        this.info = info == null ? DeviceInfo.NONE : info;
    }

    /** A device without typed information: everything stays in {@code element}. */
    public static GenericDevice of(XmlElement element) {
        return new GenericDevice(element, DeviceInfo.NONE);
    }

    /**
     * @param element the device element without its device information children, never null
     * @param info    its device information, or null for none
     */
    public static GenericDevice of(XmlElement element, DeviceInfo info) {
        return new GenericDevice(element, info);
    }

    /** The element as written, without the children that {@link #info()} holds; never null. */
    public XmlElement element() {
        return element;
    }

    @Override
    public DeviceInfo info() {
        return info;
    }

    @Override
    public String elementName() {
        return element.name();
    }

    /** A copy with {@code element} replaced. */
    public GenericDevice withElement(XmlElement newElement) {
        return new GenericDevice(newElement, info);
    }

    /** A copy with {@code info} replaced. */
    public GenericDevice withInfo(DeviceInfo newInfo) {
        return new GenericDevice(element, newInfo);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof GenericDevice g && element.equals(g.element) && info.equals(g.info);
    }

    @Override
    public int hashCode() {
        return Objects.hash(element, info);
    }

    @Override
    public String toString() {
        return "GenericDevice[element=" + element + ", info=" + info + "]";
    }
}
