package org.jvirt.driver.xen.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.VirtException;
import org.jvirt.api.xml.CharDevice;
import org.jvirt.api.xml.Controller;
import org.jvirt.api.xml.DomainDef;
import org.jvirt.api.xml.Hostdev;

/**
 * libvirt's libxlMakeUSBControllerList, libxlMakeUSBList and libxlMakeChannelList: the
 * {@code usbctrls}, {@code usbdevs} and {@code channels} of {@code libxl_domain_config}.
 */
final class LibxlUsbChannels {
    /** Ports of a USB controller without {@code ports}, and of the ones libvirt adds itself. */
    private static final int DEFAULT_PORTS = 8;

    private LibxlUsbChannels() {
    }

    static void add(Map<String, Object> config, DomainDef def) throws VirtException {
        List<Hostdev> usbDevs = DefReader.devices(def, Hostdev.class).stream()
                .filter(h -> "subsystem".equals(h.mode()) && "usb".equals(h.type())).toList();
        List<Object> ctrls = new ArrayList<>();
        for (Controller c : def.devices().controllers()) {
            if ("usb".equals(c.type())) {
                ctrls.add(controller(c.index(), c.model(), c.ports()));
            }
        }
        if (ctrls.isEmpty()) {
            // libxlMakeDefaultUSBControllers: enough qusb2 controllers of 8 ports for the USB devices
            for (int i = 0; i < (usbDevs.size() + DEFAULT_PORTS - 1) / DEFAULT_PORTS; i++) {
                ctrls.add(controller(i, "qusb2", DEFAULT_PORTS));
            }
        }
        config.put("usbctrls", ctrls);
        List<Object> devs = new ArrayList<>();
        for (Hostdev h : usbDevs) {
            devs.add(usbdev(h));
        }
        config.put("usbdevs", devs);
        List<Object> channels = new ArrayList<>();
        for (CharDevice c : DefReader.chars(def, "channel")) {
            channels.add(channel(c));
        }
        config.put("channels", channels);
    }

    private static Map<String, Object> controller(int index, String model, Integer ports) throws VirtException {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("type", "qusb");
        m.put("devid", index);
        m.put("version", switch (model == null ? "qusb2" : model) {
            case "qusb1" -> 1;
            case "qusb2" -> 2;
            default -> throw new VirtException(ErrorCode.CONFIG_UNSUPPORTED, ErrorDomain.LIBXL,
                    "unsupported usb model");
        });
        m.put("ports", ports == null || ports < 0 ? DEFAULT_PORTS : ports);
        return m;
    }

    private static Map<String, Object> usbdev(Hostdev h) throws VirtException {
        var s = h.source();
        Integer bus = s == null ? null : s.usbBus();
        Integer dev = s == null ? null : s.usbDevice();
        if (bus == null || dev == null || bus <= 0 || dev <= 0) {
            // libvirt then looks the vendor:product up among the host's USB devices
            // (virHostdevFindUSBDevice); jvirt does not search the host's sysfs here
            throw new VirtException(ErrorCode.OPERATION_FAILED, ErrorDomain.LIBXL,
                    "failed to find USB device busnum:devnum for " + hex(s == null ? null : s.vendorId()) + ":"
                            + hex(s == null ? null : s.productId()));
        }
        Map<String, Object> hostdev = new LinkedHashMap<>();
        hostdev.put("hostbus", bus);
        hostdev.put("hostaddr", dev);
        Map<String, Object> m = new LinkedHashMap<>();
        // a keyed union: libxl's JSON names the member after its key (type), not the key itself
        m.put("type.hostdev", hostdev);
        return m;
    }

    private static String hex(Integer id) {
        return Integer.toHexString(id == null ? 0 : id);
    }

    /** libxlPrepareChannel and libxlMakeChannel. */
    private static Map<String, Object> channel(CharDevice c) throws VirtException {
        if (c.target() == null || !"xen".equals(c.target().type())) {
            throw new VirtException(ErrorCode.CONFIG_UNSUPPORTED, ErrorDomain.LIBXL, "channel target type not supported");
        }
        Map<String, Object> m = new LinkedHashMap<>();
        switch (c.type()) {
            case "pty" -> m.put("connection.pty", new LinkedHashMap<>());
            case "unix" -> {
                Map<String, Object> socket = new LinkedHashMap<>();
                LibxlConfigBuilder.putIf(socket, "path", c.source() == null ? null : c.source().path());
                m.put("connection.socket", socket);
            }
            default -> throw new VirtException(ErrorCode.CONFIG_UNSUPPORTED, ErrorDomain.LIBXL,
                    "channel source type not supported");
        }
        if (c.target().name() == null) {
            throw new VirtException(ErrorCode.OPERATION_INVALID, ErrorDomain.LIBXL, "channel target name missing");
        }
        m.put("name", c.target().name());
        return m;
    }
}
