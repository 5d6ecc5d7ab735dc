package org.jvirt.driver.qemu.internal.command;

import java.util.Map;

/** {@code <audio>} backends as {@code -audiodev} JSON (qemuBuildAudioCommandLine). */
final class AudioArgs {
    private AudioArgs() {
    }

    static void audiodevs(QemuDomain d, Argv a, Map<String, String> env, CommandEnv cenv) {
        for (XNode au : d.devices("audio")) {
            String type = au.attr("type", "none");
            Json j = Json.object().put("id", "audio" + au.attr("id", "1")).put("driver", switch (type) {
                case "pulseaudio" -> "pa";
                case "file" -> "wav";
                default -> type;
            });
            if (au.attr("timerPeriod") != null) {
                j.put("timer-period", Long.parseLong(au.attr("timerPeriod")));
            }
            switch (type) {
                case "file" -> j.put("path", au.attr("path"));
                case "pulseaudio" -> j.put("server", au.attr("serverName"));
                case "pipewire" -> {
                    String dir = au.attr("runtimeDir") != null ? au.attr("runtimeDir")
                            : cenv.baseEnv().get("PIPEWIRE_RUNTIME_DIR");
                    if (dir != null) {
                        env.put("PIPEWIRE_RUNTIME_DIR", dir);
                    }
                }
                case "sdl" -> {
                    if (au.attr("driver") != null) {
                        env.put("SDL_AUDIODRIVER", au.attr("driver"));
                    }
                }
                case "dbus" -> {
                }
                default -> {
                }
            }
            j.put("in", direction(type, au.child("input")));
            j.put("out", direction(type, au.child("output")));
            a.add("-audiodev", j.toString());
        }
    }

    private static Json direction(String type, XNode io) {
        if (io == null) {
            return null;
        }
        Json j = Json.object();
        bool(j, "mixing-engine", io.attr("mixingEngine"));
        bool(j, "fixed-settings", io.attr("fixedSettings"));
        num(j, "voices", io.attr("voices"));
        num(j, "buffer-length", io.attr("bufferLength"));
        XNode s = io.child("settings");
        if (s != null) {
            num(j, "frequency", s.attr("frequency"));
            num(j, "channels", s.attr("channels"));
            j.put("format", s.attr("format"));
        }
        switch (type) {
            case "alsa" -> j.put("dev", io.attr("dev"));
            case "oss" -> {
                j.put("dev", io.attr("dev"));
                num(j, "buffer-count", io.attr("bufferCount"));
                bool(j, "try-poll", io.attr("tryPoll"));
            }
            case "coreaudio", "sdl" -> num(j, "buffer-count", io.attr("bufferCount"));
            case "jack" -> j.put("server-name", io.attr("serverName")).put("client-name", io.attr("clientName"))
                    .put("connect-ports", io.attr("connectPorts"));
            case "pulseaudio", "pipewire" -> {
                j.put("name", io.attr("name")).put("stream-name", io.attr("streamName"));
                num(j, "latency", io.attr("latency"));
            }
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

    private static void num(Json j, String key, String value) {
        if (value != null) {
            j.put(key, Long.parseLong(value));
        }
    }
}
