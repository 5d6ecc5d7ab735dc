package org.jvirt.driver.xen.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.jvirt.api.VirtException;
import org.jvirt.api.xml.Address;
import org.jvirt.api.xml.Disk;
import org.jvirt.api.xml.DomainDef;
import org.jvirt.api.xml.Graphics;
import org.jvirt.api.xml.Hostdev;
import org.jvirt.api.xml.NetInterface;
import org.jvirt.api.xml.NetIp;
import org.jvirt.api.xml.Video;

/** libvirt's libxlMakeDiskList, libxlMakeNicList, libxlMakePCIList, libxlMakeVfbList. */
final class LibxlDevices {
    /** libxl's VGA RAM when libvirt's post-parse adds the default cirrus video (QEMU upstream). */
    private static final long DEFAULT_VIDEO_KIB = 8192;

    /** xl's default interval of a NIC's rate limit, which libvirt always uses. */
    private static final long RATE_INTERVAL_USECS = 50_000L;

    private final int vncPortMin;

    LibxlDevices(int vncPortMin) {
        this.vncPortMin = vncPortMin;
    }

    void add(Map<String, Object> config, DomainDef def, boolean hvm) throws VirtException {
        List<Object> disks = new ArrayList<>();
        for (Disk d : def.devices().disks()) {
            disks.add(disk(d));
        }
        config.put("disks", disks);
        List<Object> nics = new ArrayList<>();
        List<Object> pcis = new ArrayList<>();
        int devid = 0;
        for (NetInterface n : def.devices().interfaces()) {
            if ("hostdev".equals(n.type())) {
                Address a = n.source() == null ? null : n.source().hostAddress();
                if (a != null) {
                    pcis.add(pci(a, null));
                }
                continue;
            }
            nics.add(nic(n, hvm, devid++));
        }
        config.put("nics", nics);
        for (Hostdev h : DefReader.devices(def, Hostdev.class)) {
            if ("subsystem".equals(h.mode()) && "pci".equals(h.type()) && h.source() != null
                    && h.source().pciAddress() != null) {
                pcis.add(pci(h.source().pciAddress(), DefReader.attribute(h.source().other(), "writeFiltering")));
            }
        }
        config.put("pcidevs", pcis);
        Graphics g = def.devices().graphics().stream()
                .filter(x -> "vnc".equals(x.type()) || "sdl".equals(x.type())).findFirst().orElse(null);
        if (g != null) {
            Map<String, Object> vfb = new LinkedHashMap<>();
            vfb.put("devid", -1);
            vfb.put("vnc", vnc("vnc".equals(g.type()) ? g : null, vncPortMin));
            vfb.put("sdl", sdl("sdl".equals(g.type()) ? g : null));
            config.put("vfbs", List.of(vfb));
            Map<String, Object> vkb = new LinkedHashMap<>();
            vkb.put("devid", -1);
            config.put("vkbs", List.of(vkb));
        }
    }

    private static Map<String, Object> disk(Disk d) throws VirtException {
        Map<String, Object> m = new LinkedHashMap<>();
        String driver = d.driver() == null ? null : d.driver().name();
        if ("network".equals(d.type())) {
            if (driver != null && !"qemu".equals(driver)) {
                throw XenErrors.operationInvalid("only the 'qemu' driver can be used with network disks");
            }
            m.put("pdev_path", LibxlNetworkDisk.source(d.source()));
        } else {
            LibxlConfigBuilder.putIf(m, "pdev_path", d.sourcePath());
        }
        m.put("vdev", d.targetDev());
        String type = d.driver() == null ? null : d.driver().type();
        m.put("backend", driver == null ? "unknown" : switch (driver) {
            case "qemu", "file" -> "qdisk";
            case "phy" -> "phy";
            case "tap", "tap2" -> "tap";
            default -> throw XenErrors.confUnsupported("libxenlight does not support disk driver " + driver);
        });
        m.put("format", type == null ? "raw" : switch (type) {
            case "raw", "qcow", "qcow2", "qed" -> type;
            case "vhd" -> "vhd";
            default -> throw XenErrors.confUnsupported("libxenlight does not support disk format " + type);
        });
        m.put("removable", 1);
        boolean cdrom = "cdrom".equals(d.device());
        if (!d.readOnly() && !cdrom) {
            m.put("readwrite", 1);
        }
        if (cdrom) {
            m.put("is_cdrom", 1);
        }
        return m;
    }

