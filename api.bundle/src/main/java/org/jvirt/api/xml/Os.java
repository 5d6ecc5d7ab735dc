package org.jvirt.api.xml;

import java.util.List;
import java.util.Objects;

/**
 * The {@code <os>} element.
 *
 * <p>Immutable and thread-safe. Build one with {@link #builder()}, change one with
 * {@link #toBuilder()} or a {@code with...} copy; accessors never return null lists.
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

    private Os(Builder b) {
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
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this object's values. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.type = type;
        b.arch = arch;
        b.machine = machine;
        b.firmware = firmware;
        b.loader = loader;
        b.kernel = kernel;
        b.initrd = initrd;
        b.cmdline = cmdline;
        b.bootDevices = bootDevices;
        b.bootMenu = bootMenu;
        b.init = init;
        b.initArgs = initArgs;
        b.initEnv = initEnv;
        b.initDir = initDir;
        b.initUser = initUser;
        b.initGroup = initGroup;
        b.nvram = nvram;
        b.bios = bios;
        b.smbiosMode = smbiosMode;
        b.acpiTables = acpiTables;
        b.dtb = dtb;
        b.firmwareFeatures = firmwareFeatures;
        b.other = other;
        return b;
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

    /** A copy with {@code firmware} replaced. */
    public Os withFirmware(String newFirmware) {
        return toBuilder().firmware(newFirmware).build();
    }

    /** A copy with {@code loader} replaced. */
    public Os withLoader(Loader newLoader) {
        return toBuilder().loader(newLoader).build();
    }

    /** A copy with {@code kernel} replaced. */
    public Os withKernel(String newKernel) {
        return toBuilder().kernel(newKernel).build();
    }

    /** A copy with {@code initrd} replaced. */
    public Os withInitrd(String newInitrd) {
        return toBuilder().initrd(newInitrd).build();
    }

    /** A copy with {@code cmdline} replaced. */
    public Os withCmdline(String newCmdline) {
        return toBuilder().cmdline(newCmdline).build();
    }

    /** A copy with {@code bootDevices} replaced. */
    public Os withBootDevices(List<String> newBootDevices) {
        return toBuilder().bootDevices(newBootDevices).build();
    }

    /** A copy with {@code bootMenu} replaced. */
    public Os withBootMenu(BootMenu newBootMenu) {
        return toBuilder().bootMenu(newBootMenu).build();
    }

    /** A copy with {@code init} replaced. */
    public Os withInit(String newInit) {
        return toBuilder().init(newInit).build();
    }

    /** A copy with {@code initArgs} replaced. */
    public Os withInitArgs(List<String> newInitArgs) {
        return toBuilder().initArgs(newInitArgs).build();
    }

    /** A copy with {@code initEnv} replaced. */
    public Os withInitEnv(List<InitEnv> newInitEnv) {
        return toBuilder().initEnv(newInitEnv).build();
    }

    /** A copy with {@code initDir} replaced. */
    public Os withInitDir(String newInitDir) {
        return toBuilder().initDir(newInitDir).build();
    }

    /** A copy with {@code initUser} replaced. */
    public Os withInitUser(String newInitUser) {
        return toBuilder().initUser(newInitUser).build();
    }

    /** A copy with {@code initGroup} replaced. */
    public Os withInitGroup(String newInitGroup) {
        return toBuilder().initGroup(newInitGroup).build();
    }

    /** A copy with {@code nvram} replaced. */
    public Os withNvram(Nvram newNvram) {
        return toBuilder().nvram(newNvram).build();
    }

    /** A copy with {@code bios} replaced. */
    public Os withBios(Bios newBios) {
        return toBuilder().bios(newBios).build();
    }

    /** A copy with {@code smbiosMode} replaced. */
    public Os withSmbiosMode(String newSmbiosMode) {
        return toBuilder().smbiosMode(newSmbiosMode).build();
    }

    /** A copy with {@code acpiTables} replaced. */
    public Os withAcpiTables(List<AcpiTable> newAcpiTables) {
        return toBuilder().acpiTables(newAcpiTables).build();
    }

    /** A copy with {@code dtb} replaced. */
    public Os withDtb(String newDtb) {
        return toBuilder().dtb(newDtb).build();
    }

    /** A copy with {@code firmwareFeatures} replaced. */
    public Os withFirmwareFeatures(List<FirmwareFeature> newFirmwareFeatures) {
        return toBuilder().firmwareFeatures(newFirmwareFeatures).build();
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
        return Objects.equals(type, x.type)
                && Objects.equals(arch, x.arch)
                && Objects.equals(machine, x.machine)
                && Objects.equals(firmware, x.firmware)
                && Objects.equals(loader, x.loader)
                && Objects.equals(kernel, x.kernel)
                && Objects.equals(initrd, x.initrd)
                && Objects.equals(cmdline, x.cmdline)
                && Objects.equals(bootDevices, x.bootDevices)
                && Objects.equals(bootMenu, x.bootMenu)
                && Objects.equals(init, x.init)
                && Objects.equals(initArgs, x.initArgs)
                && Objects.equals(initEnv, x.initEnv)
                && Objects.equals(initDir, x.initDir)
                && Objects.equals(initUser, x.initUser)
                && Objects.equals(initGroup, x.initGroup)
                && Objects.equals(nvram, x.nvram)
                && Objects.equals(bios, x.bios)
                && Objects.equals(smbiosMode, x.smbiosMode)
                && Objects.equals(acpiTables, x.acpiTables)
                && Objects.equals(dtb, x.dtb)
                && Objects.equals(firmwareFeatures, x.firmwareFeatures)
                && Objects.equals(other, x.other);
    }

    @Override
    public int hashCode() {
        return Objects.hash(type, arch, machine, firmware, loader, kernel, initrd, cmdline, bootDevices, bootMenu, init, initArgs, initEnv, initDir, initUser, initGroup, nvram, bios, smbiosMode, acpiTables, dtb, firmwareFeatures, other);
    }

    @Override
    public String toString() {
        return "Os[" + "type=" + type + ", "
                + "arch=" + arch + ", "
                + "machine=" + machine + ", "
                + "firmware=" + firmware + ", "
                + "loader=" + loader + ", "
                + "kernel=" + kernel + ", "
                + "initrd=" + initrd + ", "
                + "cmdline=" + cmdline + ", "
                + "bootDevices=" + bootDevices + ", "
                + "bootMenu=" + bootMenu + ", "
                + "init=" + init + ", "
                + "initArgs=" + initArgs + ", "
                + "initEnv=" + initEnv + ", "
                + "initDir=" + initDir + ", "
                + "initUser=" + initUser + ", "
                + "initGroup=" + initGroup + ", "
                + "nvram=" + nvram + ", "
                + "bios=" + bios + ", "
                + "smbiosMode=" + smbiosMode + ", "
                + "acpiTables=" + acpiTables + ", "
                + "dtb=" + dtb + ", "
                + "firmwareFeatures=" + firmwareFeatures + ", "
                + "other=" + other + "]";
    }

    /** Collects the values of a {@link Os}; not thread-safe. */
    public static final class Builder {
        private String type;
        private String arch;
        private String machine;
        private String firmware;
        private Loader loader;
        private String kernel;
        private String initrd;
        private String cmdline;
        private List<String> bootDevices;
        private BootMenu bootMenu;
        private String init;
        private List<String> initArgs;
        private List<InitEnv> initEnv;
        private String initDir;
        private String initUser;
        private String initGroup;
        private Nvram nvram;
        private Bios bios;
        private String smbiosMode;
        private List<AcpiTable> acpiTables;
        private String dtb;
        private List<FirmwareFeature> firmwareFeatures;
        private Preserved other;

        private Builder() {
        }

        /** @see Os#type() */
        public Builder type(String value) {
            this.type = value;
            return this;
        }

        /** @see Os#arch() */
        public Builder arch(String value) {
            this.arch = value;
            return this;
        }

        /** @see Os#machine() */
        public Builder machine(String value) {
            this.machine = value;
            return this;
        }

        /** @see Os#firmware() */
        public Builder firmware(String value) {
            this.firmware = value;
            return this;
        }

        /** @see Os#loader() */
        public Builder loader(Loader value) {
            this.loader = value;
            return this;
        }

        /** @see Os#kernel() */
        public Builder kernel(String value) {
            this.kernel = value;
            return this;
        }

        /** @see Os#initrd() */
        public Builder initrd(String value) {
            this.initrd = value;
            return this;
        }

        /** @see Os#cmdline() */
        public Builder cmdline(String value) {
            this.cmdline = value;
            return this;
        }

        /** @see Os#bootDevices() */
        public Builder bootDevices(List<String> value) {
            this.bootDevices = value;
            return this;
        }

        /** @see Os#bootMenu() */
        public Builder bootMenu(BootMenu value) {
            this.bootMenu = value;
            return this;
        }

        /** @see Os#init() */
        public Builder init(String value) {
            this.init = value;
            return this;
        }

        /** @see Os#initArgs() */
        public Builder initArgs(List<String> value) {
            this.initArgs = value;
            return this;
        }

        /** @see Os#initEnv() */
        public Builder initEnv(List<InitEnv> value) {
            this.initEnv = value;
            return this;
        }

        /** @see Os#initDir() */
        public Builder initDir(String value) {
            this.initDir = value;
            return this;
        }

        /** @see Os#initUser() */
        public Builder initUser(String value) {
            this.initUser = value;
            return this;
        }

        /** @see Os#initGroup() */
        public Builder initGroup(String value) {
            this.initGroup = value;
            return this;
        }

        /** @see Os#nvram() */
        public Builder nvram(Nvram value) {
            this.nvram = value;
            return this;
        }

        /** @see Os#bios() */
        public Builder bios(Bios value) {
            this.bios = value;
            return this;
        }

        /** @see Os#smbiosMode() */
        public Builder smbiosMode(String value) {
            this.smbiosMode = value;
            return this;
        }

        /** @see Os#acpiTables() */
        public Builder acpiTables(List<AcpiTable> value) {
            this.acpiTables = value;
            return this;
        }

        /** @see Os#dtb() */
        public Builder dtb(String value) {
            this.dtb = value;
            return this;
        }

        /** @see Os#firmwareFeatures() */
        public Builder firmwareFeatures(List<FirmwareFeature> value) {
            this.firmwareFeatures = value;
            return this;
        }

        /** @see Os#other() */
        public Builder other(Preserved value) {
            this.other = value;
            return this;
        }

        public Os build() {
            return new Os(this);
        }
    }
}
