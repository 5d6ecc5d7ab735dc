package org.jvirt.storage.internal.conf;

import java.util.ArrayList;
import java.util.List;

import org.jvirt.api.VirtException;
import org.jvirt.api.xml.XmlElement;

/**
 * A volume's {@code <encryption>} (libvirt's {@code virStorageEncryption}, {@code storage_encryption_conf.c}):
 * parsed and formatted as libvirt does; jvirt's backend does not create encrypted volumes yet.
 *
 * @param format  "default", "qcow" or "luks"
 * @param secrets the secrets as type, uuid, usage (one of uuid and usage is null)
 * @param cipher  the luks cipher as name, size, mode, hash (mode and hash may be null), null for none
 * @param ivgen   the luks ivgen as name, hash (hash may be null), null for none
 */
public record VolEncryption(String format, List<String[]> secrets, String[] cipher, String[] ivgen) {
    private static final List<String> FORMATS = List.of("default", "qcow", "luks");

    static VolEncryption parse(XmlElement node) throws VirtException {
        String format = node.attribute("format");
        if (format == null) {
            throw Xml.xmlError("unknown volume encryption format type (null)");
        }
        if (!FORMATS.contains(format)) {
            throw Xml.xmlError("unknown volume encryption format type " + format);
        }
        List<String[]> secrets = new ArrayList<>();
        for (XmlElement s : node.children("secret")) {
            String type = s.attribute("type");
            if (type == null) {
                throw Xml.xmlError("unknown volume encryption secret type (null)");
            }
            if (!type.equals("passphrase")) {
                throw Xml.xmlError("unknown volume encryption secret type " + type);
            }
            String uuid = s.attribute("uuid");
            String usage = s.attribute("usage");
            if ((uuid == null) == (usage == null)) {
                throw Xml.xmlError("either secret uuid or usage expected");
            }
            secrets.add(new String[] {type, uuid, usage});
        }
        String[] cipher = null;
        XmlElement c = node.child("cipher");
        if (c != null) {
            String name = c.attribute("name");
            if (name == null) {
                throw Xml.xmlError("cipher info missing 'name' attribute");
            }
            String size = c.attribute("size");
            if (size == null || !size.matches("[0-9]+")) {
                throw Xml.xmlError("cipher size field '" + size + "' is not a valid unsigned number");
            }
            cipher = new String[] {name, size, c.attribute("mode"), c.attribute("hash")};
        }
        String[] ivgen = null;
        XmlElement iv = node.child("ivgen");
        if (iv != null) {
            if (iv.attribute("name") == null) {
                throw Xml.xmlError("missing ivgen info name string");
            }
            ivgen = new String[] {iv.attribute("name"), iv.attribute("hash")};
        }
        return new VolEncryption(format, secrets, cipher, ivgen);
    }

    /** {@code virStorageEncryptionFormat}, indented by {@code indent}. */
    void format(StringBuilder b, String indent) {
        b.append(indent).append("<encryption format='").append(format).append("'>\n");
        for (String[] s : secrets) {
            b.append(indent).append("  <secret type='").append(s[0]).append('\'');
            if (s[1] != null) {
                b.append(" uuid='").append(Xml.escape(s[1])).append("'/>\n");
            } else {
                b.append(" usage='").append(Xml.escape(s[2])).append("'/>\n");
            }
        }
        if (format.equals("luks") && cipher != null) {
            b.append(indent).append("  <cipher name='").append(Xml.escape(cipher[0])).append("' size='")
                    .append(cipher[1]).append('\'');
            optional(b, "mode", cipher[2]);
            optional(b, "hash", cipher[3]);
            b.append("/>\n");
        }
        if (format.equals("luks") && ivgen != null) {
            b.append(indent).append("  <ivgen name='").append(Xml.escape(ivgen[0])).append('\'');
            optional(b, "hash", ivgen[1]);
            b.append("/>\n");
        }
        b.append(indent).append("</encryption>\n");
    }

    private static void optional(StringBuilder b, String name, String value) {
        if (value != null) {
            b.append(' ').append(name).append("='").append(Xml.escape(value)).append('\'');
        }
    }
}
