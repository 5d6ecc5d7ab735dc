package org.jvirt.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Map;

import org.junit.jupiter.api.Test;

/** What ConnectUriFuzzTest found: toString() must give back the URI it was parsed from. */
class ConnectUriTest {

    @Test
    void keepsAnIpv6HostWithoutBracketsAndFormatsThemBack() throws VirtException {
        ConnectUri uri = ConnectUri.parse("qemu+ssh://[::1]:2222/session");
        assertEquals("::1", uri.host());
        assertEquals(2222, uri.port());
        assertEquals("qemu+ssh://[::1]:2222/session", uri.toString());
        assertEquals(uri, ConnectUri.parse(uri.toString()));
    }

    @Test
    void escapesWhatItDecoded() throws VirtException {
        ConnectUri uri = ConnectUri.parse("test://us%40er@host/%2Ftmp/a%20b%3F.xml?a=b%26c&k%3D=1%2B1&s=x+y");
        assertEquals("us@er", uri.user());
        assertEquals("//tmp/a b?.xml", uri.path());
        assertEquals(Map.of("a", "b&c", "k=", "1+1", "s", "x y"), uri.params());
        assertEquals("test://us%40er@host//tmp/a%20b%3F.xml?a=b%26c&k%3D=1%2B1&s=x%20y", uri.toString());
        assertEquals(uri, ConnectUri.parse(uri.toString()));
    }

    @Test
    void takesNothingAfterTheSlashesAsLibvirtDoes() throws VirtException {
        for (String text : new String[] {"xen://", "test://?a=b", "qemu+tcp://#frag"}) {
            ConnectUri uri = ConnectUri.parse(text);
            assertNull(uri.host(), text);
            assertEquals("", uri.path(), text);
            assertEquals(uri, ConnectUri.parse(uri.toString()), text);
        }
        assertEquals("xen://", ConnectUri.parse("xen://").toString());
    }

    @Test
    void leavesTheUsualFormsAsWritten() throws VirtException {
        for (String text : new String[] {"test:///default", "qemu:///system", "qemu+tcp://user@host:16509/system",
                "qemu+unix:///system?socket=/run/libvirt/libvirt-sock"}) {
            assertEquals(text, ConnectUri.parse(text).toString());
        }
        assertNull(ConnectUri.parse("test:///default").host());
    }
}
