package org.jvirt.xml.internal;

import org.jvirt.api.xml.VirtioDriver;

/** A {@code <driver>} carrying only the virtio options (virDomainVirtioOptionsParseXML/Format). */
final class VirtioDriverCodec {
    static final String[] ATTRS = {"iommu", "ats", "packed", "page_per_vq"};

    private VirtioDriverCodec() {
    }

    /** The driver child of {@code holder}, or null when there is none. */
    static VirtioDriver parse(Node holder) {
        Node d = holder.child("driver");
        if (d == null) {
            return null;
        }
        return VirtioDriver.builder().iommu(d.attr("iommu")).ats(d.attr("ats")).packed(d.attr("packed"))
                .pagePerVq(d.attr("page_per_vq")).other(d.rest()).build();
    }

    /** {@code <driver>}, or null when there is none. */
    static Out format(VirtioDriver d) {
        if (d == null) {
            return null;
        }
        return new Out("driver").attrOrder(ATTRS).attr("iommu", d.iommu()).attr("ats", d.ats())
                .attr("packed", d.packed()).attr("page_per_vq", d.pagePerVq()).preserved(d.other());
    }
}
