package org.jvirt.xml.internal;

import org.jvirt.api.VirtException;
import org.jvirt.api.xml.Hub;
import org.jvirt.api.xml.Iommu;
import org.jvirt.api.xml.IommuBuilder;
import org.jvirt.api.xml.Nvram;
import org.jvirt.api.xml.Panic;
import org.jvirt.api.xml.Pstore;
import org.jvirt.api.xml.PstoreBuilder;
import org.jvirt.api.xml.XmlElement;

/** Devices of one or two attributes: {@code <panic>}, {@code <iommu>}, {@code <hub>}, {@code <nvram>}, {@code <pstore>}. */
final class SmallDeviceCodecs {
    private static final String[] IOMMU_DRIVER_ATTRS = {"intremap", "caching_mode", "eim", "iotlb", "aw_bits",
        "dma_translation"};

    private SmallDeviceCodecs() {
    }

    static Panic panic(Node n) throws VirtException {
        return Panic.builder().model(n.attr("model")).info(DeviceInfoCodec.parse(n)).other(n.rest()).build();
    }

    static XmlElement format(Panic p) {
        return new Out("panic").attr("model", p.model()).children(DeviceInfoCodec.format(p.info()))
                .preserved(p.other()).build();
    }

    static Iommu iommu(Node n) throws VirtException {
        IommuBuilder b = Iommu.builder().model(n.requiredAttr("model"));
        Node d = n.child("driver");
        if (d != null) {
            b.intremap(d.attr("intremap")).cachingMode(d.attr("caching_mode")).eim(d.attr("eim"))
                    .iotlb(d.attr("iotlb")).awBits(Num.uint(d, "aw_bits")).dmaTranslation(d.attr("dma_translation"));
            d.requireFullyRead();
        }
        return b.info(DeviceInfoCodec.parse(n)).other(n.rest()).build();
    }

    static XmlElement format(Iommu i) {
        Out o = new Out("iommu").attr("model", i.model());
        if (i.intremap() != null || i.cachingMode() != null || i.eim() != null || i.iotlb() != null
                || i.awBits() != null || i.dmaTranslation() != null) {
            o.child(new Out("driver").attrOrder(IOMMU_DRIVER_ATTRS).attr("intremap", i.intremap())
                    .attr("caching_mode", i.cachingMode()).attr("eim", i.eim()).attr("iotlb", i.iotlb())
                    .attr("aw_bits", i.awBits()).attr("dma_translation", i.dmaTranslation()));
        }
        return o.children(DeviceInfoCodec.format(i.info())).preserved(i.other()).build();
    }

    static Hub hub(Node n) throws VirtException {
        return Hub.builder().type(n.requiredAttr("type")).info(DeviceInfoCodec.parse(n)).other(n.rest()).build();
    }

    static XmlElement format(Hub h) {
        return new Out("hub").attr("type", h.type()).children(DeviceInfoCodec.format(h.info())).preserved(h.other())
                .build();
    }

    static Nvram nvram(Node n) throws VirtException {
        return Nvram.builder().info(DeviceInfoCodec.parse(n)).other(n.rest()).build();
    }

    static XmlElement format(Nvram v) {
        return new Out("nvram").children(DeviceInfoCodec.format(v.info())).preserved(v.other()).build();
    }

    static Pstore pstore(Node n) throws VirtException {
        PstoreBuilder b = Pstore.builder().backend(n.requiredAttr("backend")).path(n.childText("path"));
        Node size = n.child("size");
        if (size != null) {
            b.sizeKib(Units.toKib("size", size.text(), size.attr("unit")));
            size.requireFullyRead();
        }
        return b.info(DeviceInfoCodec.parse(n)).other(n.rest()).build();
    }

    static XmlElement format(Pstore p) {
        Out o = new Out("pstore").attr("backend", p.backend()).textChild("path", p.path());
        if (p.sizeKib() != null) {
            o.child(new Out("size").attr("unit", "KiB").text(p.sizeKib().toString()));
        }
        return o.children(DeviceInfoCodec.format(p.info())).preserved(p.other()).build();
    }
}
