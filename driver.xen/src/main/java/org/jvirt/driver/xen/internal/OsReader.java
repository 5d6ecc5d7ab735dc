package org.jvirt.driver.xen.internal;

import org.jvirt.api.VirtException;

/** libvirt's xenParseXLOS and xenParseXMOS: firmware, kernel, boot order, nested HVM. */
final class OsReader {
    /** The HVM firmware of libvirt's (fake) libxl capabilities. */
    static final String HVMLOADER = "/usr/lib/xen/boot/hvmloader";

    private OsReader() {
    }

    static void xl(Conf conf, Node dom) throws VirtException {
        Node os = dom.child("os");
        if (CommonReader.hvm(dom)) {
            if ("ovmf".equals(conf.string("bios", null))) {
                os.add("loader").attr("readonly", "yes").attr("type", "pflash").attr("format", "raw")
                        .setText(conf.string("bios_path_override", null));
            } else {
                os.add("loader").attr("type", "rom").attr("format", "raw").setText(HVMLOADER);
            }
            String slic = conf.string("acpi_firmware", null);
            if (slic != null) {
                os.add("acpi").add("table").attr("type", "slic").setText(slic);
            }
            kernel(conf, os, true);
            boot(conf, os);
            int nested = conf.bool("nestedhvm", -1);
            if (nested != -1) {
                Node cpu = dom.childOrAdd("cpu").attr("mode", "host-passthrough");
                if (nested == 0) {
                    // the fake host CPU is an Intel one (core2duo): its virtualisation feature is vmx
                    cpu.add("feature").attr("policy", "disable").attr("name", "vmx");
                }
            }
            return;
        }
        bootloader(conf, dom);
        kernel(conf, os, true);
    }

    static void xm(Conf conf, Node dom) throws VirtException {
        Node os = dom.child("os");
        if (CommonReader.hvm(dom)) {
            String kernel = conf.string("kernel", null);
            if (kernel == null) {
                throw XenErrors.conf("config value kernel was missing");
            }
            os.add("loader").attr("type", "rom").attr("format", "raw").setText(kernel);
            boot(conf, os);
            return;
        }
        bootloader(conf, dom);
        kernel(conf, os, false);
    }

    private static void bootloader(Conf conf, Node dom) throws VirtException {
        String bootloader = conf.string("bootloader", null);
        if (bootloader != null) {
            dom.text("bootloader", bootloader);
        }
        String args = conf.string("bootargs", null);
        if (args != null) {
            dom.text("bootloader_args", args);
        }
    }

    /** kernel, ramdisk and the command line: xl's cmdline wins over root= and extra=. */
    private static void kernel(Conf conf, Node os, boolean xl) throws VirtException {
        if (conf.string("kernel", null) != null) {
            os.text("kernel", conf.string("kernel", null));
        }
        if (conf.string("ramdisk", null) != null) {
            os.text("initrd", conf.string("ramdisk", null));
        }
        String cmdline = xl ? conf.string("cmdline", null) : null;
        String extra = conf.string("extra", null);
        String root = conf.string("root", null);
        if (cmdline == null) {
            if (root != null && extra != null) {
                cmdline = "root=" + root + " " + extra;
            } else if (root != null) {
                cmdline = "root=" + root;
            } else {
                cmdline = extra;
            }
        }
        if (cmdline != null) {
            os.text("cmdline", cmdline);
        }
    }

    private static void boot(Conf conf, Node os) throws VirtException {
        String boot = conf.string("boot", "c");
        for (int i = 0; i < boot.length() && i < 4; i++) {
            os.add("boot").attr("dev", switch (boot.charAt(i)) {
                case 'a' -> "fd";
                case 'd' -> "cdrom";
                case 'n' -> "network";
                default -> "hd";
            });
        }
    }
}
