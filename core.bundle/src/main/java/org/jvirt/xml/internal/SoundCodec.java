package org.jvirt.xml.internal;

import java.util.ArrayList;
import java.util.List;

import org.jvirt.api.VirtException;
import org.jvirt.api.xml.Audio;
import org.jvirt.api.xml.AudioBuilder;
import org.jvirt.api.xml.AudioIo;
import org.jvirt.api.xml.AudioIoBuilder;
import org.jvirt.api.xml.Sound;
import org.jvirt.api.xml.SoundBuilder;
import org.jvirt.api.xml.XmlElement;

/** {@code <sound>} and the {@code <audio>} backends it plays to (virDomainSoundDef, virDomainAudioDef). */
final class SoundCodec {
    private static final String[] IO_ATTRS = {"mixingEngine", "fixedSettings", "voices", "bufferLength", "dev",
        "bufferCount", "tryPoll", "serverName", "clientName", "connectPorts", "exactName", "name", "streamName",
        "latency"};

    private SoundCodec() {
    }

    static Sound sound(Node n) throws VirtException {
        SoundBuilder b = Sound.builder().model(n.requiredAttr("model")).multichannel(n.attr("multichannel"));
        List<String> codecs = new ArrayList<>();
        for (Node c : n.children("codec")) {
            codecs.add(c.requiredAttr("type"));
            c.requireFullyRead();
        }
        Node audio = n.child("audio");
        if (audio != null) {
            b.audioId(Num.uint(audio, "id"));
            audio.requireFullyRead();
        }
        return b.codecs(codecs).info(DeviceInfoCodec.parse(n)).other(n.rest()).build();
    }

    static XmlElement format(Sound s) {
        Out o = new Out("sound").attrOrder("model", "multichannel").attr("model", s.model())
                .attr("multichannel", s.multichannel());
        for (String codec : s.codecs()) {
            o.child(new Out("codec").attr("type", codec));
        }
        if (s.audioId() != null) {
            o.child(new Out("audio").attr("id", s.audioId()));
        }
        return o.children(DeviceInfoCodec.format(s.info())).preserved(s.other()).build();
    }

    static Audio audio(Node n) throws VirtException {
        AudioBuilder b = Audio.builder().id(Num.uint(n, "id")).type(n.attr("type"))
                .timerPeriod(Num.uint(n, "timerPeriod")).path(n.attr("path")).serverName(n.attr("serverName"))
                .runtimeDir(n.attr("runtimeDir")).driver(n.attr("driver"));
        Node in = n.child("input");
        if (in != null) {
            b.input(io(in));
        }
        Node out = n.child("output");
        if (out != null) {
            b.output(io(out));
        }
        return b.info(DeviceInfoCodec.parse(n)).other(n.rest()).build();
    }

    private static AudioIo io(Node n) throws VirtException {
        AudioIoBuilder b = AudioIo.builder().mixingEngine(n.attr("mixingEngine"))
                .fixedSettings(n.attr("fixedSettings")).voices(Num.uint(n, "voices"))
                .bufferLength(Num.uint(n, "bufferLength")).dev(n.attr("dev")).bufferCount(Num.uint(n, "bufferCount"))
                .tryPoll(n.attr("tryPoll")).serverName(n.attr("serverName")).clientName(n.attr("clientName"))
                .connectPorts(n.attr("connectPorts")).exactName(n.attr("exactName")).name(n.attr("name"))
                .streamName(n.attr("streamName")).latency(Num.uint(n, "latency"));
        Node s = n.child("settings");
        if (s != null) {
            b.frequency(Num.uint(s, "frequency")).channels(Num.uint(s, "channels")).format(s.attr("format"));
            s.requireFullyRead();
        }
        return b.other(n.rest()).build();
    }

    static XmlElement format(Audio a) {
        Out o = new Out("audio").attrOrder("id", "type", "timerPeriod", "path", "serverName", "runtimeDir", "driver")
                .attr("id", a.id()).attr("type", a.type()).attr("timerPeriod", a.timerPeriod()).attr("path", a.path())
                .attr("serverName", a.serverName()).attr("runtimeDir", a.runtimeDir()).attr("driver", a.driver());
        o.child(format("input", a.input())).child(format("output", a.output()));
        return o.children(DeviceInfoCodec.format(a.info())).preserved(a.other()).build();
    }

    private static Out format(String name, AudioIo io) {
        if (io == null) {
            return null;
        }
        Out o = new Out(name).attrOrder(IO_ATTRS).attr("mixingEngine", io.mixingEngine())
                .attr("fixedSettings", io.fixedSettings()).attr("voices", io.voices())
                .attr("bufferLength", io.bufferLength()).attr("dev", io.dev()).attr("bufferCount", io.bufferCount())
                .attr("tryPoll", io.tryPoll()).attr("serverName", io.serverName()).attr("clientName", io.clientName())
                .attr("connectPorts", io.connectPorts()).attr("exactName", io.exactName()).attr("name", io.name())
                .attr("streamName", io.streamName()).attr("latency", io.latency());
        if (io.frequency() != null || io.channels() != null || io.format() != null) {
            o.child(new Out("settings").attr("frequency", io.frequency()).attr("channels", io.channels())
                    .attr("format", io.format()));
        }
        return o.preserved(io.other());
    }
}
