package org.jvirt.api.xml;

import java.util.List;

/** Collects the values of a {@link Os}: from {@link Os#builder()} or {@link Os#toBuilder()}; not thread-safe. */
public final class OsBuilder {
    String type;
    String arch;
    String machine;
    String firmware;
    Os.Loader loader;
    String kernel;
    String initrd;
    String cmdline;
    List<String> bootDevices;
    Os.BootMenu bootMenu;
    String init;
    List<String> initArgs;
    List<Os.InitEnv> initEnv;
    String initDir;
    String initUser;
    String initGroup;
    Os.Nvram nvram;
    Os.Bios bios;
    String smbiosMode;
    List<Os.AcpiTable> acpiTables;
    String dtb;
    List<Os.FirmwareFeature> firmwareFeatures;
    Preserved other;

    OsBuilder() {
    }

    OsBuilder(Os from) {
        type = from.type();
        arch = from.arch();
        machine = from.machine();
        firmware = from.firmware();
        loader = from.loader();
        kernel = from.kernel();
        initrd = from.initrd();
        cmdline = from.cmdline();
        bootDevices = from.bootDevices();
        bootMenu = from.bootMenu();
        init = from.init();
        initArgs = from.initArgs();
        initEnv = from.initEnv();
        initDir = from.initDir();
        initUser = from.initUser();
        initGroup = from.initGroup();
        nvram = from.nvram();
        bios = from.bios();
        smbiosMode = from.smbiosMode();
        acpiTables = from.acpiTables();
        dtb = from.dtb();
        firmwareFeatures = from.firmwareFeatures();
        other = from.other();
    }

    /** @see Os#type() */
    public OsBuilder type(String value) {
        this.type = value;
        return this;
    }

    /** @see Os#arch() */
    public OsBuilder arch(String value) {
        this.arch = value;
        return this;
    }

    /** @see Os#machine() */
    public OsBuilder machine(String value) {
        this.machine = value;
        return this;
    }

    /** @see Os#firmware() */
    public OsBuilder firmware(String value) {
        this.firmware = value;
        return this;
    }

    /** @see Os#loader() */
    public OsBuilder loader(Os.Loader value) {
        this.loader = value;
        return this;
    }

    /** @see Os#kernel() */
    public OsBuilder kernel(String value) {
        this.kernel = value;
        return this;
    }

    /** @see Os#initrd() */
    public OsBuilder initrd(String value) {
        this.initrd = value;
        return this;
    }

    /** @see Os#cmdline() */
    public OsBuilder cmdline(String value) {
        this.cmdline = value;
        return this;
    }

    /** @see Os#bootDevices() */
    public OsBuilder bootDevices(List<String> value) {
        this.bootDevices = value;
        return this;
    }

    /** @see Os#bootMenu() */
    public OsBuilder bootMenu(Os.BootMenu value) {
        this.bootMenu = value;
        return this;
    }

    /** @see Os#init() */
    public OsBuilder init(String value) {
        this.init = value;
        return this;
    }

    /** @see Os#initArgs() */
    public OsBuilder initArgs(List<String> value) {
        this.initArgs = value;
        return this;
    }

    /** @see Os#initEnv() */
    public OsBuilder initEnv(List<Os.InitEnv> value) {
        this.initEnv = value;
        return this;
    }

    /** @see Os#initDir() */
    public OsBuilder initDir(String value) {
        this.initDir = value;
        return this;
    }

    /** @see Os#initUser() */
    public OsBuilder initUser(String value) {
        this.initUser = value;
        return this;
    }

    /** @see Os#initGroup() */
    public OsBuilder initGroup(String value) {
        this.initGroup = value;
        return this;
    }

    /** @see Os#nvram() */
    public OsBuilder nvram(Os.Nvram value) {
        this.nvram = value;
        return this;
    }

    /** @see Os#bios() */
    public OsBuilder bios(Os.Bios value) {
        this.bios = value;
        return this;
    }

    /** @see Os#smbiosMode() */
    public OsBuilder smbiosMode(String value) {
        this.smbiosMode = value;
        return this;
    }

    /** @see Os#acpiTables() */
    public OsBuilder acpiTables(List<Os.AcpiTable> value) {
        this.acpiTables = value;
        return this;
    }

    /** @see Os#dtb() */
    public OsBuilder dtb(String value) {
        this.dtb = value;
        return this;
    }

    /** @see Os#firmwareFeatures() */
    public OsBuilder firmwareFeatures(List<Os.FirmwareFeature> value) {
        this.firmwareFeatures = value;
        return this;
    }

    /** @see Os#other() */
    public OsBuilder other(Preserved value) {
        this.other = value;
        return this;
    }

    public Os build() {
        return new Os(this);
    }
}
