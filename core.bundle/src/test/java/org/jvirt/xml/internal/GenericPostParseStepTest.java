package org.jvirt.xml.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.jvirt.api.VirtException;
import org.jvirt.api.xml.Controller;
import org.jvirt.api.xml.DomainDef;
import org.jvirt.api.xml.DomainXmlCodec;
import org.jvirt.api.xml.Video;

/** The generic post-parse as a step of its own: skipped on request at parse, the same when run after. */
class GenericPostParseStepTest {
    private static final String XML = """
            <domain type='kvm'>
              <name>g</name>
              <memory>1024</memory>
              <os><type arch='x86_64'>hvm</type></os>
              <devices>
                <disk type='file' device='disk'>
                  <source file='/a.img'/>
                  <target dev='sdb' bus='scsi'/>
                  <address type='drive' controller='1' bus='0' target='0' unit='1'/>
                </disk>
                <channel type='pty'>
                  <target type='virtio' name='x'/>
                  <address type='virtio-serial' controller='2' bus='0' port='1'/>
                </channel>
                <video><model type='vga'/></video>
                <video><model type='qxl' primary='yes'/></video>
              </devices>
            </domain>
            """;

    private final DomainXmlCodec codec = new DomainXmlCodecImpl();

    @Test
    void skippedParseLeavesImplicitDevicesToThePostParseStep() throws VirtException {
        DomainDef bare = codec.parse(XML, DomainXmlCodec.PARSE_INACTIVE | DomainXmlCodec.PARSE_SKIP_POST_PARSE);
        assertEquals(List.of(), bare.devices().controllers());
        List<Video> videos = bare.devices().ofType(Video.class);
        assertEquals("qxl", videos.get(0).modelType(), "the primary video still moves to the front at parse");
        assertEquals(null, videos.get(1).model().primary());

        DomainDef completed = codec.postParse(bare);
        DomainDef full = codec.parse(XML, DomainXmlCodec.PARSE_INACTIVE);
        assertEquals(List.of("scsi:0", "scsi:1", "virtio-serial:2"), keys(completed.devices().controllers()));
        assertEquals(codec.format(full, 0), codec.format(completed, 0));
        assertSame(completed, codec.postParse(completed), "a second run finds nothing to add");
    }

    @Test
    void firstVideoIsMarkedPrimaryByThePostParseStep() throws VirtException {
        String xml = XML.replace(" primary='yes'", "");
        DomainDef bare = codec.parse(xml, DomainXmlCodec.PARSE_SKIP_POST_PARSE);
        assertEquals(null, bare.devices().ofType(Video.class).get(0).model().primary());
        assertEquals("yes", codec.postParse(bare).devices().ofType(Video.class).get(0).model().primary());
    }

    private static List<String> keys(List<Controller> controllers) {
        return controllers.stream().map(c -> c.type() + ":" + c.index()).toList();
    }
}
