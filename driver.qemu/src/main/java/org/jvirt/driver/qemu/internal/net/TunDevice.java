package org.jvirt.driver.qemu.internal.net;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;

import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.VirtException;

import com.sun.jna.LastErrorException;
import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.NativeLong;

/**
 * Opens a tap device the way libvirt's virNetDevTapCreate does: {@code /dev/net/tun} opened by the
 * daemon, {@code TUNSETIFF} with {@code IFF_TAP | IFF_NO_PI} (and {@code IFF_VNET_HDR} for virtio
 * NICs), which creates the device, or attaches to an existing one of that name. The tap is not
 * persistent: it lives as long as a descriptor on it is open, so it goes away with the QEMU the
 * descriptor is handed to, and QEMU needs neither {@code CAP_NET_ADMIN} nor {@code /dev/net/tun}.
 *
 * <p>A tap meant for a network namespace other than the JVM's (the tests' command prefix) is
 * opened from a short-lived thread moved into that namespace with {@code setns}: the device is
 * created in the namespace of the task that opened {@code /dev/net/tun}.
 */
public final class TunDevice {
    private static final int O_RDWR = 0x2;
    private static final int O_CLOEXEC = 0x80000;
    private static final int CLONE_NEWNET = 0x40000000;
    private static final long TUNSETIFF = 0x400454caL;
    private static final long TUNGETIFF = 0x800454d2L;
    private static final short IFF_TAP = 0x0002;
    private static final short IFF_NO_PI = 0x1000;
    private static final short IFF_VNET_HDR = 0x4000;
    /** sizeof(struct ifreq); the name is IFNAMSIZ (16) bytes, the flags the short after it. */
    private static final int IFREQ = 40;
    private static final int IFNAMSIZ = 16;

    private interface LibC extends Library {
        int open(String path, int flags) throws LastErrorException;

        int close(int fd) throws LastErrorException;

        int ioctl(int fd, NativeLong request, byte[] ifreq) throws LastErrorException;

        int setns(int fd, int nstype) throws LastErrorException;
    }

    private static final class Holder {
        static final LibC LIBC = Native.load("c", LibC.class);
    }

    private TunDevice() {
    }

    /**
     * The descriptor (close-on-exec) of tap {@code name}, created when it does not exist.
     *
     * @param netns the network namespace file to create it in ({@code /run/netns/NAME}), null for the JVM's
     */
    public static int openTap(String name, boolean vnetHdr, Path netns) throws VirtException {
        if (name.getBytes(StandardCharsets.UTF_8).length >= IFNAMSIZ) {
            throw new VirtException(ErrorCode.INTERNAL_ERROR, ErrorDomain.NONE,
                    "Network interface name '" + name + "' is too long");
        }
        if (netns == null) {
            return open(name, vnetHdr);
        }
        AtomicReference<Object> result = new AtomicReference<>();
        Thread t = new Thread(() -> {
            try {
                result.set(inNamespace(name, vnetHdr, netns));
            } catch (VirtException | RuntimeException e) {
                result.set(e);
            }
        }, "tap-" + name);
        t.start();
        try {
            t.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw failed(name, "interrupted");
        }
        if (result.get() instanceof VirtException e) {
            throw e;
        }
        if (result.get() instanceof RuntimeException e) {
            throw e;
        }
        return (Integer) result.get();
    }

    /**
     * The descriptor (close-on-exec) of the character device {@code /dev/tapIFINDEX} of a macvtap, with
     * {@code IFF_VNET_HDR} on for virtio NICs and off otherwise, as libvirt's virNetDevMacVLanTapOpen and
     * virNetDevMacVLanTapSetup (a macvtap's queue starts with it on). The device node is the same in every
     * network namespace, so no {@code setns} is needed.
     */
    public static int openMacvtap(String name, int ifindex, boolean vnetHdr) throws VirtException {
        String path = "/dev/tap" + ifindex;
        int fd;
        try {
            fd = Holder.LIBC.open(path, O_RDWR | O_CLOEXEC);
        } catch (LastErrorException e) {
            throw new VirtException(ErrorCode.SYSTEM_ERROR, ErrorDomain.NONE,
                    "cannot open macvtap tap device " + path + ": " + strerror(e));
        }
        byte[] ifr = new byte[IFREQ];
        try {
            Holder.LIBC.ioctl(fd, new NativeLong(TUNGETIFF), ifr);
            int flags = (ifr[IFNAMSIZ] & 0xff) | (ifr[IFNAMSIZ + 1] & 0xff) << 8;
            int wanted = vnetHdr ? flags | IFF_VNET_HDR : flags & ~IFF_VNET_HDR;
            if (wanted != flags) {
                ifr[IFNAMSIZ] = (byte) wanted;
                ifr[IFNAMSIZ + 1] = (byte) (wanted >> 8);
                Holder.LIBC.ioctl(fd, new NativeLong(TUNSETIFF), ifr);
            }
        } catch (LastErrorException e) {
            close(fd);
            throw new VirtException(ErrorCode.SYSTEM_ERROR, ErrorDomain.NONE,
                    "unable to set vnet or multiqueue flags on macvtap " + name + ": " + strerror(e));
        }
        return fd;
    }

