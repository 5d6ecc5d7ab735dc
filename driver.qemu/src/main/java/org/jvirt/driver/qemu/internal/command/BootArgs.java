package org.jvirt.driver.qemu.internal.command;

import java.util.List;

import org.jvirt.api.xml.Os;
import org.jvirt.api.xml.XmlElement;

/** {@code <os>}: {@code -boot} (menu, BIOS reboot timeout), ACPI tables and direct kernel boot. */
final class BootArgs {
    private final QemuMachine m;

    BootArgs(QemuMachine m) {
        this.m = m;
    }

    void boot(Argv a) {
        Os os = m.def().os();
        StringBuilder b = new StringBuilder();
        if (os.bootMenu() != null) {
            boolean on = "yes".equals(os.bootMenu().enable());
            b.append("menu=").append(on ? "on" : "off");
            if (on && os.bootMenu().timeout() != null) {
                b.append(",splash-time=").append(os.bootMenu().timeout());
            }
            b.append(',');
        }
        for (XmlElement bios : others(os, "bios")) {
            if (bios.attribute("rebootTimeout") != null) {
                b.append("reboot-timeout=").append(bios.attribute("rebootTimeout")).append(',');
            }
        }
        a.add("-boot", b.append("strict=on").toString());
        for (XmlElement acpi : others(os, "acpi")) {
            for (XmlElement t : acpi.children("table")) {
                String sig = "slic".equals(t.attribute("type")) ? "sig=SLIC," : "";
                a.add("-acpitable", sig + "file=" + Argv.commas(t.text()));
            }
        }
        if (os.kernel() != null) {
            a.add("-kernel", os.kernel());
        }
        if (os.initrd() != null) {
            a.add("-initrd", os.initrd());
        }
        if (os.cmdline() != null) {
            a.add("-append", os.cmdline());
        }
    }

    private static List<XmlElement> others(Os os, String name) {
        // TODO(typed): <os><bios> and <os><acpi> are read from Os.other() until typed
        return os.other().children().stream().filter(e -> e.name().equals(name)).toList();
    }
}
