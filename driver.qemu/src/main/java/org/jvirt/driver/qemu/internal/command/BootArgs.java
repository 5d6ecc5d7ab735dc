package org.jvirt.driver.qemu.internal.command;

import org.jvirt.api.xml.Os;

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
        if (os.bios() != null && os.bios().rebootTimeout() != null) {
            b.append("reboot-timeout=").append(os.bios().rebootTimeout()).append(',');
        }
        a.add("-boot", b.append("strict=on").toString());
        for (Os.AcpiTable t : os.acpiTables()) {
            String sig = "slic".equals(t.type()) ? "sig=SLIC," : "";
            a.add("-acpitable", sig + "file=" + Argv.commas(t.path()));
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
}
