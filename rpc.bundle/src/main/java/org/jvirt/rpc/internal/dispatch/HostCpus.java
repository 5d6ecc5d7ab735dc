package org.jvirt.rpc.internal.dispatch;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** This host's CPUs as Linux lists them in {@code /sys/devices/system/cpu/present} ("0-15", "0,2-3"). */
final class HostCpus {
    private static final Path PRESENT = Path.of("/sys/devices/system/cpu/present");

    private HostCpus() {
    }

    static int present() {
        try {
            return count(Files.readString(PRESENT).trim());
        } catch (IOException | RuntimeException e) {
            return Runtime.getRuntime().availableProcessors();
        }
    }

    /** The highest CPU number in a Linux CPU list plus one (libvirt's map length in bits). */
    static int count(String list) {
        int max = -1;
        for (String part : list.split(",")) {
            String[] range = part.trim().split("-");
            max = Math.max(max, Integer.parseInt(range[range.length - 1].trim()));
        }
        return max + 1;
    }
}
