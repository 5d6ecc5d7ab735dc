package org.jvirt.xml.internal;

import org.jvirt.api.VirtException;
import org.jvirt.api.xml.Video;
import org.jvirt.api.xml.VideoAcceleration;
import org.jvirt.api.xml.VideoBuilder;
import org.jvirt.api.xml.VideoDriver;
import org.jvirt.api.xml.VideoModel;
import org.jvirt.api.xml.VideoModelBuilder;
import org.jvirt.api.xml.XmlElement;

/** {@code <video>} as libvirt's virDomainVideoDefParseXML and virDomainVideoDefFormat. */
final class VideoCodec {
    private static final String[] MODEL_ATTRS = {"type", "ram", "vram", "vram64", "vgamem", "heads", "primary",
        "blob"};
    private static final String[] ACCEL_ATTRS = {"accel3d", "accel2d", "rendernode"};
    private static final String[] DRIVER_ATTRS = {"iommu", "ats", "packed", "page_per_vq", "name", "vgaconf"};

    private VideoCodec() {
    }

    static Video parse(Node n) throws VirtException {
        VideoBuilder b = Video.builder();
        Node m = n.child("model");
        if (m != null) {
            b.model(model(m));
        }
        Node d = n.child("driver");
        if (d != null) {
            b.driver(VideoDriver.builder().name(d.attr("name")).vgaconf(d.attr("vgaconf")).iommu(d.attr("iommu"))
                    .ats(d.attr("ats")).packed(d.attr("packed")).pagePerVq(d.attr("page_per_vq"))
                    .other(d.rest()).build());
        }
        return b.info(DeviceInfoCodec.parse(n)).other(n.rest()).build();
    }

    private static VideoModel model(Node m) throws VirtException {
        VideoModelBuilder b = VideoModel.builder().type(m.attr("type")).ram(Num.uint(m, "ram"))
                .vram(Num.uint(m, "vram")).vram64(Num.uint(m, "vram64")).vgamem(Num.uint(m, "vgamem"))
                .heads(Num.uint(m, "heads")).primary(m.attr("primary")).blob(m.attr("blob"));
        Node a = m.child("acceleration");
        if (a != null) {
            b.acceleration(VideoAcceleration.builder().accel3d(a.attr("accel3d")).accel2d(a.attr("accel2d"))
                    .rendernode(a.attr("rendernode")).other(a.rest()).build());
        }
        // typed only when complete: libvirt drops a resolution lacking x or y, jvirt keeps it as written
        XmlElement r = m.element().child("resolution");
        if (r != null && r.attributes().size() == 2 && r.children().isEmpty()) {
            Long x = r.attribute("x") == null ? null : Num.parse(r.attribute("x"), 10);
            Long y = r.attribute("y") == null ? null : Num.parse(r.attribute("y"), 10);
            if (x != null && y != null && x >= 0 && y >= 0 && x <= Integer.MAX_VALUE && y <= Integer.MAX_VALUE) {
                m.use(r);
                b.resolution(new VideoModel.Resolution((int) (long) x, (int) (long) y));
            }
        }
        return b.other(m.rest()).build();
    }

    static XmlElement format(Video v) {
        Out o = new Out("video");
        VideoDriver d = v.driver();
        if (d != null) {
            o.child(new Out("driver").attrOrder(DRIVER_ATTRS).attr("iommu", d.iommu()).attr("ats", d.ats())
                    .attr("packed", d.packed()).attr("page_per_vq", d.pagePerVq()).attr("name", d.name())
                    .attr("vgaconf", d.vgaconf()).preserved(d.other()));
        }
        VideoModel m = v.model();
        if (m != null) {
            Out mo = new Out("model").attrOrder(MODEL_ATTRS).attr("type", m.type()).attr("ram", m.ram())
                    .attr("vram", m.vram()).attr("vram64", m.vram64()).attr("vgamem", m.vgamem())
                    .attr("heads", m.heads()).attr("primary", m.primary()).attr("blob", m.blob());
            VideoAcceleration a = m.acceleration();
            if (a != null) {
                mo.child(new Out("acceleration").attrOrder(ACCEL_ATTRS).attr("accel3d", a.accel3d())
                        .attr("accel2d", a.accel2d()).attr("rendernode", a.rendernode()).preserved(a.other()));
            }
            if (m.resolution() != null) {
                mo.child(new Out("resolution").attr("x", m.resolution().x()).attr("y", m.resolution().y()));
            }
            o.child(mo.preserved(m.other()));
        }
        return o.children(DeviceInfoCodec.format(v.info())).preserved(v.other()).build();
    }
}
