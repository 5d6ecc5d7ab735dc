package org.jvirt.driver.qemu.internal.console;

import java.util.List;

import org.jvirt.api.VirtException;
import org.jvirt.api.xml.CharDevice;
import org.jvirt.api.xml.CharTarget;
import org.jvirt.api.xml.DomainDef;
import org.jvirt.driver.qemu.internal.QemuErrors;

/**
 * Which character device a console request means (qemuDomainOpenConsole): by alias among the
 * consoles, serials and parallels, else the first console (which is serial 0 seen as a console
 * when its target is {@code serial}), else the first serial.
 */
public final class ConsoleDevices {
    private static final List<String> SEARCHED = List.of("console", "serial", "parallel");

    private ConsoleDevices() {
    }

    /** The pty path to open for {@code devName} (null: the default console) of running {@code live}. */
    public static String ptyPath(DomainDef live, String devName) throws VirtException {
        CharDevice chr = devName == null ? defaultConsole(live) : byAlias(live, devName);
        if (chr == null) {
            throw QemuErrors.internal("cannot find character device " + (devName == null ? "<null>" : devName));
        }
        CharDevice backend = backendOf(live, chr);
        if (!ChardevPaths.isPty(backend) || backend.source() == null || backend.source().path() == null) {
            throw QemuErrors.internal("character device " + (devName != null ? devName : alias(live, chr))
                    + " is not using a PTY");
        }
        return backend.source().path();
    }

    /**
     * The alias of the QEMU chardev behind {@code c}: its own, except console 0 on a serial target,
     * which is serial 0's chardev (libvirt gives both the same source).
     */
    static String backendAlias(DomainDef live, CharDevice c) {
        CharDevice b = backendOf(live, c);
        return b.elementName() + index(live, b);   // as CharArgs names the chardevs
    }

    private static CharDevice backendOf(DomainDef live, CharDevice c) {
        if ("console".equals(c.elementName()) && !isVirtio(c.target()) && index(live, c) == 0) {
            List<CharDevice> serials = of(live, "serial");
            if (!serials.isEmpty()) {
                return serials.get(0);
            }
        }
        return c;
    }

    private static CharDevice defaultConsole(DomainDef live) {
        List<CharDevice> consoles = of(live, "console");
        if (!consoles.isEmpty()) {
            return consoles.get(0);
        }
        List<CharDevice> serials = of(live, "serial");
        return serials.isEmpty() ? null : serials.get(0);
    }

    private static CharDevice byAlias(DomainDef live, String devName) {
        for (String element : SEARCHED) {
            for (CharDevice c : of(live, element)) {
                if (devName.equals(alias(live, c))) {
                    return c;
                }
            }
        }
        return null;
    }

    /** The device's alias: as assigned in the live definition, else libvirt's {@code <element><index>}. */
    static String alias(DomainDef live, CharDevice c) {
        String alias = c.info().alias();
        return alias != null ? alias : c.elementName() + index(live, c);
    }

    /** By identity: two devices may be equal (same type, no target yet) and still be two. */
    private static int index(DomainDef live, CharDevice c) {
        List<CharDevice> same = of(live, c.elementName());
        for (int i = 0; i < same.size(); i++) {
            if (same.get(i) == c) {
                return i;
            }
        }
        return -1;
    }

    private static boolean isVirtio(CharTarget t) {
        return t != null && "virtio".equals(t.type());
    }

    private static List<CharDevice> of(DomainDef live, String element) {
        return live.devices().charDevices().stream().filter(c -> element.equals(c.elementName())).toList();
    }
}
