package org.jvirt.driver.qemu.internal.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.jvirt.api.ErrorCode;
import org.jvirt.api.VirtException;
import org.jvirt.api.xml.DomainDef;
import org.jvirt.xml.internal.DomainXmlCodecImpl;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** pty paths from query-chardev into the live definition, and which device a console request means. */
class ConsoleDevicesTest {
    private final DomainXmlCodecImpl codec = new DomainXmlCodecImpl();

    private DomainDef def(String devices) throws VirtException {
        return codec.parse("<domain type='qemu'><name>c</name><memory>65536</memory><os><type>hvm</type></os>"
                + "<devices>" + devices + "</devices></domain>", 0).withId(1);   // running: its XML shows pty paths
    }

    private static JsonNode chardevs(String json) throws Exception {
        return new ObjectMapper().readTree(json);
    }

    @Test
    void ptyPathsFillTheLiveDefinitionAndShowInItsXml() throws Exception {
        DomainDef live = ChardevPaths.fill(def("<serial type='pty'/><serial type='pty'/><console type='pty'/>"),
                chardevs("[{\"label\":\"charserial0\",\"filename\":\"pty:/dev/pts/7\",\"frontend-open\":true},"
                        + "{\"label\":\"charserial1\",\"filename\":\"pty:/dev/pts/9\",\"frontend-open\":true},"
                        + "{\"label\":\"charmonitor\",\"filename\":\"unix:/run/m.sock,server=on\"}]"));
        String xml = codec.format(live, 0);
        assertTrue(xml.contains("<serial type='pty'>\n      <source path='/dev/pts/7'/>"), xml);
        assertTrue(xml.contains("<source path='/dev/pts/9'/>"), xml);
        // console 0 is serial 0 seen as a console: the same pty
        assertEquals("/dev/pts/7", ConsoleDevices.ptyPath(live, null));
        assertEquals("/dev/pts/7", ConsoleDevices.ptyPath(live, "console0"));
        assertEquals("/dev/pts/9", ConsoleDevices.ptyPath(live, "serial1"));
    }

    @Test
    void unknownDevicesAndOtherBackendsAreLibvirtsErrors() throws Exception {
        DomainDef live = ChardevPaths.fill(def("<serial type='file'><source path='/tmp/s.log'/></serial>"),
                chardevs("[]"));
        VirtException e = assertThrows(VirtException.class, () -> ConsoleDevices.ptyPath(live, "serial7"));
        assertEquals(ErrorCode.INTERNAL_ERROR, e.code());
        assertTrue(e.getMessage().endsWith("cannot find character device serial7"), e.getMessage());
        e = assertThrows(VirtException.class, () -> ConsoleDevices.ptyPath(live, null));
        // no console: the first serial (qemuDomainOpenConsole)
        assertTrue(e.getMessage().endsWith("character device serial0 is not using a PTY"), e.getMessage());
        e = assertThrows(VirtException.class, () -> ConsoleDevices.ptyPath(def(""), null));
        assertTrue(e.getMessage().endsWith("cannot find character device <null>"), e.getMessage());
    }
}
