package org.jvirt.api.xml;

import java.util.List;
import java.util.Objects;

/**
 * The {@code <os>} element.
 *
 * <p>Immutable; lists are never null. Build with {@link #builder()}, change with {@link #toBuilder()}.
 */
public final class Os {
    private final String type;
    private final String arch;
    private final String machine;
    private final String firmware;
    private final Loader loader;
    private final String kernel;
    private final String initrd;
    private final String cmdline;
    private final List<String> bootDevices;
    private final BootMenu bootMenu;
    private final String init;
    private final List<String> initArgs;
    private final List<InitEnv> initEnv;
    private final String initDir;
    private final String initUser;
    private final String initGroup;
    private final Nvram nvram;
    private final Bios bios;
    private final String smbiosMode;
    private final List<AcpiTable> acpiTables;
    private final String dtb;
    private final List<FirmwareFeature> firmwareFeatures;
    private final Preserved other;

    Os(OsBuilder b) {
        this.type = b.type;
        this.arch = b.arch;
        this.machine = b.machine;
        this.firmware = b.firmware;
        this.loader = b.loader;
        this.kernel = b.kernel;
        this.initrd = b.initrd;
        this.cmdline = b.cmdline;
        this.bootDevices = List.copyOf(b.bootDevices == null ? List.of() : b.bootDevices);
        this.bootMenu = b.bootMenu;
        this.init = b.init;
        this.initArgs = List.copyOf(b.initArgs == null ? List.of() : b.initArgs);
        this.initEnv = List.copyOf(b.initEnv == null ? List.of() : b.initEnv);
        this.initDir = b.initDir;
        this.initUser = b.initUser;
        this.initGroup = b.initGroup;
        this.nvram = b.nvram;
        this.bios = b.bios;
        this.smbiosMode = b.smbiosMode;
        this.acpiTables = List.copyOf(b.acpiTables == null ? List.of() : b.acpiTables);
        this.dtb = b.dtb;
        this.firmwareFeatures = List.copyOf(b.firmwareFeatures == null ? List.of() : b.firmwareFeatures);
        this.other = b.other == null ? Preserved.NONE : b.other;
    }

    /** A builder with every field unset (null, empty, or the documented default). */
    public static OsBuilder builder() {
        return new OsBuilder();
    }

    /** A builder holding this object's values. */
    public OsBuilder toBuilder() {
        return new OsBuilder(this);
    }

    /** {@code hvm}, {@code xen}, {@code linux}, {@code exe}, ... */
    public String type() {
        return type;
    }

    /** the guest architecture, or null */
    public String arch() {
        return arch;
    }

    /** the machine type, or null */
    public String machine() {
        return machine;
    }

    /** {@code <os firmware=>} ({@code bios}/{@code efi}), or null */
    public String firmware() {
        return firmware;
    }

    /** {@code <loader>}, or null */
    public Loader loader() {
        return loader;
    }

    /** direct kernel boot: the kernel path, or null */
    public String kernel() {
        return kernel;
    }

    /** the initrd path, or null */
    public String initrd() {
        return initrd;
    }

    /** the kernel command line, or null */
    public String cmdline() {
        return cmdline;
    }

    /** {@code <boot dev=>} in order ({@code hd}, {@code cdrom}, {@code network}, {@code fd}) */
    public List<String> bootDevices() {
        return bootDevices;
    }

    /** {@code <bootmenu>}, or null */
    public BootMenu bootMenu() {
        return bootMenu;
    }

    /** the container's init program ({@code <init>}, type {@code exe}), or null */
    public String init() {
        return init;
    }

    /** {@code <initarg>} arguments of init, in order */
    public List<String> initArgs() {
        return initArgs;
    }

    /** {@code <initenv name=>} variables of init, in order */
    public List<InitEnv> initEnv() {
        return initEnv;
    }

    /** {@code <initdir>}: init's working directory, or null */
    public String initDir() {
        return initDir;
    }

    /** {@code <inituser>}: the user (name or id) init runs as, or null */
    public String initUser() {
        return initUser;
    }

    /** {@code <initgroup>}: the group (name or id) init runs as, or null */
    public String initGroup() {
        return initGroup;
    }

    /** {@code <nvram>}, or null */
    public Nvram nvram() {
        return nvram;
    }

    /** {@code <bios useserial= rebootTimeout=/>}, or null */
    public Bios bios() {
        return bios;
    }

    /** {@code <smbios mode=>} ({@code emulate}, {@code host}, {@code sysinfo}), or null */
    public String smbiosMode() {
        return smbiosMode;
    }

    /** the {@code <acpi><table>} entries, in order */
    public List<AcpiTable> acpiTables() {
        return acpiTables;
    }

    /** {@code <dtb>}: the device tree binary path, or null */
    public String dtb() {
        return dtb;
    }

    /** the {@code <firmware><feature/>} entries, in order */
    public List<FirmwareFeature> firmwareFeatures() {
        return firmwareFeatures;
    }

    /** the rest of os (shim, root, further attributes ...), kept verbatim and formatted back in libvirt's order; never null */
    public Preserved other() {
        return other;
    }

