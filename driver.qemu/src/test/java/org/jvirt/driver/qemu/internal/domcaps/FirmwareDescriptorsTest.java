package org.jvirt.driver.qemu.internal.domcaps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** qemuFirmwareGetSupported over descriptor folders: precedence, masking, machine globs, secure boot. */
class FirmwareDescriptorsTest {
    @TempDir
    Path dir;

    private static String descriptor(String iface, String image, String machines, String... features) {
        return "{\"interface-types\": [\"" + iface + "\"], \"mapping\": {\"device\": \"flash\", \"executable\": "
                + "{\"filename\": \"" + image + "\"}}, \"targets\": [{\"architecture\": \"x86_64\", \"machines\": ["
                + machines + "]}], \"features\": [" + String.join(",", features) + "]}";
    }

    @Test
    void theMachineDecidesWhatIsOffered() throws Exception {
        Path share = Files.createDirectories(dir.resolve("share"));
        Files.writeString(share.resolve("50-bios.json"), "{\"interface-types\": [\"bios\"], \"mapping\": "
                + "{\"device\": \"memory\", \"filename\": \"/fw/bios.bin\"}, \"targets\": [{\"architecture\": "
                + "\"x86_64\", \"machines\": [\"pc-i440fx-*\", \"pc-q35-*\"]}], \"features\": []}");
        Files.writeString(share.resolve("60-sb.json"), descriptor("uefi", "/fw/sb.fd", "\"pc-q35-*\"",
                "\"requires-smm\"", "\"secure-boot\""));
        FirmwareDescriptors fw = new FirmwareDescriptors(List.of(share));
        FirmwareDescriptors.Supported pc = fw.supported("pc-i440fx-7.2", "x86_64");
        assertTrue(pc.bios());
        assertFalse(pc.efi());
        assertFalse(pc.secure());
        assertEquals(List.of("/fw/bios.bin"), pc.images());
        FirmwareDescriptors.Supported q35 = fw.supported("pc-q35-7.2", "x86_64");
        assertTrue(q35.efi() && q35.secure());
        assertEquals(List.of("/fw/bios.bin", "/fw/sb.fd"), q35.images());
        assertFalse(fw.supported("pc-q35-7.2", "aarch64").bios(), "another architecture's descriptors do not count");
    }

    @Test
    void anEarlierFolderOverridesAndAnEmptyFileMasks() throws Exception {
        Path etc = Files.createDirectories(dir.resolve("etc"));
        Path share = Files.createDirectories(dir.resolve("share"));
        Files.writeString(share.resolve("60-ovmf.json"), descriptor("uefi", "/share/ovmf.fd", "\"pc-*\""));
        Files.writeString(etc.resolve("60-ovmf.json"), descriptor("uefi", "/etc/ovmf.fd", "\"pc-*\""));
        Files.writeString(share.resolve("70-other.json"), descriptor("uefi", "/share/other.fd", "\"pc-*\""));
        Files.writeString(etc.resolve("70-other.json"), "");
        FirmwareDescriptors.Supported s = new FirmwareDescriptors(List.of(etc, share)).supported("pc-q35-7.2",
                "x86_64");
        assertEquals(List.of("/etc/ovmf.fd"), s.images());
        assertTrue(s.anyDescriptor());
    }

    @Test
    void noFoldersOfferNothing() {
        FirmwareDescriptors.Supported s = new FirmwareDescriptors(List.of(dir.resolve("none")))
                .supported("pc-q35-7.2", "x86_64");
        assertFalse(s.bios() || s.efi() || s.secure() || s.anyDescriptor());
        assertEquals(List.of(), s.images());
    }

    @Test
    void globsAreFnmatchs() {
        assertTrue(FirmwareDescriptors.globToRegex("pc-q35-*").matcher("pc-q35-7.2").matches());
        assertTrue(FirmwareDescriptors.globToRegex("virt-?.?").matcher("virt-7.2").matches());
        assertFalse(FirmwareDescriptors.globToRegex("pc-q35-*").matcher("pc-i440fx-7.2").matches());
        assertFalse(FirmwareDescriptors.globToRegex("pc.q35").matcher("pcxq35").matches(), "a dot is literal");
    }
}
