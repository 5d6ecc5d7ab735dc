package org.jvirt.driver.qemu.internal.command;

import java.util.List;

import org.jvirt.api.xml.CharDevice;
import org.jvirt.api.xml.CharTarget;
import org.jvirt.api.xml.DeviceInfo;

/**
 * Serial ports and consoles (virDomainChrDefPostParse, virDomainDefAddConsoleCompat and QEMU's
 * serial target defaults): target types and ports, and console 0 as the view of serial 0.
 */
final class CharDefaults {
    private static final CharTarget ISA_SERIAL_0 = CharTarget.builder().type("isa-serial").port(0)
            .modelName("isa-serial").build();

    private CharDefaults() {
    }

    static void apply(DomainDraft d, QemuMachine m) {
        serials(d, m);
        List<CharDevice> consoles = d.devices(CharDevice.class, c -> c.elementName().equals("console"));
        for (int i = 0; i < consoles.size(); i++) {
            CharDevice c = consoles.get(i);
            CharTarget t = c.target() == null ? CharTarget.builder().build() : c.target();
            if (t.type() == null) {
                t = t.withType(i == 0 && m.isX86() ? "serial" : "virtio");
            }
            if (i == 0 && t.type().equals("serial")) {
                if (t.port() == null) {
                    t = t.withPort(0);
                }
                d.replace(c, serialConsole(d, c, t));
            } else {
                if (t.port() == null) {
                    t = t.withPort(i);
                }
                if (!t.equals(c.target())) {
                    d.replace(c, c.withTarget(t));
                }
            }
        }
    }

    /** Serial ports number on from the previous one; x86 ones are ISA serial ports. */
    private static void serials(DomainDraft d, QemuMachine m) {
        int port = 0;
        for (CharDevice s : serialsOf(d)) {
            CharTarget t = s.target() == null ? CharTarget.builder().build() : s.target();
            if (t.type() == null && m.isX86()) {
                t = t.withType("isa-serial");
            }
            if (t.port() == null) {
                t = t.withPort(port);
            }
            port = t.port() + 1;
            if ("isa-serial".equals(t.type()) && t.modelName() == null) {
                t = t.withModelName("isa-serial");
            }
            if (!t.equals(s.target())) {
                d.replace(s, s.withTarget(t));
            }
        }
    }

    /**
     * Console 0 of target type serial is serial 0 seen from another angle: libvirt formats it from
     * the serial (without the serial's alias and address), or adds the serial when there is none.
     */
    private static CharDevice serialConsole(DomainDraft d, CharDevice console, CharTarget target) {
        List<CharDevice> serials = serialsOf(d);
        if (serials.isEmpty()) {
            d.add(console.toBuilder().elementName("serial").target(ISA_SERIAL_0).build());
            return console.withTarget(target);
        }
        CharDevice serial = serials.get(0);
        return serial.toBuilder().elementName("console").target(target).info(DeviceInfo.NONE).build();
    }

    private static List<CharDevice> serialsOf(DomainDraft d) {
        return d.devices(CharDevice.class, c -> c.elementName().equals("serial"));
    }
}
