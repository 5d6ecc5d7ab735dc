package org.jvirt.driver.qemu.internal;

import java.nio.charset.StandardCharsets;

import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.VirtException;

/**
 * The QEMU driver's rule for domain names, beyond the codec's generic ones (no {@code /}): files
 * are named after the domain ({@code NAME.log} here; libvirt's {@code NAME.xml} written through
 * {@code NAME.xml.new}), so a name must leave room for a suffix within NAME_MAX. libvirt learns this
 * when writing the file fails; the driver checks it before anything is stored or started.
 */
final class DomainNames {
    /** NAME_MAX (255 bytes) less {@code ".xml.new"}, libvirt's longest suffix: the longest name libvirt can keep. */
    static final int MAX_BYTES = 255 - ".xml.new".length();

    private DomainNames() {
    }

    /** libvirt's {@code virXMLCheckIllegalChars("name", name, "\n")}, which its define (not create) runs. */
    static void checkDefinable(String name) throws VirtException {
        if (name.indexOf('\n') >= 0) {
            throw new VirtException(ErrorCode.XML_DETAIL, ErrorDomain.XML, "invalid char in name: \n");
        }
    }

    static void check(String name) throws VirtException {
        int bytes = name.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > MAX_BYTES) {
            throw QemuErrors.system("cannot name files after domain '" + name.substring(0, name.offsetByCodePoints(0, Math.min(name.codePointCount(0, name.length()), 40)))
                    + "...': its name is " + bytes + " bytes long, more than the " + MAX_BYTES
                    + " a file name leaves for it: File name too long");
        }
    }
}
