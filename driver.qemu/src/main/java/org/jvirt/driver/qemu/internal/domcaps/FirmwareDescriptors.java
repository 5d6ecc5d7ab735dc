package org.jvirt.driver.qemu.internal.domcaps;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * QEMU's firmware descriptors ({@code docs/interop/firmware.json}) as libvirt's qemu_firmware.c
 * reads them: the {@code *.json} files of the folders given, highest priority first, a file name
 * found in an earlier folder hiding the same name in later ones (an empty file hides it for good),
 * taken in file name order. {@link #supported} is libvirt's qemuFirmwareGetSupported: the firmware
 * interfaces, secure boot (a descriptor that requires SMM) and the firmware images offered to a
 * machine of an architecture.
 */
public final class FirmwareDescriptors {
    private static final Logger LOG = LoggerFactory.getLogger(FirmwareDescriptors.class);

    /** What the descriptors offer a machine: {@code bios}/{@code efi}, secure boot, image paths. */
    public record Supported(boolean bios, boolean efi, boolean secure, List<String> images, boolean anyDescriptor) {
    }

    private final List<Path> dirs;

    /** @param dirs the descriptor folders, highest priority first (missing ones are skipped) */
    public FirmwareDescriptors(List<Path> dirs) {
        this.dirs = List.copyOf(dirs);
    }

    /**
     * libvirt's search path: {@code $XDG_CONFIG_HOME/qemu/firmware} (unprivileged only), then
     * {@code /etc/qemu/firmware}, then {@code /usr/share/qemu/firmware}.
     */
    public static FirmwareDescriptors standard(boolean privileged) {
        List<Path> dirs = new ArrayList<>();
        if (!privileged) {
            String xdg = System.getenv("XDG_CONFIG_HOME");
            Path config = xdg != null && !xdg.isEmpty() ? Path.of(xdg)
                    : Path.of(System.getProperty("user.home"), ".config");
            dirs.add(config.resolve("qemu/firmware"));
        }
        dirs.add(Path.of("/etc/qemu/firmware"));
        dirs.add(Path.of("/usr/share/qemu/firmware"));
        return new FirmwareDescriptors(dirs);
    }

    public Supported supported(String machine, String arch) {
        boolean bios = false;
        boolean efi = false;
        boolean secure = false;
        List<String> images = new ArrayList<>();
        Map<String, JsonNode> descriptors = load();
        for (JsonNode fw : descriptors.values()) {
            if (!matches(fw, machine, arch)) {
                continue;
            }
            for (JsonNode i : fw.path("interface-types")) {
                efi |= i.asText().equals("uefi");
                bios |= i.asText().equals("bios");
            }
            for (JsonNode f : fw.path("features")) {
                secure |= f.asText().equals("requires-smm");
            }
            JsonNode mapping = fw.path("mapping");
            String image = switch (mapping.path("device").asText()) {
                case "flash" -> mapping.path("executable").path("filename").asText(null);
                case "memory" -> mapping.path("filename").asText(null);
                default -> null;
            };
            if (image != null && !images.contains(image)) {
                images.add(image);
            }
        }
        return new Supported(bios, efi, secure, images, !descriptors.isEmpty());
    }

    /** qemuFirmwareMatchesMachineArch: a target of the architecture whose machine globs match. */
    private static boolean matches(JsonNode fw, String machine, String arch) {
        for (JsonNode target : fw.path("targets")) {
            if (!target.path("architecture").asText().equals(arch)) {
                continue;
            }
            for (JsonNode glob : target.path("machines")) {
                if (machine != null && globToRegex(glob.asText()).matcher(machine).matches()) {
                    return true;
                }
            }
        }
        return false;
    }

    /** fnmatch(3) without flags, as libvirt calls it: {@code *}, {@code ?} and literal text. */
    static Pattern globToRegex(String glob) {
        StringBuilder re = new StringBuilder();
        for (char c : glob.toCharArray()) {
            switch (c) {
                case '*' -> re.append(".*");
                case '?' -> re.append('.');
                default -> re.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(re.toString(), Pattern.DOTALL);
    }

    /** The effective descriptors by file name, in file name order; unreadable ones are skipped. */
    private Map<String, JsonNode> load() {
        Map<String, Path> chosen = new TreeMap<>();
        for (Path dir : dirs) {
            if (!Files.isDirectory(dir)) {
                continue;
            }
            try (DirectoryStream<Path> s = Files.newDirectoryStream(dir, "*.json")) {
                for (Path p : s) {
                    chosen.putIfAbsent(p.getFileName().toString(), p);
                }
            } catch (IOException e) {
                LOG.warn("cannot list firmware descriptors in {}: {}", dir, e.toString());
            }
        }
        Map<String, JsonNode> out = new TreeMap<>();
        for (Map.Entry<String, Path> e : chosen.entrySet()) {
            try {
                if (Files.size(e.getValue()) == 0) {
                    continue; // an empty file masks the descriptor of that name
                }
                out.put(e.getKey(), Json.MAPPER.readTree(e.getValue().toFile()));
            } catch (IOException ex) {
                LOG.warn("cannot read firmware descriptor {}: {}", e.getValue(), ex.toString());
            }
        }
        return out;
    }

    /**
     * The JSON mapper, made when the first descriptor is read (class initialisation on first use):
     * the driver's activation names the descriptor folders only, and a static mapper here loaded
     * some 200 Jackson classes on the daemon's start path.
     */
    private static final class Json {
        static final ObjectMapper MAPPER = new ObjectMapper();
    }
}