    /** A descriptor (close-on-exec) of character device {@code path} opened read-write, as {@code /dev/vhost-net}. */
    public static int openDevice(String path) throws VirtException {
        try {
            return Holder.LIBC.open(path, O_RDWR | O_CLOEXEC);
        } catch (LastErrorException e) {
            throw new VirtException(ErrorCode.SYSTEM_ERROR, ErrorDomain.NONE,
                    "Unable to open " + path + ": " + strerror(e));
        }
    }

    /** Closes a descriptor from {@link #openTap}; a tap nobody else holds goes away. */
    public static void close(int fd) {
        try {
            Holder.LIBC.close(fd);
        } catch (LastErrorException e) {
            // already closed: nothing to give back
        }
    }

    private static int inNamespace(String name, boolean vnetHdr, Path netns) throws VirtException {
        int own = openFile("/proc/thread-self/ns/net", name);
        try {
            int target = openFile(netns.toString(), name);
            try {
                Holder.LIBC.setns(target, CLONE_NEWNET);
            } catch (LastErrorException e) {
                throw failed(name, "cannot enter " + netns + ": " + Native.getLastError());
            } finally {
                close(target);
            }
            try {
                return open(name, vnetHdr);
            } finally {
                // the thread ends next, but it goes back first in case the JVM reuses it
                try {
                    Holder.LIBC.setns(own, CLONE_NEWNET);
                } catch (LastErrorException e) {
                    // the thread is dying anyway
                }
            }
        } finally {
            close(own);
        }
    }

    private static int openFile(String path, String name) throws VirtException {
        try {
            return Holder.LIBC.open(path, O_CLOEXEC); // O_RDONLY is 0
        } catch (LastErrorException e) {
            throw failed(name, "cannot open " + path + ": error " + e.getErrorCode());
        }
    }

    private static int open(String name, boolean vnetHdr) throws VirtException {
        int fd;
        try {
            fd = Holder.LIBC.open("/dev/net/tun", O_RDWR | O_CLOEXEC);
        } catch (LastErrorException e) {
            throw new VirtException(ErrorCode.SYSTEM_ERROR, ErrorDomain.NONE,
                    "Unable to open /dev/net/tun, is tun module loaded?: " + strerror(e));
        }
        byte[] ifr = new byte[IFREQ];
        byte[] n = name.getBytes(StandardCharsets.UTF_8);
        System.arraycopy(n, 0, ifr, 0, n.length);
        short flags = (short) (IFF_TAP | IFF_NO_PI | (vnetHdr ? IFF_VNET_HDR : 0));
        ifr[IFNAMSIZ] = (byte) flags;
        ifr[IFNAMSIZ + 1] = (byte) (flags >> 8);
        try {
            Holder.LIBC.ioctl(fd, new NativeLong(TUNSETIFF), ifr);
        } catch (LastErrorException e) {
            close(fd);
            throw failed(name, strerror(e));
        }
        return fd;
    }

    private static VirtException failed(String name, String why) {
        return new VirtException(ErrorCode.SYSTEM_ERROR, ErrorDomain.NONE,
                "Unable to create tap device " + name + ": " + why);
    }

    private static String strerror(LastErrorException e) {
        return switch (e.getErrorCode()) {
            case 1 -> "Operation not permitted";
            case 2 -> "No such file or directory";
            case 13 -> "Permission denied";
            case 16 -> "Device or resource busy";
            case 22 -> "Invalid argument";
            default -> "error " + e.getErrorCode();
        };
    }
}
