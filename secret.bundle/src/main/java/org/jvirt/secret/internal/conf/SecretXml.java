package org.jvirt.secret.internal.conf;

import java.util.UUID;

import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.SecretUsageType;
import org.jvirt.api.VirtException;
import org.jvirt.api.xml.DomainXmlCodec;
import org.jvirt.api.xml.XmlElement;

/**
 * libvirt's secret XML ({@code secret_conf.c}): parsing with its rules and messages, and
 * formatting as {@code virSecretDefFormat} does. The document is read with the platform's one
 * reader of untrusted XML (the codec's).
 */
public final class SecretXml {
    /** How libvirt names a secret definition read from a string in its messages. */
    public static final String URL = "(definition_of_secret)";

    private final DomainXmlCodec reader;

    public SecretXml(DomainXmlCodec reader) {
        this.reader = reader;
    }

    /** Parses {@code xml}; {@code url} names the document in messages ({@link #URL} or a file). */
    public SecretDef parse(String xml, String url) throws VirtException {
        XmlElement root = reader.readXml(xml, url, ErrorDomain.SECRET);
        if (!"secret".equals(root.name())) {
            throw xmlError("expecting root element of 'secret', not '" + root.name() + "'");
        }
        boolean ephemeral = yesNo(root, "ephemeral");
        boolean isPrivate = yesNo(root, "private");
        UUID uuid = uuid(root.child("uuid"));
        String description = Texts.of(root.child("description"));
        XmlElement usage = root.child("usage");
        SecretUsageType type = SecretUsageType.NONE;
        String usageId = null;
        if (usage != null) {
            type = usageType(usage);
            usageId = usageId(usage, type);
        }
        return new SecretDef(uuid, description, ephemeral, isPrivate, type, usageId);
    }

    /** {@code virSecretDefFormat}. */
    public static String format(SecretDef def) {
        StringBuilder b = new StringBuilder();
        b.append("<secret ephemeral='").append(def.ephemeral() ? "yes" : "no")
                .append("' private='").append(def.isPrivate() ? "yes" : "no").append("'>\n");
        b.append("  <uuid>").append(def.uuid()).append("</uuid>\n");
        if (def.description() != null) {
            b.append("  <description>").append(Texts.escape(def.description())).append("</description>\n");
        }
        if (def.usageType() != SecretUsageType.NONE) {
            b.append("  <usage type='").append(def.usageType().xmlName()).append("'>\n");
            String element = usageElement(def.usageType());
            b.append("    <").append(element).append('>').append(Texts.escape(def.usageId()))
                    .append("</").append(element).append(">\n");
            b.append("  </usage>\n");
        }
        return b.append("</secret>\n").toString();
    }

    /** The element under {@code <usage>} that names the usage, by type. */
    static String usageElement(SecretUsageType type) {
        return switch (type) {
            case VOLUME -> "volume";
            case ISCSI -> "target";
            default -> "name";
        };
    }

    private static boolean yesNo(XmlElement root, String attr) throws VirtException {
        String v = root.attribute(attr);
        if (v == null || "no".equals(v)) {
            return false;
        }
        if ("yes".equals(v)) {
            return true;
        }
        throw xmlError("invalid value of '" + attr + "'");
    }

    private static UUID uuid(XmlElement element) throws VirtException {
        String text = Texts.of(element);
        if (text == null) {
            return UUID.randomUUID();
        }
        UUID parsed = Uuids.parse(text);
        if (parsed == null) {
            throw new VirtException(ErrorCode.INTERNAL_ERROR, ErrorDomain.SECRET, "malformed uuid element");
        }
        return parsed;
    }

    private static SecretUsageType usageType(XmlElement usage) throws VirtException {
        String name = usage.attribute("type");
        if (name == null) {
            throw xmlError("unknown secret usage type");
        }
        SecretUsageType type = SecretUsageType.ofXmlName(name);
        if (type == null || type == SecretUsageType.NONE) {
            throw new VirtException(ErrorCode.CONFIG_UNSUPPORTED, ErrorDomain.SECRET,
                    "unknown secret usage type " + name);
        }
        return type;
    }

    private static String usageId(XmlElement usage, SecretUsageType type) throws VirtException {
        String id = Texts.of(usage.child(usageElement(type)));
        if (id == null) {
            String missing = switch (type) {
                case VOLUME -> "volume usage specified, but volume path is missing";
                case CEPH -> "Ceph usage specified, but name is missing";
                case ISCSI -> "iSCSI usage specified, but target is missing";
                case TLS -> "TLS usage specified, but name is missing";
                default -> "vTPM usage specified, but name is missing";
            };
            throw new VirtException(ErrorCode.INTERNAL_ERROR, ErrorDomain.SECRET, missing);
        }
        return id;
    }

    private static VirtException xmlError(String message) {
        return new VirtException(ErrorCode.XML_ERROR, ErrorDomain.SECRET, message);
    }
}
