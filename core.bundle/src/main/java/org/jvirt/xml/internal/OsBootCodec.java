package org.jvirt.xml.internal;

import java.util.ArrayList;
import java.util.List;

import org.jvirt.api.VirtException;
import org.jvirt.api.xml.Os;
import org.jvirt.api.xml.OsBuilder;

/**
 * The firmware side of {@code <os>}: loader, nvram, bios, smbios, acpi tables, dtb and firmware
 * features (virDomainDefParseBootLoaderOptions, ...BootAcpiOptions, ...BootFirmwareOptions and
 * their formatters).
 */
final class OsBootCodec {
    private OsBootCodec() {
    }

    static void parse(Node os, OsBuilder b) throws VirtException {
        Node l = os.child("loader");
        if (l != null) {
            b.loader(new Os.Loader(l.text(), l.attr("readonly"), l.attr("secure"), l.attr("type"), l.attr("stateless"),
                    l.attr("format"), l.rest()));
        }
        Node nv = os.child("nvram");
        if (nv != null) {
            b.nvram(new Os.Nvram(nv.text(), nv.attr("template"), nv.attr("format"), nv.attr("templateFormat"),
                    nv.rest()));
        }
        Node bios = os.child("bios");
        if (bios != null) {
            b.bios(new Os.Bios(bios.attr("useserial"), rebootTimeout(bios)));
            bios.requireFullyRead();
        }
        Node smbios = os.child("smbios");
        if (smbios != null) {
            b.smbiosMode(smbios.requiredAttr("mode"));
            smbios.requireFullyRead();
        }
        b.dtb(os.element().children("dtb").isEmpty() ? null : os.childText("dtb"));
        List<Os.AcpiTable> tables = new ArrayList<>();
        Node acpi = os.child("acpi");
        if (acpi != null) {
            for (Node t : acpi.children("table")) {
                tables.add(new Os.AcpiTable(t.attr("type"), t.text()));
                t.requireFullyRead();
            }
            acpi.requireFullyRead();
        }
        List<Os.FirmwareFeature> features = new ArrayList<>();
        Node fw = os.child("firmware");
        if (fw != null) {
            for (Node f : fw.children("feature")) {
                features.add(new Os.FirmwareFeature(f.attr("enabled"), f.attr("name")));
                f.requireFullyRead();
            }
            fw.requireFullyRead();
        }
        b.acpiTables(tables).firmwareFeatures(features);
    }

    /** libvirt reads it with virStrToLong_i and allows -1 (no reboot) to 65535 ms. */
    private static Integer rebootTimeout(Node bios) throws VirtException {
        String v = bios.attr("rebootTimeout");
        if (v == null) {
            return null;
        }
        Long l = Num.parse(v, 10);
        if (l == null || l < -1 || l > 65535) {
            throw XmlErrors.xml("invalid value for rebootTimeout, must be in range [-1,65535]");
        }
        return (int) (long) l;
    }

    static void format(Os os, Out o) {
        Os.Loader l = os.loader();
        if (l != null) {
            o.child(new Out("loader").attr("readonly", l.readonly()).attr("secure", l.secure()).attr("type", l.type())
                    .attr("stateless", l.stateless()).attr("format", l.format()).preserved(l.other())
                    .attrOrder("readonly", "secure", "type", "stateless", "format").text(l.path()));
        }
        Os.Nvram nv = os.nvram();
        if (nv != null) {
            o.child(new Out("nvram").attr("template", nv.template()).attr("templateFormat", nv.templateFormat())
                    .attr("format", nv.format()).preserved(nv.other())
                    .attrOrder("template", "templateFormat", "type", "format").text(nv.path()));
        }
        o.textChild("dtb", os.dtb());
        if (!os.acpiTables().isEmpty()) {
            Out acpi = new Out("acpi");
            os.acpiTables().forEach(t -> acpi.child(new Out("table").attr("type", t.type()).text(t.path())));
            o.child(acpi);
        }
        if (os.bios() != null) {
            o.child(new Out("bios").attr("useserial", os.bios().useserial())
                    .attr("rebootTimeout", os.bios().rebootTimeout()));
        }
        if (os.smbiosMode() != null) {
            o.child(new Out("smbios").attr("mode", os.smbiosMode()));
        }
        if (!os.firmwareFeatures().isEmpty()) {
            Out fw = new Out("firmware");
            os.firmwareFeatures().forEach(f -> fw.child(new Out("feature").attr("enabled", f.enabled())
                    .attr("name", f.name())));
            o.child(fw);
        }
    }
}
