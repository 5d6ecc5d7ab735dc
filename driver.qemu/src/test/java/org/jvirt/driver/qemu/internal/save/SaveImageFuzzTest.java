package org.jvirt.driver.qemu.internal.save;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import org.jvirt.api.ErrorCode;
import org.jvirt.api.VirtException;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Fuzzes the save image reader (what a start reads from {@code <save dir>/<name>.save}): every file
 * is incomplete (empty), refused with libvirt's OPERATION_FAILED, or read into a header whose
 * stream starts within the file and an XML without NUL; nothing larger than the file is allocated.
 * Regression mode runs the committed inputs (SaveImageFuzzTestInputs/open).
 */
class SaveImageFuzzTest {
    @FuzzTest(maxDuration = "10m")
    void open(byte[] input) throws IOException {
        Path file = Files.createTempFile("jvirt-save-fuzz", ".save");
        try {
            Files.write(file, input);
            Optional<SaveImageFile.Opened> opened;
            try {
                opened = SaveImageFile.open(file);
            } catch (VirtException e) {
                assertEquals(ErrorCode.OPERATION_FAILED, e.code(), e.getMessage());
                return;
            }
            if (opened.isEmpty()) {
                assertTrue(input.length < SaveImageHeader.SIZE
                        || SaveImageHeader.magicOf(input) == SaveImageHeader.Magic.PARTIAL);
                return;
            }
            try (SaveImageFile.Opened o = opened.get()) {
                assertTrue(o.header().streamOffset() <= input.length, o.header().toString());
                assertEquals(o.header().streamOffset(), o.stream().position());
                assertFalse(o.xml().contains("\0"));
                assertTrue(o.header().version() >= 0 && o.header().version() <= SaveImageHeader.VERSION);
            }
        } finally {
            Files.deleteIfExists(file);
        }
    }
}
