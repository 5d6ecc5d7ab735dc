package org.jvirt.driver.qemu.internal.domcaps;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the {@link HostFacts} of this host as libvirt does: VFIO when there are IOMMU groups and
 * {@code /dev/vfio/vfio}; swtpm when {@code swtpm}, {@code swtpm_setup} and {@code swtpm_ioctl}
 * are on {@code PATH}, the TPM versions from {@code swtpm_setup --print-capabilities}.
 */
public final class HostFactsProbe {
    private static final Logger LOG = LoggerFactory.getLogger(HostFactsProbe.class);

    private HostFactsProbe() {
    }

    /** @param kvmMaxVcpus the host's KVM vCPU limit (0 when not asked for) */
    public static HostFacts probe(int kvmMaxVcpus, boolean privileged) {
        boolean vfio = hasEntries(Path.of("/sys/kernel/iommu_groups")) && Files.exists(Path.of("/dev/vfio/vfio"));
        Path setup = onPath("swtpm_setup");
        boolean swtpm = onPath("swtpm") != null && setup != null && onPath("swtpm_ioctl") != null;
        String features = swtpm ? capabilities(setup) : "";
        return new HostFacts(vfio, swtpm, features.contains("\"tpm-1.2\""), features.contains("\"tpm-2.0\""),
                kvmMaxVcpus, privileged);
    }

    private static boolean hasEntries(Path dir) {
        if (!Files.isDirectory(dir)) {
            return false;
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.findAny().isPresent();
        } catch (IOException e) {
            return false;
        }
    }

    static Path onPath(String name) {
        String path = System.getenv("PATH");
        for (String d : (path == null ? "" : path).split(File.pathSeparator)) {
            if (!d.isEmpty() && Files.isExecutable(Path.of(d, name))) {
                return Path.of(d, name);
            }
        }
        return null;
    }

    private static String capabilities(Path swtpmSetup) {
        try {
            Process p = new ProcessBuilder(swtpmSetup.toString(), "--print-capabilities")
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            try (InputStream in = p.getInputStream()) {
                String out = new String(in.readNBytes(64 * 1024), StandardCharsets.UTF_8);
                if (!p.waitFor(10, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                }
                return out;
            }
        } catch (IOException e) {
            LOG.debug("cannot ask {} for its capabilities: {}", swtpmSetup, e.toString());
            return "";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }
}
