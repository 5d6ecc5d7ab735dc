package org.jvirt.rpc.internal.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.jvirt.api.Connection;
import org.jvirt.api.Domain;
import org.jvirt.rpc.internal.testkit.Jvirtd;
import org.jvirt.rpc.internal.testkit.Proc;
import org.jvirt.rpc.internal.testkit.QemuHosts;

/**
 * Real {@code virsh console} (under ptys, driven by a python3 script) against jvirtd serving the
 * real QEMU driver: a TCG guest whose serial port is a pty echoes in upper case what it reads, so
 * both directions show; a second console is refused with libvirt's message, {@code --force} takes
 * it over and ends the first, Ctrl-] detaches with exit 0, a detached console can be opened again,
 * the read-only socket is refused, and destroying the guest ends the session.
 */
class VirshConsoleTest {
    private static final Path PYTHON = Path.of("/usr/bin/python3");

    /**
     * A boot sector (assembled with GNU as, .code16, linked at 0): prints JVIRT-GUEST-READY on
     * COM1, then forever reads a byte from COM1 (polling the LSR) and writes it back, a-z in upper
     * case. <pre>
     *   cli; xor ax,ax; mov ds,ax; mov si,msg
     * print: lodsb; test al,al; jz echo; call putc; jmp print
     * echo: mov dx,0x3fd; rx: in al,dx; test al,1; jz rx; mov dx,0x3f8; in al,dx
     *   cmp al,'a'; jb out; cmp al,'z'; ja out; sub al,0x20
     * out: call putc; jmp echo
     * putc: mov ah,al; mov dx,0x3fd; tx: in al,dx; test al,0x20; jz tx; mov al,ah; mov dx,0x3f8; out dx,al; ret
     * msg: "JVIRT-GUEST-READY\r\n\0"</pre>
     */
    private static final String ECHO_BOOT_SECTOR = "fa31c08ed8be3e7cac84c07405e81d00ebf6bafd03eca80174fbbaf803ec3c"
            + "6172063c7a77022c20e80200ebe588c4bafd03eca82074fb88e0baf803eec34a564952542d47554553542d5245414459"
            + "0d0a00";

    @Test
    void virshConsoleBothWaysExclusiveForceAndDetach(@TempDir Path dir) throws Exception {
        assumeTrue(QemuHosts.qemuInstalled(), "no qemu-system-x86_64 on the PATH");
        assumeTrue(Proc.available("virsh"), "virsh (libvirt-clients) is not installed");
        assumeTrue(Files.isExecutable(PYTHON), "no /usr/bin/python3");
        Path disk = dir.resolve("echo.img");
        Files.write(disk, bootSector());
        try (QemuHosts q = new QemuHosts(dir); Jvirtd d = new Jvirtd(q.factory);
                Connection c = q.factory.open("qemu:///system", 0)) {
            Domain dom = c.defineXml(guestXml(disk), 0);
            dom.create(0);
            try {
                String uri = "qemu+unix:///system?socket=" + d.rw;
                String xml = Proc.virsh(uri, "dumpxml", "echo1").out();
                assertTrue(xml.matches("(?s).*<serial type='pty'>\\s*<source path='/dev/pts/\\d+'/>.*"), xml);
                List<String> lines = session(uri, "qemu+unix:///system?socket=" + d.ro, "echo1");
                if (Boolean.getBoolean("jvirt.verbose")) {
                    lines.forEach(l -> System.out.println("  " + l));
                }
                System.out.println("virsh console: " + lines.stream().filter(l -> l.contains(" ok ")).count()
                        + " steps passed of " + lines.stream().filter(l -> l.contains(" ok ") || l.contains(" FAIL ")).count());
                for (String step : List.of("a-attached", "a-echo", "b-refused", "c-attached", "c-echo", "a-ended",
                        "c-detached", "d-attached", "d-echo", "d-detached", "r-refused", "e-attached", "e-echo",
                        "e-ended-with-guest")) {
                    assertTrue(lines.stream().anyMatch(l -> l.startsWith(step + " ok ")), step + " in " + lines);
                }
                assertEquals("done", lines.get(lines.size() - 1), lines.toString());
                assertTrue(lines.stream().anyMatch(l -> l.startsWith("destroy-exit 0 ") && l.contains("destroyed")),
                        lines.toString());
            } finally {
                if (dom.isActive()) {
                    dom.destroy(0);
                }
                dom.undefine(0);
            }
        }
    }

    private static List<String> session(String uri, String roUri, String guest) throws Exception {
        Path script = Files.createTempFile("console_session", ".py");
        try {
            Files.copy(VirshConsoleTest.class.getResourceAsStream("/python/console_session.py"), script,
                    StandardCopyOption.REPLACE_EXISTING);
            Proc.Result r = Proc.run(List.of(PYTHON.toString(), script.toString(), uri, roUri, guest), Map.of(), 400);
            assertEquals(0, r.exit(), r.toString());
            return r.out().lines().toList();
        } finally {
            Files.deleteIfExists(script);
        }
    }

    private static byte[] bootSector() {
        byte[] sector = new byte[512];
        byte[] code = HexFormat.of().parseHex(ECHO_BOOT_SECTOR);
        System.arraycopy(code, 0, sector, 0, code.length);
        sector[510] = 0x55;
        sector[511] = (byte) 0xaa;
        return sector;
    }

    private static String guestXml(Path disk) {
        return "<domain type='qemu'><name>echo1</name><memory unit='MiB'>32</memory><vcpu>1</vcpu>"
                + "<os><type arch='x86_64' machine='pc'>hvm</type><boot dev='hd'/></os>"
                + "<devices><disk type='file' device='disk'><driver name='qemu' type='raw'/>"
                + "<source file='" + disk + "'/><target dev='hda' bus='ide'/></disk>"
                + "<serial type='pty'/><console type='pty'/></devices></domain>";
    }
}
