package org.jvirt.driver.test.internal;

import java.nio.file.Path;

import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.SaveRestoreFlag;
import org.jvirt.api.VirtException;
import org.jvirt.api.XmlFlag;
import org.jvirt.api.spi.DomainRef;
import org.jvirt.api.spi.DomainSaveDriver;
import org.jvirt.api.xml.DomainDef;
import org.jvirt.api.xml.DomainXmlCodec;

/**
 * The save and restore calls of a {@link TestConnection}, as libvirt 9.0's test driver makes them
 * ({@code testDomainSaveFlags}, {@code testDomainRestoreFlags}, {@code testDomainSaveImageGetXMLDesc},
 * {@code testDomainSaveImageDefineXML}): the image is a {@link TestSaveImage}; neither save nor
 * restore takes flags or a changed definition.
 */
final class TestSaves implements DomainSaveDriver {
    private final TestHost host;
    private final DomainLifecycle lifecycle;
    private final DefinitionPolicy policy;

    TestSaves(TestHost host, DomainLifecycle lifecycle) {
        this.host = host;
        this.lifecycle = lifecycle;
        this.policy = new DefinitionPolicy(host.codec());
    }

    @Override
    public void saveFlags(DomainRef dom, String to, String dxml, int flags) throws VirtException {
        TestDriverErrors.checkFlags(flags, 0, "testDomainSaveFlags");
        refuseXml(dxml);
        lifecycle.save(dom, (name, def) -> TestSaveImage.write(Path.of(to), name, format(def)));
    }

    @Override
    public void restoreFlags(String from, String dxml, int flags) throws VirtException {
        TestDriverErrors.checkFlags(flags, 0, "testDomainRestoreFlags");
        refuseXml(dxml);
        DomainDef def = policy.parseImage(TestSaveImage.read(Path.of(from)));
        lifecycle.restore(policy.withInterfaceNames(def));
    }

    @Override
    public String saveImageXmlDesc(String file, int flags) throws VirtException {
        TestDriverErrors.checkFlags(flags, XmlFlag.SECURE.bit(), "testDomainSaveImageGetXMLDesc");
        return format(policy.parseImage(TestSaveImage.read(Path.of(file))));
    }

    /** The RUNNING and PAUSED flags are accepted and, as libvirt's test image has no room for them, kept nowhere. */
    @Override
    public void saveImageDefineXml(String file, String dxml, int flags) throws VirtException {
        TestDriverErrors.checkFlags(flags, SaveRestoreFlag.RUNNING.bit() | SaveRestoreFlag.PAUSED.bit(),
                "testDomainSaveImageDefineXML");
        Path path = Path.of(file);
        TestSaveImage.read(path);
        DomainDef def = policy.parseImage(dxml);
        TestSaveImage.write(path, def.name(), format(def));
    }

    /** libvirt's test driver formats image XML with VIR_DOMAIN_DEF_FORMAT_SECURE. */
    private String format(DomainDef def) {
        return host.codec().format(def, DomainXmlCodec.FORMAT_SECURE);
    }

    private static void refuseXml(String dxml) throws VirtException {
        if (dxml != null) {
            throw new VirtException(ErrorCode.ARGUMENT_UNSUPPORTED, ErrorDomain.TEST, "xml modification unsupported");
        }
    }
}
