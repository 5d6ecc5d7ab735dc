package org.jvirt.api.xml;

import java.util.List;
import java.util.Objects;

/**
 * A {@code <sound>} device.
 *
 * <p>Immutable; lists are never null. Build with {@link #builder()}, change with {@link #toBuilder()}.
 */
public final class Sound implements Device {
    private final String model;
    private final String multichannel;
    private final List<String> codecs;
    private final Integer audioId;
    private final Preserved other;
    private final DeviceInfo info;

    Sound(SoundBuilder b) {
        this.model = b.model;
        this.multichannel = b.multichannel;
        this.codecs = List.copyOf(b.codecs == null ? List.of() : b.codecs);
        this.audioId = b.audioId;
        this.other = b.other == null ? Preserved.NONE : b.other;
        this.info = b.info == null ? DeviceInfo.NONE : b.info;
    }

    /** A builder with every field unset (null, empty, or the documented default). */
    public static SoundBuilder builder() {
        return new SoundBuilder();
    }

    /** A builder holding this object's values. */
    public SoundBuilder toBuilder() {
        return new SoundBuilder(this);
    }

    /** {@code sb16}, {@code es1370}, {@code pcspk}, {@code ac97}, {@code ich6}, {@code ich7}, {@code ich9}, {@code usb}, {@code ics6} */
    public String model() {
        return model;
    }

    /** {@code yes}/{@code no} (usb), or null */
    public String multichannel() {
        return multichannel;
    }

    /** the {@code <codec type=>} entries ({@code duplex}, {@code micro}, {@code output}) */
    public List<String> codecs() {
        return codecs;
    }

    /** {@code <audio id=>}: the audio backend it plays to, or null */
    public Integer audioId() {
        return audioId;
    }

    /** further attributes and child elements the model does not name, kept verbatim and formatted back in libvirt's order; never null */
    public Preserved other() {
        return other;
    }

    /** the device's {@code <alias>}, {@code <address>}, {@code <boot>}, {@code <acpi>} and {@code <rom>}, never null */
    public DeviceInfo info() {
        return info;
    }

    /** A copy with {@code model} replaced. */
    public Sound withModel(String newModel) {
        return toBuilder().model(newModel).build();
    }

    /** A copy with {@code other} replaced. */
    public Sound withOther(Preserved newOther) {
        return toBuilder().other(newOther).build();
    }

    /** A copy with {@code info} replaced. */
    public Sound withInfo(DeviceInfo newInfo) {
        return toBuilder().info(newInfo).build();
    }

    @Override
    public String elementName() {
        return "sound";
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof Sound x)) {
            return false;
        }
        return Objects.equals(model, x.model) && Objects.equals(multichannel, x.multichannel)
                && Objects.equals(codecs, x.codecs) && Objects.equals(audioId, x.audioId)
                && Objects.equals(other, x.other) && Objects.equals(info, x.info);
    }

    @Override
    public int hashCode() {
        return Objects.hash(model, multichannel, codecs, audioId, other, info);
    }

    @Override
    public String toString() {
        return "Sound[model=" + model + ", multichannel=" + multichannel + ", codecs=" + codecs
                + ", audioId=" + audioId + ", other=" + other + ", info=" + info + "]";
    }

}
