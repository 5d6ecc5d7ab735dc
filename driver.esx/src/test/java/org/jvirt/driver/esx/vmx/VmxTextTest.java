package org.jvirt.driver.esx.vmx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.jvirt.api.VirtException;

/** The VMX text reader (virConfReadString's VMX flavour), UUIDs and hex escapes. */
class VmxTextTest {

    @Test
    void statementsCommentsAndQuotes() throws VirtException {
        List<VmxText.Entry> entries = VmxText.parse("#!/usr/bin/vmware\n.encoding = \"UTF-8\"\n\n"
                + "scsi0:0.file-Name = 'a b' # trailing\r\nx = \"1\"; y = \"\"\"two\nlines\"\"\"\n");
        assertEquals(List.of(new VmxText.Entry(".encoding", "UTF-8"), new VmxText.Entry("scsi0:0.file-Name", "a b"),
                new VmxText.Entry("x", "1"), new VmxText.Entry("y", "two\nlines")), entries);
    }

    @Test
    void namesAreMatchedWithoutRegardToCase() throws VirtException {
        VmxConfig conf = VmxConfig.parse("MEMSIZE = \"64\"\nmemsize = \"128\"\n");
        assertEquals(64, conf.number("memSize", 32));
        assertNull(conf.string("numvcpus"));
    }

    @Test
    void syntaxErrorsNameTheLine() {
        assertEquals("configuration file syntax error: memory conf:2: expecting a name",
                assertThrows(VirtException.class, () -> VmxText.parse("a = \"1\"\n9 = \"2\"\n")).getMessage());
        assertEquals("configuration file syntax error: memory conf:1: unterminated string",
                assertThrows(VirtException.class, () -> VmxText.parse("a = \"1\n")).getMessage());
        assertEquals("configuration file syntax error: memory conf:1: lists not allowed in VMX format",
                assertThrows(VirtException.class, () -> VmxText.parse("a = [\"1\"]\n")).getMessage());
        assertEquals("configuration file syntax error: memory conf:1: expecting a separator",
                assertThrows(VirtException.class, () -> VmxText.parse("a = \"1\" b = \"2\"\n")).getMessage());
    }

    @Test
    void uuidsAndEscapes() {
        UUID uuid = UUID.fromString("564d9bef-acd9-b4e0-c8f0-aea8b9103515");
        assertEquals(uuid, VmxUuid.parse("56 4d 9b ef ac d9 b4 e0-c8 f0 ae a8 b9 10 35 15"));
        assertEquals("56 4d 9b ef ac d9 b4 e0-c8 f0 ae a8 b9 10 35 15", VmxUuid.format(uuid));
        assertNull(VmxUuid.parse("56 4d 9b"));
        assertEquals("a|7cb|22c%2fd", VmxEscape.percent(VmxEscape.pipe("a|b\"c/d")));
        assertEquals("line1\nline2", VmxEscape.unescape("line1|0Aline2", VmxEscape.PIPE));
        assertNull(VmxEscape.unescape("bad|zz", VmxEscape.PIPE));
        assertNull(VmxEscape.unescape("short|0", VmxEscape.PIPE));
        // fuzz finding (finding-newline-in-annotation): a raw newline would end the quoted value
        assertEquals("line1|0aline2|09", VmxEscape.pipe("line1\nline2\t"));
    }
}
