package org.jvirt.driver.qemu.internal.command;

import java.util.List;

import org.jvirt.api.xml.Sound;

/** {@code -device} arguments of the {@code <sound>} devices and their HDA codecs (qemuBuildSoundCommandLine). */
final class SoundArgs {
    private final QemuMachine m;

    SoundArgs(QemuMachine m) {
        this.m = m;
    }

    void sounds(Argv a) {
        List<Sound> sounds = m.def().devices().ofType(Sound.class);
        for (int i = 0; i < sounds.size(); i++) {
            Sound s = sounds.get(i);
            String model = s.model();
            if ("pcspk".equals(model)) {
                continue; // the PC speaker is part of the machine (-machine pcspk-audiodev=)
            }
            Json j = Json.object().put("driver", switch (model) {
                case "ac97" -> "AC97";
                case "es1370" -> "ES1370";
                case "ich6" -> "intel-hda";
                case "ich9" -> "ich9-intel-hda";
                default -> model;
            });
            j.put("id", "sound" + i);
            String au = s.audioId() != null ? "audio" + s.audioId() : GraphicsArgs.audioId(m);
            if (!model.startsWith("ich")) {
                j.put("audiodev", au);
            }
            PciBus.put(m, s.info(), j);
            a.device(j);
            if (model.equals("ich6") || model.equals("ich9")) {
                a.device(Json.object().put("driver", "hda-duplex").put("id", "sound" + i + "-codec0")
                        .put("bus", "sound" + i + ".0").put("cad", 0).put("audiodev", au));
            }
        }
    }
}
