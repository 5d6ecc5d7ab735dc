package org.jvirt.rpc.internal.testkit;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;

/**
 * A gzipped initramfs for a test guest: the host's static busybox as {@code /bin/busybox} and an
 * {@code /init} script, in the kernel's "newc" cpio format (what {@code find | cpio -o -H newc}
 * writes), so no cpio tool is needed.
 */
public final class Initramfs {
    private static final int DIR = 0040755;
    private static final int FILE = 0100755;

    private final ByteArrayOutputStream cpio = new ByteArrayOutputStream();
    private int ino = 1;

    private Initramfs() {
    }

    /** Writes an initramfs with {@code busybox} and {@code init} (a shell script) to {@code target}. */
    public static void write(Path busybox, String init, Path target) throws IOException {
        Initramfs r = new Initramfs();
        r.entry("bin", DIR, new byte[0]);
        r.entry("bin/busybox", FILE, Files.readAllBytes(busybox));
        r.entry("init", FILE, init.getBytes(StandardCharsets.US_ASCII));
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
