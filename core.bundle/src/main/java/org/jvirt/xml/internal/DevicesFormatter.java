package org.jvirt.xml.internal;

import org.jvirt.api.xml.CharDevice;
import org.jvirt.api.xml.Disk;
import org.jvirt.api.xml.Filesystem;
import org.jvirt.api.xml.Hostdev;
import org.jvirt.api.xml.Hub;
import org.jvirt.api.xml.Input;
import org.jvirt.api.xml.Iommu;
import org.jvirt.api.xml.MemBalloon;
import org.jvirt.api.xml.NetInterface;
import org.jvirt.api.xml.Nvram;
import org.jvirt.api.xml.Panic;
import org.jvirt.api.xml.Pstore;
import org.jvirt.api.xml.Rng;
import org.jvirt.api.xml.Sound;
import org.jvirt.api.xml.Video;
import org.jvirt.api.xml.Vsock;
import org.jvirt.api.xml.Watchdog;
import org.jvirt.api.xml.MemoryDevice;
import org.jvirt.api.xml.RedirFilter;
import org.jvirt.api.xml.Redirdev;
import org.jvirt.api.xml.Shmem;
import org.jvirt.api.xml.Smartcard;
import org.jvirt.api.xml.Tpm;
import org.jvirt.api.xml.Audio;
import org.jvirt.api.xml.Controller;
import org.jvirt.api.xml.Crypto;
import org.jvirt.api.xml.Device;
import org.jvirt.api.xml.Devices;
import org.jvirt.api.xml.DomainXmlCodec;
import org.jvirt.api.xml.GenericDevice;
import org.jvirt.api.xml.Graphics;
import org.jvirt.api.xml.XmlElement;

/** {@code <devices>}: devices grouped by kind in libvirt's order. */
final class DevicesFormatter {
    private final int flags;
    private final boolean inactive;

    DevicesFormatter(int flags, boolean inactive) {
        this.flags = flags;
        this.inactive = inactive;
    }

    Out format(Devices devices) {
        Out o = new Out("devices");
        o.textChild("emulator", devices.emulator());
        for (Device d : devices.all()) {
            o.child(inactive ? withoutRuntimeAlias(device(d)) : device(d));
        }
        return o;
    }

    /** Inactive XML keeps only user aliases ({@code ua-} prefix), as virDomainDeviceInfoFormat does. */
    private static XmlElement withoutRuntimeAlias(XmlElement e) {
        XmlElement alias = e.child("alias");
        if (alias == null || (alias.attribute("name") != null && alias.attribute("name").startsWith("ua-"))) {
            return e;
        }
        return e.withChildren(e.children().stream().filter(c -> c != alias).toList());
    }

    private XmlElement device(Device d) {
        if (d instanceof CharDevice c) {
            return CharDeviceCodec.format(c, inactive);
        } else if (d instanceof Graphics g) {
            return GraphicsCodec.format(g, flags, inactive);
        } else if (d instanceof Disk x) {
            return DiskCodec.format(x);
        } else if (d instanceof NetInterface x) {
            return NetInterfaceCodec.format(x);
        } else if (d instanceof Video x) {
            return VideoCodec.format(x);
        } else if (d instanceof Input x) {
            return VirtioDeviceCodecs.format(x);
        } else if (d instanceof MemBalloon x) {
            return VirtioDeviceCodecs.format(x);
        } else if (d instanceof Rng x) {
            return VirtioDeviceCodecs.format(x);
        } else if (d instanceof Vsock x) {
            return VirtioDeviceCodecs.format(x);
        } else if (d instanceof Crypto x) {
            return VirtioDeviceCodecs.format(x);
        } else if (d instanceof Sound x) {
            return SoundCodec.format(x);
        } else if (d instanceof Audio x) {
            return SoundCodec.format(x);
        } else if (d instanceof Panic x) {
            return SmallDeviceCodecs.format(x);
        } else if (d instanceof Iommu x) {
            return SmallDeviceCodecs.format(x);
        } else if (d instanceof Hub x) {
            return SmallDeviceCodecs.format(x);
        } else if (d instanceof Nvram x) {
            return SmallDeviceCodecs.format(x);
        } else if (d instanceof Pstore x) {
            return SmallDeviceCodecs.format(x);
        } else if (d instanceof Watchdog x) {
            return WatchdogCodec.format(x);
        } else if (d instanceof Filesystem x) {
            return FilesystemCodec.format(x);
        } else if (d instanceof Hostdev x) {
            return HostdevCodec.format(x);
        } else if (d instanceof Smartcard x) {
            return ChardevDeviceCodecs.format(x);
        } else if (d instanceof Redirdev x) {
            return ChardevDeviceCodecs.format(x);
        } else if (d instanceof RedirFilter x) {
            return ChardevDeviceCodecs.format(x);
        } else if (d instanceof Tpm x) {
            return TpmCodec.format(x);
        } else if (d instanceof MemoryDevice x) {
            return MemoryDeviceCodecs.format(x);
        } else if (d instanceof Shmem x) {
            return MemoryDeviceCodecs.format(x);
        } else if (d instanceof Controller c) {
            return ControllerCodec.format(c);
        }
        XmlElement e = GenericDeviceFormat.format((GenericDevice) d);
        if (e.name().equals("graphics") && (flags & DomainXmlCodec.FORMAT_SECURE) == 0) {
            e = e.withAttribute("passwd", null);
        }
        return e;
    }
}
