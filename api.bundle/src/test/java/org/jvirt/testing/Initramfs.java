package org.jvirt.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.zip.GZIPOutputStream;

/**
 * A gzipped initramfs for a test guest: the host's static busybox as {@code /bin/busybox}, an
 * {@code /init} script and any further files (kernel modules, configuration), in the kernel's "newc" cpio format (what {@code find | cpio -o -H newc}
 * writes), so no cpio tool is needed.
 */
public final class Initramfs {
    private static final int DIR = 0040755;
    private static final int FILE = 0100755;

    private final ByteArrayOutputStream cpio = new ByteArrayOutputStream();
    private int ino = 1;

    private Initramfs() {
    }

    /**
     * Writes an initramfs with {@code busybox}, {@code init} (a shell script) and {@code extras}
     * (relative path to content; their folders are made) to {@code target}.
     */
    public static void write(Path busybox, String init, Map<String, byte[]> extras, Path target) throws IOException {
        Initramfs r = new Initramfs();
        Set<String> dirs = new TreeSet<>(Set.of("bin"));
        for (String name : extras.keySet()) {
            for (int i = name.indexOf('/'); i > 0; i = name.indexOf('/', i + 1)) {
                dirs.add(name.substring(0, i));
            }
        }
        for (String d : dirs) {
            r.entry(d, DIR, new byte[0]);
        }
        r.entry("bin/busybox", FILE, Files.readAllBytes(busybox));
        r.entry("init", FILE, init.getBytes(StandardCharsets.US_ASCII));
        for (Map.Entry<String, byte[]> e : new TreeMap<>(extras).entrySet()) {
            r.entry(e.getKey(), FILE, e.getValue());
        }
        r.entry("TRAILER!!!", 0, new byte[0]);
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(target))) {
            r.cpio.writeTo(out);
        }
    }

    private void entry(String name, int mode, byte[] data) throws IOException {
        byte[] n = (name + "\0").getBytes(StandardCharsets.US_ASCII);
        String header = "070701" + hex(ino++) + hex(mode) + hex(0) + hex(0) + hex(mode == DIR ? 2 : 1) + hex(0)
                + hex(data.length) + hex(0) + hex(0) + hex(0) + hex(0) + hex(n.length) + hex(0);
        cpio.write(header.getBytes(StandardCharsets.US_ASCII));
        cpio.write(n);
        pad();
        cpio.write(data);
        pad();
    }

    private void pad() {
        while (cpio.size() % 4 != 0) {
            cpio.write(0);
        }
    }

    private static String hex(int v) {
        return String.format("%08x", v);
    }
}
