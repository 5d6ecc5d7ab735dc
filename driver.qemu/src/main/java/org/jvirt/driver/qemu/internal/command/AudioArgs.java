package org.jvirt.driver.qemu.internal.command;

import java.util.Map;

import org.jvirt.api.xml.Audio;
import org.jvirt.api.xml.AudioIo;

/** {@code <audio>} backends as {@code -audiodev} JSON (qemuBuildAudioCommandLine). */
final class AudioArgs {
    private final QemuMachine m;
    private final CommandEnv env;
    private final Map<String, String> vars;

    AudioArgs(QemuMachine m, CommandEnv env, Map<String, String> vars) {
        this.m = m;
        this.env = env;
        this.vars = vars;
    }

    void audiodevs(Argv a) {
        for (Audio au : m.def().devices().ofType(Audio.class)) {
            String type = au.type() == null ? "none" : au.type();
            Json j = Json.object().put("id", "audio" + (au.id() == null ? 1 : au.id())).put("driver", switch (type) {
                case "pulseaudio" -> "pa";
                case "file" -> "wav";
                default -> type;
            });
            j.put("timer-period", au.timerPeriod());
            switch (type) {
                case "file" -> j.put("path", au.path());
                case "pulseaudio" -> j.put("server", au.serverName());
                case "pipewire" -> {
                    String dir = au.runtimeDir() != null ? au.runtimeDir() : env.baseEnv().get("PIPEWIRE_RUNTIME_DIR");
                    if (dir != null) {
                        vars.put("PIPEWIRE_RUNTIME_DIR", dir);
                    }
                }
                case "sdl" -> {
                    if (au.driver() != null) {
                        vars.put("SDL_AUDIODRIVER", au.driver());
                    }
                }
                default -> {
                    // the other backends have no settings of their own beyond <input>/<output>
                }
            }
            j.put("in", direction(type, au.input()));
            j.put("out", direction(type, au.output()));
            a.add("-audiodev", j.toString());
        }
    }

    private static Json direction(String type, AudioIo io) {
        if (io == null) {
            return null;
        }
        Json j = Json.object();
        bool(j, "mixing-engine", io.mixingEngine());
        bool(j, "fixed-settings", io.fixedSettings());
        j.put("voices", io.voices()).put("buffer-length", io.bufferLength());
        j.put("frequency", io.frequency()).put("channels", io.channels()).put("format", io.format());
        switch (type) {
            case "alsa" -> j.put("dev", io.dev());
            case "oss" -> {
                j.put("dev", io.dev()).put("buffer-count", io.bufferCount());
                bool(j, "try-poll", io.tryPoll());
            }
            case "coreaudio", "sdl" -> j.put("buffer-count", io.bufferCount());
            case "jack" -> j.put("server-name", io.serverName()).put("client-name", io.clientName())
                    .put("connect-ports", io.connectPorts());
            case "pulseaudio", "pipewire" -> j.put("name", io.name()).put("stream-name", io.streamName())
                    .put("latency", io.latency());
            default -> {
            }
        }
        return j.isEmpty() ? null : j;
    }

    private static void bool(Json j, String key, String yesNo) {
        if (yesNo != null) {
            j.put(key, "yes".equals(yesNo));
        }
    }
}
