package org.jvirt.xml.internal;

import java.util.ArrayList;
import java.util.List;

import org.jvirt.api.VirtException;
import org.jvirt.api.xml.Sysinfo;
import org.jvirt.api.xml.SysinfoBuilder;

/**
 * {@code <sysinfo>} (virSysinfoParseXML and virSysinfoFormat). Entries keep the order they were
 * written in; what the model does not name stays in {@link Sysinfo#other()}.
 */
final class SysinfoCodec {
    private SysinfoCodec() {
    }

    static List<Sysinfo> parse(Node domain) throws VirtException {
        List<Sysinfo> out = new ArrayList<>();
        for (Node s : domain.children("sysinfo")) {
            out.add(parseOne(s));
        }
        return out;
    }

    private static Sysinfo parseOne(Node s) throws VirtException {
        String type = s.attr("type");
        if (type == null) {
            throw XmlErrors.xml("sysinfo must contain a type attribute");
        }
        if (!type.equals("smbios") && !type.equals("fwcfg")) {
            throw XmlErrors.xml("unknown sysinfo type '" + type + "'");
        }
        SysinfoBuilder b = Sysinfo.builder().type(type);
        if (type.equals("fwcfg")) {
            List<Sysinfo.FwCfgEntry> entries = new ArrayList<>();
            for (Node e : s.children("entry")) {
                String name = e.attr("name");
                if (name == null) {
                    throw XmlErrors.xml("Firmware entry is missing 'name' attribute");
                }
                entries.add(new Sysinfo.FwCfgEntry(name, e.attr("file"), e.text()));
                e.requireFullyRead();
            }
            return b.entries(entries).other(s.rest()).build();
        }
        b.bios(entries(s.child("bios"))).system(entries(s.child("system"))).chassis(entries(s.child("chassis")));
        b.baseBoards(blocks(s, "baseBoard")).processors(blocks(s, "processor"))
                .memoryDevices(blocks(s, "memory_device"));
        List<String> oem = new ArrayList<>();
        Node o = s.child("oemStrings");
        if (o != null) {
            for (Node e : o.children("entry")) {
                e.requireFullyRead();
                oem.add(e.text() == null ? "" : e.text());
            }
            o.requireFullyRead();
        }
        return b.oemStrings(oem).other(s.rest()).build();
    }

    private static List<Sysinfo.Block> blocks(Node s, String name) throws VirtException {
        List<Sysinfo.Block> out = new ArrayList<>();
        for (Node n : s.children(name)) {
            out.add(new Sysinfo.Block(entries(n)));
        }
        return out;
    }

    private static List<Sysinfo.Entry> entries(Node table) throws VirtException {
        List<Sysinfo.Entry> out = new ArrayList<>();
        if (table == null) {
            return out;
        }
        for (Node e : table.children("entry")) {
            out.add(new Sysinfo.Entry(e.attr("name"), e.text()));
            e.requireFullyRead();
        }
        table.requireFullyRead();
        return out;
    }

    static void format(Out domain, List<Sysinfo> list) {
        for (Sysinfo s : list) {
            Out o = new Out("sysinfo").attr("type", s.type());
            for (Sysinfo.FwCfgEntry e : s.entries()) {
                o.child(new Out("entry").attr("name", e.name()).attr("file", e.file()).text(e.value()));
            }
            o.child(table("bios", s.bios())).child(table("system", s.system()));
            s.baseBoards().forEach(b -> o.child(table("baseBoard", b.entries())));
            o.child(table("chassis", s.chassis()));
            s.processors().forEach(b -> o.child(table("processor", b.entries())));
            s.memoryDevices().forEach(b -> o.child(table("memory_device", b.entries())));
            if (!s.oemStrings().isEmpty()) {
                Out oem = new Out("oemStrings");
                s.oemStrings().forEach(t -> oem.textChild("entry", t));
                o.child(oem);
            }
            domain.child(o.preserved(s.other()));
        }
    }

    private static Out table(String name, List<Sysinfo.Entry> entries) {
        if (entries.isEmpty()) {
            return null;
        }
        Out t = new Out(name);
        entries.forEach(e -> t.child(new Out("entry").attr("name", e.name()).text(e.value())));
        return t;
    }
}
