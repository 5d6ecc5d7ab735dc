package org.jvirt.driver.qemu.internal.command;

import java.util.List;

import org.jvirt.api.xml.Video;
import org.jvirt.api.xml.VideoModel;

/** {@code -device} arguments of the {@code <video>} devices (qemuBuildVideoCommandLine). */
final class VideoArgs {
    private final QemuMachine m;

    VideoArgs(QemuMachine m) {
        this.m = m;
    }

    void videos(Argv a) {
        List<Video> videos = m.def().devices().ofType(Video.class);
        for (int i = 0; i < videos.size(); i++) {
            Video v = videos.get(i);
            VideoModel model = v.model();
            boolean primary = v.primary();
            String id = "video" + i;
            Json j = Json.object();
            if (v.modelType() == null) {
                continue;
            }
            switch (v.modelType()) {
                case "vga" -> j.put("driver", "VGA").put("id", id).put("vgamem_mb", orDefault(model.vram(), 16384) / 1024);
                case "cirrus" -> j.put("driver", "cirrus-vga").put("id", id);
                case "vmvga" -> j.put("driver", "vmware-svga").put("id", id)
                        .put("vgamem_mb", orDefault(model.vram(), 16384) / 1024);
                case "qxl" -> j.put("driver", primary ? "qxl-vga" : "qxl").put("id", id)
                        .put("max_outputs", orDefault(model.heads(), 1))
                        .put("ram_size", orDefault(model.ram(), 65536) * 1024L)
                        .put("vram_size", orDefault(model.vram(), 65536) * 1024L)
                        .put("vram64_size_mb", orDefault(model.vram64(), 0) / 1024)
                        .put("vgamem_mb", orDefault(model.vgamem(), 16384) / 1024);
                case "virtio" -> j.put("driver", primary ? "virtio-vga" : "virtio-gpu-pci").put("id", id);
                case "bochs" -> j.put("driver", "bochs-display").put("id", id);
                case "ramfb" -> j.put("driver", "ramfb").put("id", id);
                default -> {
                    continue;
                }
            }
            PciBus.put(m, v.info(), j);
            a.device(j);
        }
    }

    /** A size (or head count) of the model, or the default when unset. */
    private static int orDefault(Integer value, int dflt) {
        return value == null ? dflt : value;
    }
}
