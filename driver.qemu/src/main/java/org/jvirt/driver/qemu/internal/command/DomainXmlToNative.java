package org.jvirt.driver.qemu.internal.command;

import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.VirtException;
import org.jvirt.api.xml.DomainDef;
import org.jvirt.api.xml.DomainXmlCodec;
import org.jvirt.driver.qemu.internal.caps.QemuCaps;

/**
 * {@code virConnectDomainXMLToNative} for format {@code qemu-argv}: the command line libvirt would
 * start the domain with, as one shell-quoted text in the layout {@code virsh domxml-to-native}
 * prints, for the environment given (this host's in production).
 */
public final class DomainXmlToNative {
    /** libvirt's native format name for QEMU. */
    public static final String QEMU_ARGV = "qemu-argv";

    private final DomainXmlCodec codec;

    public DomainXmlToNative(DomainXmlCodec codec) {
        this.codec = codec;
    }

    /**
     * @param format must be {@value #QEMU_ARGV}
     * @param xml    a domain definition (persistent form)
     * @param caps   the capabilities of the domain's emulator
     * @param env    where runtime files would live
     * @throws VirtException INVALID_ARG for another format; the parse and command-line errors
     */
    public String convert(String format, String xml, QemuCaps caps, CommandEnv env) throws VirtException {
        if (!QEMU_ARGV.equals(format)) {
            throw new VirtException(ErrorCode.INVALID_ARG, ErrorDomain.QEMU,
                    "Unsupported config type " + format);
        }
        DomainDef def = new QemuPostParse(codec).parse(xml, DomainXmlCodec.PARSE_INACTIVE, caps);
        QemuCommandLine cmd = new QemuCommandBuilder(caps, env).build(def.withId(-1));
        return ArgsFormatter.format(cmd);
    }
}
