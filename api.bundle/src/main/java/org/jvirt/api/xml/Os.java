package org.jvirt.api.xml;

import java.util.List;

/**
 * The {@code <os>} element.
 *
 * @param type        {@code hvm}, {@code xen}, {@code linux}, {@code exe}, ...
 * @param arch        the guest architecture, or null
 * @param machine     the machine type, or null
 * @param firmware    {@code <os firmware=>} ({@code bios}/{@code efi}), or null
 * @param loader      {@code <loader>}, or null
 * @param kernel      direct kernel boot: the kernel path, or null
 * @param initrd      the initrd path, or null
 * @param cmdline     the kernel command line, or null
 * @param bootDevices {@code <boot dev=>} in order ({@code hd}, {@code cdrom}, {@code network},
 *                    {@code fd})
 * @param bootMenu    {@code <bootmenu>}, or null
 * @param other       the rest of os (nvram, init*, dtb, acpi, smbios, bios, firmware features ...)
 */
public record Os(String type, String arch, String machine, String firmware, Loader loader, String kernel,
                 String initrd, String cmdline, List<String> bootDevices, BootMenu bootMenu, Preserved other) {
    public Os {
        bootDevices = List.copyOf(bootDevices == null ? List.of() : bootDevices);
        other = other == null ? Preserved.NONE : other;
    }

    public Os(String type, String arch, String machine) {
        this(type, arch, machine, null, null, null, null, null, List.of(), null, Preserved.NONE);
    }

    /**
     * {@code <loader>}.
     *
     * @param path     the firmware path (text), or null
     * @param readonly {@code yes}/{@code no}, or null
     * @param secure   {@code yes}/{@code no}, or null
     * @param type     {@code rom}/{@code pflash}, or null
     * @param other    further attributes (stateless, format) and children
     */
    public record Loader(String path, String readonly, String secure, String type, Preserved other) {
    }

    /**
     * {@code <bootmenu enable= timeout=/>}.
     *
     * @param enable  {@code yes}/{@code no}
     * @param timeout milliseconds, or null
     */
    public record BootMenu(String enable, Integer timeout) {
    }
}
