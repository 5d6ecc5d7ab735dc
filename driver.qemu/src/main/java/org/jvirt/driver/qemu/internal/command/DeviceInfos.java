package org.jvirt.driver.qemu.internal.command;

import org.jvirt.api.xml.Address;
import org.jvirt.api.xml.Audio;
import org.jvirt.api.xml.CharDevice;
import org.jvirt.api.xml.Controller;
import org.jvirt.api.xml.Crypto;
import org.jvirt.api.xml.Device;
import org.jvirt.api.xml.DeviceInfo;
import org.jvirt.api.xml.Disk;
import org.jvirt.api.xml.Filesystem;
import org.jvirt.api.xml.GenericDevice;
import org.jvirt.api.xml.Graphics;
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

/**
 * A copy of any device with other {@link DeviceInfo}: the address assignment steps give addresses
 * to devices of every kind, and {@link Device} itself has no {@code withInfo} (each device class
 * has its own).
 */
final class DeviceInfos {
    private DeviceInfos() {
    }

    /** {@code dev} with {@code address} in place of its own (null removes it). */
    static Device withAddress(Device dev, Address address) {
        return withInfo(dev, dev.info().withAddress(address));
    }

    static Device withInfo(Device dev, DeviceInfo info) {
        if (dev instanceof Disk x) {
            return x.withInfo(info);
        } else if (dev instanceof Controller x) {
            return x.withInfo(info);
        } else if (dev instanceof NetInterface x) {
            return x.withInfo(info);
        } else if (dev instanceof CharDevice x) {
            return x.withInfo(info);
        } else if (dev instanceof Graphics x) {
            return x.withInfo(info);
        } else if (dev instanceof Video x) {
            return x.withInfo(info);
        } else if (dev instanceof Input x) {
            return x.withInfo(info);
        } else if (dev instanceof MemBalloon x) {
            return x.withInfo(info);
        } else if (dev instanceof Rng x) {
            return x.withInfo(info);
        } else if (dev instanceof Watchdog x) {
            return x.withInfo(info);
        } else if (dev instanceof Filesystem x) {
            return x.withInfo(info);
        } else if (dev instanceof Hostdev x) {
            return x.withInfo(info);
        } else if (dev instanceof Sound x) {
            return x.withInfo(info);
        } else if (dev instanceof Audio x) {
            return x.withInfo(info);
        } else if (dev instanceof Panic x) {
            return x.withInfo(info);
        } else if (dev instanceof Vsock x) {
            return x.withInfo(info);
        } else if (dev instanceof Iommu x) {
            return x.withInfo(info);
        } else if (dev instanceof Hub x) {
            return x.withInfo(info);
        } else if (dev instanceof Nvram x) {
            return x.withInfo(info);
        } else if (dev instanceof Pstore x) {
            return x.withInfo(info);
        } else if (dev instanceof Crypto x) {
            return x.withInfo(info);
        } else if (dev instanceof GenericDevice x) {
            return x.withInfo(info);
        }
        throw new IllegalArgumentException("unknown device class " + dev.getClass().getName());
    }
}
