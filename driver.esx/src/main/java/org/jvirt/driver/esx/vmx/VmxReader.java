package org.jvirt.driver.esx.vmx;

import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.ArrayList;
import java.util.List;

import org.jvirt.api.VirtException;
import org.jvirt.api.xml.CharDevice;
import org.jvirt.api.xml.Clock;
import org.jvirt.api.xml.Device;
import org.jvirt.api.xml.Devices;
import org.jvirt.api.xml.DomainDef;
import org.jvirt.api.xml.DomainDefBuilder;
import org.jvirt.api.xml.Graphics;
import org.jvirt.api.xml.Preserved;
import org.jvirt.api.xml.XmlAttribute;
import org.jvirt.api.xml.XmlElement;

/**
 * virVMXParseConfig: a VMX file as a domain definition. Like vmx.c it fills the definition directly
 * (no domain XML parse, so no XML validation: libvirt's own output for a VM with SCSI and SATA disks
 * names both first disks {@code sda}). It adds what libvirt's post-parse adds for these devices,
 * in libvirt's order (implicit controllers, the serial console); {@link VmxConverter} then runs the
 * codec's generic post-parse (the primary video).
 */
final class VmxReader {
    static final String NAMESPACE = "http://libvirt.org/schemas/domain/vmware/1.0";

    private final VmxContext ctx;

    VmxReader(VmxContext ctx) {
        this.ctx = ctx;
    }

    /** The bytes of a VMX file, in the character set its {@code .encoding} names (UTF-8 when absent). */
    DomainDef read(byte[] vmx) throws VirtException {
        String text = new String(vmx, StandardCharsets.UTF_8);
        VmxConfig conf = VmxConfig.parse(text);
        String encoding = conf.string(".encoding");
        if (encoding != null && !encoding.equalsIgnoreCase("UTF-8")) {
            conf = VmxConfig.parse(new String(vmx, charset(encoding)));
        }
        return read(conf);
    }

    private static Charset charset(String encoding) throws VirtException {
        try {
            return Charset.forName(encoding);
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            throw VmxErrors.internal("libxml2 doesn't handle " + encoding + " encoding");
        }
    }

    private DomainDef read(VmxConfig conf) throws VirtException {
        DomainDefBuilder def = DomainDef.builder().type("vmware").id(-1);
        GeneralReader general = new GeneralReader(conf);
        long hwVersion = general.versions();
        general.identity(def);
        general.memory(def);
        general.vcpus(def);
        def.onReboot("restart").onPoweroff("destroy").onCrash("destroy");
        def.clock(Clock.builder().offset("utc").build());
        DisplayReader display = new DisplayReader(conf);
        Graphics vnc = display.vnc();
        StorageReader storage = new StorageReader(conf, ctx.fileNames(), hwVersion);
        storage.read();
        List<Device> devices = new ArrayList<>();
        devices.addAll(storage.disks);
        devices.addAll(storage.controllers);
        devices.addAll(display.sharedFolders());
        devices.addAll(new NetReader(conf).read());
        CharReader chars = new CharReader(conf, ctx.fileNames());
        List<CharDevice> serials = chars.serials();
        devices.addAll(serials);
        devices.addAll(chars.parallels());
        if (!serials.isEmpty()) {
            devices.add(CharReader.consoleOf(serials.get(0)));
        }
        if (vnc != null) {
            devices.add(vnc);
        }
        devices.add(display.svga());
        def.os(general.os());
        def.devices(Devices.builder().all(devices).build());
        def.other(namespaceData());
        return def.build();
    }

    /** {@code <vmware:datacenterpath>} and {@code <vmware:moref>}, libvirt's VMware namespace. */
    private Preserved namespaceData() {
        if (ctx.datacenterPath() == null && ctx.moref() == null) {
            return Preserved.NONE;
        }
        List<XmlElement> children = new ArrayList<>();
        if (ctx.datacenterPath() != null) {
            children.add(new XmlElement("vmware:datacenterpath", List.of(), List.of(), ctx.datacenterPath()));
        }
        if (ctx.moref() != null) {
            children.add(new XmlElement("vmware:moref", List.of(), List.of(), ctx.moref()));
        }
        return new Preserved(List.of(new XmlAttribute("xmlns:vmware", NAMESPACE)), children);
    }
}
