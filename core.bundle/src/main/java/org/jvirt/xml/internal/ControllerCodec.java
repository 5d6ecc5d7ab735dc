package org.jvirt.xml.internal;

import java.util.List;

import org.jvirt.api.VirtException;
import org.jvirt.api.xml.Controller;
import org.jvirt.api.xml.ControllerBuilder;
import org.jvirt.api.xml.ControllerDriver;
import org.jvirt.api.xml.ControllerTarget;
import org.jvirt.api.xml.XmlElement;

/** {@code <controller>} as libvirt's virDomainControllerDefParseXML and virDomainControllerDefFormat. */
final class ControllerCodec {
    private static final String[] ATTRS = {"type", "index", "model", "ports", "vectors", "maxGrantFrames",
        "maxEventChannels"};
    private static final String[] DRIVER_ATTRS = {"queues", "cmd_per_lun", "max_sectors", "ioeventfd", "iothread",
        "iommu", "ats", "packed", "page_per_vq"};
    private static final String[] TARGET_ATTRS = {"chassisNr", "chassis", "port", "busNr", "index", "hotplug",
        "memReserve"};

    private ControllerCodec() {
    }

    static Controller parse(Node c) throws VirtException {
        String type = c.requiredAttr("type");
        Integer index = Num.nonNegative(c, "index");
        ControllerBuilder b = Controller.builder().type(type).index(index == null ? -1 : index).model(c.attr("model"))
                .ports(Num.nonNegative(c, "ports")).vectors(Num.nonNegative(c, "vectors"));
        List<XmlElement> models = c.element().children("model");
        if (models.size() == 1 && models.get(0).children().isEmpty() && models.get(0).attributes().size() == 1
                && models.get(0).attribute("name") != null) {
            c.use(models.get(0));
            b.modelName(models.get(0).attribute("name"));
        }
        Node driver = c.child("driver");
        if (driver != null) {
            b.driver(ControllerDriver.builder().queues(Num.uint(driver, "queues"))
                    .cmdPerLun(Num.uint(driver, "cmd_per_lun")).maxSectors(Num.uint(driver, "max_sectors"))
                    .ioeventfd(driver.attr("ioeventfd")).iothread(Num.uint(driver, "iothread"))
                    .iommu(driver.attr("iommu")).ats(driver.attr("ats")).packed(driver.attr("packed"))
                    .pagePerVq(driver.attr("page_per_vq")).iothreads(IothreadQueuesCodec.parse(driver))
                    .other(driver.rest()).build());
        }
        if (type.equals("pci")) {
            Node target = c.child("target");
            if (target != null) {
                b.target(ControllerTarget.builder().chassisNr(Num.nonNegative(target, "chassisNr"))
                        .chassis(Num.nonNegative(target, "chassis")).port(Num.uint(target, "port", 0))
                        .busNr(Num.nonNegative(target, "busNr")).index(Num.nonNegative(target, "index"))
                        .hotplug(target.attr("hotplug")).memReserve(Num.ulong(target, "memReserve", 10))
                        .other(target.rest()).build());
            }
        }
        b.info(DeviceInfoCodec.parse(c));
        return b.other(c.rest()).build();
    }

    static XmlElement format(Controller c) {
        Out o = new Out("controller").attrOrder(ATTRS).attr("type", c.type()).attr("index", c.index())
                .attr("model", c.model()).attr("ports", c.ports()).attr("vectors", c.vectors());
        if (c.modelName() != null) {
            o.child(new Out("model").attr("name", c.modelName()));
        }
        ControllerDriver d = c.driver();
        if (d != null) {
            Out driver = new Out("driver").attrOrder(DRIVER_ATTRS).attr("queues", d.queues())
                    .attr("cmd_per_lun", d.cmdPerLun()).attr("max_sectors", d.maxSectors())
                    .attr("ioeventfd", d.ioeventfd()).attr("iothread", d.iothread()).attr("iommu", d.iommu())
                    .attr("ats", d.ats()).attr("packed", d.packed()).attr("page_per_vq", d.pagePerVq());
            IothreadQueuesCodec.format(driver, d.iothreads());
            o.child(driver.preserved(d.other()));
        }
        ControllerTarget t = c.target();
        if (t != null) {
            o.child(new Out("target").attrOrder(TARGET_ATTRS).attr("chassisNr", t.chassisNr())
                    .attr("chassis", t.chassis())
                    .attr("port", t.port() == null ? null : "0x" + Integer.toHexString(t.port()))
                    .attr("busNr", t.busNr()).attr("index", t.index()).attr("hotplug", t.hotplug())
                    .attr("memReserve", t.memReserve()).preserved(t.other()));
        }
        o.children(DeviceInfoCodec.format(c.info()));
        return o.preserved(c.other()).build();
    }
}
