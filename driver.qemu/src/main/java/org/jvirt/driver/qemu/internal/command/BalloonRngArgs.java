package org.jvirt.driver.qemu.internal.command;

import java.util.List;

import org.jvirt.api.VirtException;
import org.jvirt.api.xml.MemBalloon;
import org.jvirt.api.xml.Rng;
import org.jvirt.api.xml.RngBackend;
import org.jvirt.api.xml.VirtioDriver;
import org.jvirt.driver.qemu.internal.QemuErrors;

/** The virtio memory balloon and the RNG devices with their backend objects. */
final class BalloonRngArgs {
    /** The period libvirt gives a rate limit that names none, in ms. */
    private static final long DEFAULT_RATE_PERIOD = 1000;

    private final QemuMachine m;
    private final CharArgs chr;

    BalloonRngArgs(QemuMachine m, CharArgs chr) {
        this.m = m;
        this.chr = chr;
    }

    void memballoon(Argv a) {
        for (MemBalloon b : m.def().devices().ofType(MemBalloon.class)) {
            String driver = switch (b.model() == null ? "" : b.model()) {
                case "virtio" -> "virtio-balloon-pci";
                case "virtio-transitional" -> "virtio-balloon-pci-transitional";
                case "virtio-non-transitional" -> "virtio-balloon-pci-non-transitional";
                default -> null;
            };
            if (driver == null) {
                continue;
            }
            Json j = Json.object().put("driver", driver);
            virtio(b.driver(), j);
            j.put("id", "balloon0");
            j.putOnOff("deflate-on-oom", b.autodeflate());
            j.putOnOff("free-page-reporting", b.freePageReporting());
            PciBus.put(m, b.info(), j);
            a.device(j);
        }
    }

    void rngs(Argv a) throws VirtException {
        List<Rng> rngs = m.def().devices().ofType(Rng.class);
        for (int i = 0; i < rngs.size(); i++) {
            Rng r = rngs.get(i);
            a.object(backend(a, r.backend(), i));
            String driver = switch (r.model() == null ? "virtio" : r.model()) {
                case "virtio-transitional" -> "virtio-rng-pci-transitional";
                case "virtio-non-transitional" -> "virtio-rng-pci-non-transitional";
                default -> "virtio-rng-pci";
            };
            Json j = Json.object().put("driver", driver);
            virtio(r.driver(), j);
            j.put("rng", "objrng" + i).put("id", "rng" + i);
            if (r.rateBytes() != null) {
                j.put("max-bytes", (long) r.rateBytes());
                j.put("period", r.ratePeriod() == null ? DEFAULT_RATE_PERIOD : (long) r.ratePeriod());
            }
            PciBus.put(m, r.info(), j);
            a.device(j);
        }
    }

    private Json backend(Argv a, RngBackend backend, int i) throws VirtException {
        String model = backend == null || backend.model() == null ? "random" : backend.model();
        Json obj = Json.object();
        switch (model) {
            case "random" -> obj.put("qom-type", "rng-random").put("id", "objrng" + i).put("filename",
                    backend == null || backend.randomPath() == null ? "/dev/urandom" : backend.randomPath());
            case "egd" -> {
                chr.chardev(a, backend.type(), backend.source(), "charrng" + i, "rng" + i, "vdagent", null, null);
                obj.put("qom-type", "rng-egd").put("id", "objrng" + i).put("chardev", "charrng" + i);
            }
            case "builtin" -> obj.put("qom-type", "rng-builtin").put("id", "objrng" + i);
            default -> throw QemuErrors.unsupported("unsupported rng backend model '" + model + "'");
        }
        return obj;
    }

    private static void virtio(VirtioDriver drv, Json j) {
        if (drv != null) {
            VirtioOptions.put(j, drv.iommu(), drv.ats(), drv.packed(), drv.pagePerVq());
        }
    }
}
