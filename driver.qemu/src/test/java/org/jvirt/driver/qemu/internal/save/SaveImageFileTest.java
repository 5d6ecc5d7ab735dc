package org.jvirt.driver.qemu.internal.save;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.jvirt.api.ErrorCode;
import org.jvirt.api.VirtException;

/**
 * The save image format against libvirt's {@code virQEMUSaveHeader} layout (qemu_saveimage.h:
 * {@code char magic[16]; uint32_t version, data_len, was_running, format, cookieOffset,
 * unused[14]}, host order, little-endian on x86_64), and libvirt 9.0's checks and messages when it
 * opens one (qemuSaveImageOpen).
 */
class SaveImageFileTest {
    private static final String XML = "<domain type='qemu'><name>a</name></domain>";

    @TempDir
    Path dir;

    /** The bytes of libvirt's struct, built field by field as C lays it out. */
    private static byte[] libvirtHeader(String magic, int version, int dataLen, int wasRunning, int format,
                                        int cookieOffset, ByteOrder order) {
        ByteBuffer b = ByteBuffer.allocate(92).order(order);
        b.put(magic.getBytes(StandardCharsets.US_ASCII));
        b.putInt(version).putInt(dataLen).putInt(wasRunning).putInt(format).putInt(cookieOffset);
        return b.array();
    }

    @Test
    void headerIsLibvirtsStructLittleEndian() {
        SaveImageHeader h = SaveImageHeader.forXml(100, true);
        assertEquals(92, SaveImageHeader.SIZE);
        assertEquals(100 + 65536, h.dataLen(), "64 KiB of padding after the XML, as libvirt");
        assertArrayEquals(libvirtHeader("LibvirtQemudSave", 2, 100 + 65536, 1, 0, 0, ByteOrder.LITTLE_ENDIAN),
                h.encode(true));
        assertArrayEquals(libvirtHeader("LibvirtQemudPart", 2, 100 + 65536, 1, 0, 0, ByteOrder.LITTLE_ENDIAN),
                h.encode(false));
        byte[] paused = SaveImageHeader.forXml(7, false).encode(true);
        assertEquals(0, paused[24], "was_running at offset 24");
        assertEquals(7, paused[20], "data_len's low byte at offset 20");
    }

    @Test
    void aBigEndianHeaderIsReadAfterTheSwap() {
        byte[] be = libvirtHeader("LibvirtQemudSave", 2, 70000, 1, 0, 0, ByteOrder.BIG_ENDIAN);
        SaveImageHeader h = SaveImageHeader.decode(be);
        assertEquals(new SaveImageHeader(2, 70000, true, 0, 0), h);
    }

    @Test
    void aWrittenImageReadsBackWithItsStreamAfterThePadding() throws Exception {
        Path image = dir.resolve("a.save");
        try (SaveImageFile.Writer w = SaveImageFile.create(image, XML, true)) {
            assertFalse(Files.exists(image), "nothing under the image's name while it is written");
            assertEquals("LibvirtQemudPart", new String(Files.readAllBytes(w.temporaryPath()), 0, 16,
                    StandardCharsets.US_ASCII));
            w.stream().write(ByteBuffer.wrap("QEVM-stream".getBytes(StandardCharsets.US_ASCII)));
            w.commit();
            assertFalse(Files.exists(w.temporaryPath()));
        }
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(image)));
        byte[] all = Files.readAllBytes(image);
        int xmlLen = XML.length() + 1;
        assertEquals(92 + xmlLen + 65536 + 11, all.length);
        assertArrayEquals(libvirtHeader("LibvirtQemudSave", 2, xmlLen + 65536, 1, 0, 0, ByteOrder.LITTLE_ENDIAN),
                Arrays.copyOf(all, 92));
        assertEquals(0, all[92 + XML.length()], "the XML is NUL-terminated");
        try (SaveImageFile.Opened o = SaveImageFile.open(image).orElseThrow()) {
            assertEquals(XML, o.xml());
            assertTrue(o.header().wasRunning());
            ByteBuffer rest = ByteBuffer.allocate(64);
            o.stream().read(rest);
            assertEquals("QEVM-stream", new String(rest.array(), 0, rest.position(), StandardCharsets.US_ASCII));
        }
    }

    @Test
    void anAbortedImageLeavesNothing() throws Exception {
        Path image = dir.resolve("b.save");
        Path temp;
        try (SaveImageFile.Writer w = SaveImageFile.create(image, XML, false)) {
            temp = w.temporaryPath();
            assertTrue(Files.exists(temp));
        }
        assertFalse(Files.exists(temp));
        assertFalse(Files.exists(image));
    }

    @Test
    void incompleteImagesAreReportedAsSuch() throws Exception {
        Path shortFile = dir.resolve("short.save");
        Files.write(shortFile, "LibvirtQemudSave".getBytes(StandardCharsets.US_ASCII));
        assertEquals(Optional.empty(), SaveImageFile.open(shortFile));
        Path partial = dir.resolve("partial.save");
        Files.write(partial, concat(libvirtHeader("LibvirtQemudPart", 2, 10, 1, 0, 0, ByteOrder.LITTLE_ENDIAN),
                new byte[10]));
        assertEquals(Optional.empty(), SaveImageFile.open(partial));
    }

    @Test
    void badImagesFailWithLibvirtsMessages() throws Exception {
        assertFails("operation failed: image magic is incorrect",
                concat("not a libvirt save image at all, but long enough to hold a header of 92 bytes......."
                        .getBytes(StandardCharsets.US_ASCII), new byte[20]));
        // libvirt swaps a version above its own and reports the swapped number: 3 read big-endian
        assertFails("operation failed: image version is not supported (50331648 > 2)",
                libvirtHeader("LibvirtQemudSave", 3, 10, 1, 0, 0, ByteOrder.LITTLE_ENDIAN));
        assertFails("operation failed: invalid header data length: 0",
                libvirtHeader("LibvirtQemudSave", 2, 0, 1, 0, 0, ByteOrder.LITTLE_ENDIAN));
        // a data length past the file's end is not allocated, it is a short read
        assertFails("operation failed: failed to read domain XML",
                libvirtHeader("LibvirtQemudSave", 2, Integer.MAX_VALUE, 1, 0, 0, ByteOrder.LITTLE_ENDIAN));
        assertFails("operation failed: failed to read cookie", concat(
                libvirtHeader("LibvirtQemudSave", 2, 1000, 1, 0, 10, ByteOrder.LITTLE_ENDIAN), new byte[20]));
        assertFails("operation failed: Invalid compressed save format 9", concat(
                libvirtHeader("LibvirtQemudSave", 2, 4, 1, 9, 0, ByteOrder.LITTLE_ENDIAN), new byte[4]));
    }

    private void assertFails(String message, byte[] content) throws IOException {
        Path p = Files.write(dir.resolve("bad.save"), content);
        VirtException e = assertThrows(VirtException.class, () -> SaveImageFile.open(p));
        assertEquals(ErrorCode.OPERATION_FAILED, e.code());
        assertEquals(message, e.getMessage());
        assertTrue(Files.exists(p), "a bad image is not removed by reading it");
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
