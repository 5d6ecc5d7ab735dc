package org.jvirt.storage.internal.conf;

import java.util.Set;
import java.util.UUID;

import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.VirtException;
import org.jvirt.api.xml.DomainXmlCodec;
import org.jvirt.api.xml.XmlElement;

/**
 * libvirt's storage pool XML ({@code storage_conf.c}) for the pool types jvirt implements: parsing
 * with its rules and messages ({@code virStoragePoolDefParseXML}) and formatting as
 * {@code virStoragePoolDefFormatBuf}. Read with the platform's one reader of untrusted XML.
 */
public final class PoolXml {
    /** How libvirt names a pool definition read from a string in its messages. */
    public static final String URL = "(storage_pool_definition)";
    /** Every pool type libvirt 9.0 knows; those jvirt does not implement have no backend. */
    private static final Set<String> LIBVIRT_TYPES = Set.of("dir", "fs", "netfs", "logical", "disk", "iscsi",
            "iscsi-direct", "scsi", "mpath", "rbd", "sheepdog", "gluster", "zfs", "vstorage");
    private static final Set<String> FS_FORMATS = Set.of("auto", "ext2", "ext3", "ext4", "ufs", "iso9660", "udf",
            "gfs", "gfs2", "vfat", "hfs+", "xfs", "ocfs2", "vmfs");

    private final DomainXmlCodec reader;

    public PoolXml(DomainXmlCodec reader) {
        this.reader = reader;
    }

    public PoolDef parse(String xml) throws VirtException {
        XmlElement root = reader.readXml(xml, URL, ErrorDomain.STORAGE);
        if (!"pool".equals(root.name())) {
            throw Xml.xmlError("expecting root element of 'pool', not '" + root.name() + "'");
        }
        String typeName = root.attribute("type");
        if (typeName == null) {
            throw Xml.xmlError("Missing required attribute 'type' in element 'pool'");
        }
        PoolType type = PoolType.of(typeName);
        if (type == null) {
            if (LIBVIRT_TYPES.contains(typeName)) {
                throw new VirtException(ErrorCode.INTERNAL_ERROR, ErrorDomain.STORAGE,
                        "missing backend for pool type '" + typeName + "'");
            }
            throw Xml.xmlError("Invalid value for attribute 'type' in element 'pool': '" + typeName + "'.");
        }
        XmlElement source = root.child("source");
        String device = null;
        String format = null;
        if (type == PoolType.FS) {
            XmlElement dev = source == null ? null : source.child("device");
            device = dev == null ? null : dev.attribute("path");
            XmlElement fmt = source == null ? null : source.child("format");
            format = fmt == null || fmt.attribute("type") == null ? "auto" : fmt.attribute("type");
            if (!FS_FORMATS.contains(format)) {
                throw Xml.xmlError("unknown pool format type " + format);
            }
        }
        String name = Xml.text(root.child("name"));
        if (name == null) {
            throw Xml.xmlError("missing pool source name element");
        }
        if (name.contains("/")) {
            throw Xml.xmlError("name " + name + " cannot contain '/'");
        }
        UUID uuid = uuid(Xml.text(root.child("uuid")));
        Boolean cow = cow(root, type);
        if (type == PoolType.FS && device == null) {
            throw Xml.xmlError("missing storage pool source device name");
        }
        String target = Xml.text(root, "target", "path");
        if (target == null) {
            throw Xml.xmlError("missing storage pool target path");
        }
        return new PoolDef(type, name, uuid, device, format, sanitize(target),
                Xml.perms(root.child("target")), cow);
    }

    /** {@code virStoragePoolDefFormatBuf} with the pool's current sizes. */
    public static String format(PoolDef def, long capacity, long allocation, long available) {
        StringBuilder b = new StringBuilder();
        b.append("<pool type='").append(def.type().xmlName()).append("'>\n");
        b.append("  <name>").append(Xml.escape(def.name())).append("</name>\n");
        b.append("  <uuid>").append(def.uuid()).append("</uuid>\n");
        b.append("  <capacity unit='bytes'>").append(Long.toUnsignedString(capacity)).append("</capacity>\n");
        b.append("  <allocation unit='bytes'>").append(Long.toUnsignedString(allocation)).append("</allocation>\n");
        b.append("  <available unit='bytes'>").append(Long.toUnsignedString(available)).append("</available>\n");
        if (def.cow() != null) {
            b.append("  <features>\n    <cow state='").append(def.cow() ? "yes" : "no").append("'/>\n  </features>\n");
        }
        b.append("  <source>\n");
        if (def.sourceDevice() != null) {
            b.append("    <device path='").append(Xml.escape(def.sourceDevice())).append("'/>\n");
        }
        if (def.sourceFormat() != null) {
            b.append("    <format type='").append(def.sourceFormat()).append("'/>\n");
        }
        b.append("  </source>\n");
        b.append("  <target>\n");
        b.append("    <path>").append(Xml.escape(def.targetPath())).append("</path>\n");
        b.append(def.perms().format("    "));
        b.append("  </target>\n");
        return b.append("</pool>\n").toString();
    }

    /** {@code virFileSanitizePath}: repeated slashes collapse (a leading "//" stays, POSIX allows it), no trailing slash. */
    public static String sanitize(String path) {
        StringBuilder b = new StringBuilder(path.length());
        int start = 0;
        if (path.startsWith("//") && !path.startsWith("///")) {
            b.append('/');
            start = 1;
        }
        for (int i = start; i < path.length(); i++) {
            char c = path.charAt(i);
            if (c == '/' && b.length() > 0 && b.charAt(b.length() - 1) == '/' && i > start) {
                continue;
            }
            b.append(c);
        }
        while (b.length() > 1 && b.charAt(b.length() - 1) == '/') {
            b.setLength(b.length() - 1);
        }
        return b.toString();
    }

    private static UUID uuid(String text) throws VirtException {
        if (text == null) {
            return UUID.randomUUID();
        }
        String hex = text.trim().replace("-", "");
        if (hex.length() != 32 || !hex.matches("[0-9a-fA-F]{32}")) {
            throw Xml.xmlError("malformed uuid element");
        }
        return new UUID(Long.parseUnsignedLong(hex.substring(0, 16), 16), Long.parseUnsignedLong(hex.substring(16), 16));
    }

    private static Boolean cow(XmlElement root, PoolType type) throws VirtException {
        XmlElement node = Xml.at(root, "features", "cow");
        String state = node == null ? null : node.attribute("state");
        if (state == null) {
            return null;
        }
        if (!state.equals("yes") && !state.equals("no")) {
            throw Xml.xmlError("Invalid value for attribute 'state' in element 'cow': '" + state + "'. Expected 'yes' or 'no'");
        }
        return state.equals("yes");
    }
}
