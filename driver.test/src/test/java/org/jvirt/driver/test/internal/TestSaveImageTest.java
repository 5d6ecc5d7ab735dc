package org.jvirt.driver.test.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.VirtException;

/** libvirt 9.0's test driver save image: layout, mode, and the errors of a file that is not one. */
class TestSaveImageTest {
    @TempDir
    Path tmp;

    @Test
    void anImageIsMagicLengthAndXmlWrittenPrivately() throws Exception {
        Path img = tmp.resolve("a.img");
        TestSaveImage.write(img, "a", "<domain/>");
        byte[] bytes = Files.readAllBytes(img);
        ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        assertEquals("TestGuestMagic\0", new String(bytes, 0, 15, "US-ASCII"));
        assertEquals(9, b.getInt(15));
        assertEquals(15 + 4 + 9, bytes.length);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(img)));
        assertEquals("<domain/>", TestSaveImage.read(img));
        try (var files = Files.list(tmp)) {
            assertEquals(1, files.count(), "no temporary file left");
        }
    }

    @Test
    void lengthsOutsideOneTo8192AreRefusedBeforeTheXmlIsRead() throws Exception {
        for (int len : new int[] {0, -1, 8193, Integer.MAX_VALUE}) {
            ByteBuffer b = ByteBuffer.allocate(19).order(ByteOrder.LITTLE_ENDIAN);
            b.put(TestSaveImage.MAGIC).putInt(len);
            Path img = Files.write(tmp.resolve("len" + len), b.array());
            VirtException e = assertThrows(VirtException.class, () -> TestSaveImage.read(img));
            assertEquals(ErrorCode.INTERNAL_ERROR, e.code());
            assertEquals("internal error: length of metadata out of range", e.getMessage());
        }
    }

    @Test
    void truncatedMissingAndDirectoryFilesFailAsLibvirtReportsThem() throws Exception {
        ByteBuffer b = ByteBuffer.allocate(19 + 3).order(ByteOrder.LITTLE_ENDIAN);
        b.put(TestSaveImage.MAGIC).putInt(100).put(new byte[3]);
        Path truncated = Files.write(tmp.resolve("t.img"), b.array());
        VirtException e = assertThrows(VirtException.class, () -> TestSaveImage.read(truncated));
        assertEquals(ErrorCode.SYSTEM_ERROR, e.code());
        assertEquals(ErrorDomain.TEST, e.domain());
        assertEquals("incomplete metadata in '" + truncated + "': Success", e.getMessage());
        Path missing = tmp.resolve("none.img");
        e = assertThrows(VirtException.class, () -> TestSaveImage.read(missing));
        assertEquals("cannot read domain image '" + missing + "': No such file or directory", e.getMessage());
        e = assertThrows(VirtException.class, () -> TestSaveImage.read(tmp));
        assertEquals("incomplete save header in '" + tmp + "': Is a directory", e.getMessage());
        e = assertThrows(VirtException.class, () -> TestSaveImage.write(tmp.resolve("no/dir.img"), "a", "<d/>"));
        assertEquals("saving domain 'a' to '" + tmp.resolve("no/dir.img") + "': open failed: No such file or directory",
                e.getMessage());
    }
}