    /** A copy with {@code type} replaced. */
    public Os withType(String newType) {
        return toBuilder().type(newType).build();
    }

    /** A copy with {@code arch} replaced. */
    public Os withArch(String newArch) {
        return toBuilder().arch(newArch).build();
    }

    /** A copy with {@code machine} replaced. */
    public Os withMachine(String newMachine) {
        return toBuilder().machine(newMachine).build();
    }

    /** A copy with {@code other} replaced. */
    public Os withOther(Preserved newOther) {
        return toBuilder().other(newOther).build();
    }

    /**
     * {@code <loader>}.
     *
     * @param path     the firmware path (text), or null
     * @param readonly {@code yes}/{@code no}, or null
     * @param secure   {@code yes}/{@code no}, or null
     * @param type      {@code rom}/{@code pflash}, or null
     * @param stateless {@code yes}/{@code no}, or null
     * @param format    {@code raw}/{@code qcow2}, or null
     * @param other     further attributes and children
     */
    public record Loader(String path, String readonly, String secure, String type, String stateless, String format,
            Preserved other) {
    }

    /**
     * {@code <nvram>}.
     *
     * @param path           the variable store path (text), or null
     * @param template       the template the store is created from, or null
     * @param format         the store's format ({@code raw}/{@code qcow2}), or null
     * @param templateFormat the template's format, or null
     * @param other          further attributes ({@code type}) and children ({@code <source>} of a
     *                       network or block store)
     */
    public record Nvram(String path, String template, String format, String templateFormat, Preserved other) {
    }

    /**
     * {@code <bios useserial= rebootTimeout=/>}.
     *
     * @param useserial     {@code yes}/{@code no}, or null
     * @param rebootTimeout milliseconds ({@code -1} disables the reboot), or null
     */
    public record Bios(String useserial, Integer rebootTimeout) {
    }

    /**
     * {@code <acpi><table type=>path</table></acpi>}.
     *
     * @param type the table type ({@code slic}, {@code msdm})
     * @param path the table file
     */
    public record AcpiTable(String type, String path) {
    }

    /**
     * {@code <firmware><feature enabled= name=/></firmware>}.
     *
     * @param enabled {@code yes}/{@code no}
     * @param name    the feature name ({@code secure-boot}, {@code enrolled-keys})
     */
    public record FirmwareFeature(String enabled, String name) {
    }

    /**
     * {@code <bootmenu enable= timeout=/>}.
     *
     * @param enable  {@code yes}/{@code no}
     * @param timeout milliseconds, or null
     */
    public record BootMenu(String enable, Integer timeout) {
    }

    /**
     * {@code <initenv name=>value</initenv>}.
     *
     * @param name  the variable name (a letter or underscore, then letters, digits, underscores)
     * @param value its value
     */
    public record InitEnv(String name, String value) {
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof Os x)) {
            return false;
        }
        return Objects.equals(type, x.type) && Objects.equals(arch, x.arch)
                && Objects.equals(machine, x.machine) && Objects.equals(firmware, x.firmware)
                && Objects.equals(loader, x.loader) && Objects.equals(kernel, x.kernel)
                && Objects.equals(initrd, x.initrd) && Objects.equals(cmdline, x.cmdline)
                && Objects.equals(bootDevices, x.bootDevices) && Objects.equals(bootMenu, x.bootMenu)
                && Objects.equals(init, x.init) && Objects.equals(initArgs, x.initArgs)
                && Objects.equals(initEnv, x.initEnv) && Objects.equals(initDir, x.initDir)
                && Objects.equals(initUser, x.initUser) && Objects.equals(initGroup, x.initGroup)
                && Objects.equals(nvram, x.nvram) && Objects.equals(bios, x.bios)
                && Objects.equals(smbiosMode, x.smbiosMode) && Objects.equals(acpiTables, x.acpiTables)
                && Objects.equals(dtb, x.dtb) && Objects.equals(firmwareFeatures, x.firmwareFeatures)
                && Objects.equals(other, x.other);
    }

    @Override
    public int hashCode() {
        return Objects.hash(type, arch, machine, firmware, loader, kernel, initrd, cmdline, bootDevices,
                bootMenu, init, initArgs, initEnv, initDir, initUser, initGroup, nvram, bios, smbiosMode,
                acpiTables, dtb, firmwareFeatures, other);
    }

    @Override
    public String toString() {
        return "Os[type=" + type + ", arch=" + arch + ", machine=" + machine + ", firmware=" + firmware
                + ", loader=" + loader + ", kernel=" + kernel + ", initrd=" + initrd + ", cmdline=" + cmdline
                + ", bootDevices=" + bootDevices + ", bootMenu=" + bootMenu + ", init=" + init
                + ", initArgs=" + initArgs + ", initEnv=" + initEnv + ", initDir=" + initDir
                + ", initUser=" + initUser + ", initGroup=" + initGroup + ", nvram=" + nvram
                + ", bios=" + bios + ", smbiosMode=" + smbiosMode + ", acpiTables=" + acpiTables
                + ", dtb=" + dtb + ", firmwareFeatures=" + firmwareFeatures + ", other=" + other + "]";
    }

}
