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

    /** the rest of os (nvram, dtb, acpi, smbios, bios, firmware features ...), kept verbatim and formatted back in libvirt's order; never null */
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
                && Objects.equals(other, x.other);
    }

    @Override
    public int hashCode() {
        return Objects.hash(type, arch, machine, firmware, loader, kernel, initrd, cmdline, bootDevices, bootMenu, init, initArgs, initEnv, initDir, initUser, initGroup, other);
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