    private static Map<String, Object> nic(NetInterface n, boolean hvm, int devid) throws VirtException {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("devid", devid);
        String model = n.modelType();
        if (model != null) {
            m.put("model", model);
        }
        m.put("mac", n.mac());
        if ("bridge".equals(n.type()) && n.source() != null) {
            m.put("bridge", n.source().bridge());
        } else if (!"ethernet".equals(n.type())) {
            throw XenErrors.confUnsupported("unsupported interface type " + n.type());
        }
        if (!n.ips().isEmpty()) {
            m.put("ip", n.ips().stream().map(NetIp::address).collect(Collectors.joining(" ")));
        }
        LibxlConfigBuilder.putIf(m, "script", n.script());
        LibxlConfigBuilder.putIf(m, "ifname", n.targetDev());
        rate(n, m);
        // an HVM NIC without the PV model gets an emulated twin (vif_ioemu), as libvirt asks libxl
        m.put("nictype", hvm && !"netfront".equals(model) ? "vif_ioemu" : "vif");
        return m;
    }

    /**
     * libxlMakeNic's rate limit: the outbound average (KiB/s) as bytes per 50 ms, xl's default
     * replenishing interval (libvirt has no interval of its own).
     */
    private static void rate(NetInterface n, Map<String, Object> m) {
        long average = DefReader.outboundAverage(n);
        if (average > 0) {
            long bytesPerSec = average * 1024;
            m.put("rate_bytes_per_interval", bytesPerSec * RATE_INTERVAL_USECS / 1_000_000L);
            m.put("rate_interval_usecs", RATE_INTERVAL_USECS);
        }
    }

    private static Map<String, Object> pci(Address a, String writeFiltering) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("dev", a.slot() == null ? 0 : a.slot());
        m.put("bus", a.bus() == null ? 0 : a.bus());
        m.put("func", a.function() == null ? 0 : a.function());
        m.put("domain", a.domain() == null ? 0 : a.domain());
        if ("no".equals(writeFiltering)) {
            m.put("permissive", true);
        }
        m.put("rdm_policy", "invalid");
        return m;
    }

    static Map<String, Object> vnc(Graphics g, int vncPortMin) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("enable", g == null ? "False" : "True");
        if (g == null) {
            return m;
        }
        String listen = CommonWriter.listenAddress(g);
        LibxlConfigBuilder.putIf(m, "listen", listen);
        LibxlConfigBuilder.putIf(m, "passwd", g.passwd());
        // libvirt picks the port itself (autoport from its allocator), so libxl never searches
        int port = g.autoport() || g.port() < 0 ? vncPortMin : g.port();
        m.put("display", port - 5900);
        m.put("findunused", "False");
        return m;
    }

    /**
     * libvirt's libxlMakeBuildInfoVfb for SPICE (preferred over VNC and SDL): the port (from the
     * allocator for autoport), the listen address (loopback when the listen has none), ticketing,
     * the agent mouse (client mode by default), vdagent and clipboard sharing; no TLS port.
     */
    static Map<String, Object> spice(Graphics g, int portMin) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("enable", "True");
        m.put("port", g.autoport() || g.port() < 0 ? portMin : g.port());
        if (!g.listens().isEmpty() || g.address() != null) {
            String listen = CommonWriter.listenAddress(g);
            m.put("host", listen == null ? "127.0.0.1" : listen);
        }
        LibxlConfigBuilder.putIf(m, "passwd", g.passwd());
        m.put("disable_ticketing", g.passwd() == null ? "True" : "False");
        m.put("agent_mouse", "server".equals(g.mouseMode()) ? "False" : "True");
        String copy = "yes".equals(g.clipboardCopypaste()) ? "True" : "False";
        m.put("vdagent", copy);
        m.put("clipboard_sharing", copy);
        return m;
    }

    static Map<String, Object> sdl(Graphics g) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("enable", g == null ? "False" : "True");
        if (g != null) {
            LibxlConfigBuilder.putIf(m, "display", g.display());
            LibxlConfigBuilder.putIf(m, "xauthority", g.xauth());
        }
        return m;
    }

    /** The first video's RAM, or the default of the video libvirt adds for a display. */
    static long videoKib(DomainDef def) {
        List<Video> videos = DefReader.devices(def, Video.class);
        if (!videos.isEmpty() && videos.get(0).model() != null && videos.get(0).model().vram() != null) {
            return videos.get(0).model().vram();
        }
        return def.devices().graphics().isEmpty() ? 0 : DEFAULT_VIDEO_KIB;
    }

    static String vgaKind(DomainDef def) {
        List<Video> videos = DefReader.devices(def, Video.class);
        if (videos.isEmpty()) {
            return def.devices().graphics().isEmpty() ? "none" : "cirrus";
        }
        String type = videos.get(0).modelType();
        return switch (type == null ? "cirrus" : type) {
            case "vga", "xen" -> "std";
            case "qxl" -> "qxl";
            case "none" -> "none";
            default -> "cirrus";
        };
    }
}
