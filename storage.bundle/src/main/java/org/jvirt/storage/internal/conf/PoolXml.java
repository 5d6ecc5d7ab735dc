package org.jvirt.storage.internal.conf;

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

    private final DomainXmlCodec reader;

    public PoolXml(DomainXmlCodec reader) {
        this.reader = reader;
    }

    public PoolDef parse(String xml) throws VirtException {
        return parse(reader.readXml(xml, URL, ErrorDomain.STORAGE));
    }

    /** A pool from its element already read (a test driver's host file). */
    public PoolDef parse(XmlElement root) throws VirtException {
        if (!"pool".equals(root.name())) {
            // virXMLParse checks the root element, in the XML error domain
            throw new VirtException(ErrorCode.XML_ERROR, ErrorDomain.XML,
                    "expecting root element of 'pool', not '" + root.name() + "'");
        }
        String typeName = root.attribute("type");
        if (typeName == null) {
            throw Xml.xmlError("Missing required attribute 'type' in element 'pool'");
        }
        PoolType type = PoolType.of(typeName);
        if (type == null) {
            throw Xml.xmlError("Invalid value for attribute 'type' in element 'pool': '" + typeName + "'.");
        }
        String name = Xml.text(root.child("name"));
        if (name == null && type.has(PoolType.Source.NAME)) {
            // a pool named by its source (volume group, dataset, ...) takes that name
            name = Xml.text(root, "source", "name");
        }
        if (name == null) {
            throw Xml.xmlError("missing pool source name element");
        }
        if (name.contains("/")) {
            throw Xml.xmlError("name " + name + " cannot contain '/'");
        }
        UUID uuid = uuid(Xml.text(root.child("uuid")));
        Boolean cow = cow(root, type);
        PoolSource source = PoolSourceXml.parse(root.child("source"), type, name);
        String target = null;
        Perms perms = Perms.NONE;
        if (type.hasTarget()) {
            // logical and zfs pools live where their volume group / dataset appears
            if (type == PoolType.LOGICAL) {
                target = "/dev/" + source.name();
            } else if (type == PoolType.ZFS) {
                target = "/dev/zvol/" + source.name();
            } else {
                target = Xml.text(root, "target", "path");
                if (target == null) {
                    throw Xml.xmlError("missing storage pool target path");
                }
            }
            target = sanitize(target);
            perms = Xml.perms(root.child("target"));
        }
        return new PoolDef(type, name, uuid, source, target, perms, cow, refresh(root),
                PoolNamespace.parse(root, type));
    }

    private static String refresh(XmlElement root) throws VirtException {
        XmlElement volume = Xml.at(root, "refresh", "volume");
        String allocation = volume == null ? null : volume.attribute("allocation");
        if (allocation == null) {
            return null;
        }
        if (!allocation.equals("default") && !allocation.equals("capacity")) {
            throw Xml.xmlError("unknown storage pool volume refresh allocation type " + allocation);
        }
        return allocation;
    }

    /** {@code virStoragePoolDefFormatBuf} with the pool's current sizes. */
    public static String format(PoolDef def, long capacity, long allocation, long available) {
        StringBuilder b = new StringBuilder();
        b.append("<pool type='").append(def.type().xmlName()).append('\'');
        if (def.namespace() != null) {
            b.append(def.namespace().declaration());
        }
        b.append(">\n");
        b.append("  <name>").append(Xml.escape(def.name())).append("</name>\n");
        b.append("  <uuid>").append(def.uuid()).append("</uuid>\n");
        b.append("  <capacity unit='bytes'>").append(Long.toUnsignedString(capacity)).append("</capacity>\n");
        b.append("  <allocation unit='bytes'>").append(Long.toUnsignedString(allocation)).append("</allocation>\n");
        b.append("  <available unit='bytes'>").append(Long.toUnsignedString(available)).append("</available>\n");
        if (def.cow() != null) {
            b.append("  <features>\n    <cow state='").append(def.cow() ? "yes" : "no").append("'/>\n  </features>\n");
        }
        PoolSourceXml.format(b, def.type(), def.source());
        if (def.type().hasTarget()) {
            b.append("  <target>\n");
            b.append("    <path>").append(Xml.escape(def.targetPath())).append("</path>\n");
            b.append(def.perms().format("    "));
            b.append("  </target>\n");
        }
        if (def.refreshAllocation() != null) {
            b.append("  <refresh>\n    <volume allocation='").append(def.refreshAllocation())
                    .append("'/>\n  </refresh>\n");
        }
        if (def.namespace() != null) {
            def.namespace().format(b);
        }
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
