package org.jvirt.storage.internal.conf;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.StorageVolType;
import org.jvirt.api.VirtException;
import org.jvirt.api.xml.DomainXmlCodec;
import org.jvirt.api.xml.XmlElement;

/**
 * libvirt's storage volume XML for file-based pools ({@code virStorageVolDefParseXML},
 * {@code virStorageVolDefFormat}): parsing with its rules and messages, formatting as libvirt does.
 */
public final class VolXml {
    public static final String URL = "(storage_volume_definition)";
    /** libvirt's {@code virStorageFileFormat} names a file-based pool accepts. */
    public static final List<String> FILE_FORMATS = List.of("none", "raw", "dir", "bochs", "cloop", "dmg", "iso",
            "vpc", "vdi", "fat", "vhd", "ploop", "cow", "qcow", "qcow2", "qed", "vmdk");
    private static final Set<String> FEATURES = Set.of("lazy_refcounts", "extended_l2");
    private static final List<String> VOL_TYPES = List.of("file", "block", "dir", "network", "netdir", "ploop");

    private final DomainXmlCodec reader;

    public VolXml(DomainXmlCodec reader) {
        this.reader = reader;
    }

    /**
     * Parses a volume of a file-based pool; {@code optionalCapacity} as libvirt's
     * {@code VIR_VOL_XML_PARSE_OPT_CAPACITY} (a volume with a backing store may leave it out),
     * {@code noCapacity} as {@code VIR_VOL_XML_PARSE_NO_CAPACITY} (a clone takes its source's).
     */
    public VolDef parse(String xml, boolean optionalCapacity, boolean noCapacity) throws VirtException {
        return parse(xml, PoolType.DIR, optionalCapacity, noCapacity);
    }

    /** As {@link #parse(String, boolean, boolean)} for a volume of a pool of type {@code pool} (its volume formats). */
    public VolDef parse(String xml, PoolType pool, boolean optionalCapacity, boolean noCapacity) throws VirtException {
        return parse(reader.readXml(xml, URL, ErrorDomain.STORAGE), pool, optionalCapacity, noCapacity);
    }

    /** As {@link #parse(String, PoolType, boolean, boolean)} for an element already read (a test driver's host file). */
    public VolDef parse(XmlElement root, PoolType pool, boolean optionalCapacity, boolean noCapacity)
            throws VirtException {
        if (!"volume".equals(root.name())) {
            // virXMLParse checks the root element, in the XML error domain
            throw new VirtException(ErrorCode.XML_ERROR, ErrorDomain.XML,
                    "expecting root element of 'volume', not '" + root.name() + "'");
        }
        String name = Xml.text(root.child("name"));
        if (name == null) {
            throw Xml.xmlError("missing volume name element");
        }
        String key = Xml.text(root.child("key"));
        StorageVolType type = StorageVolType.FILE;
        String typeName = root.attribute("type");
        if (typeName != null) {
            int i = VOL_TYPES.indexOf(typeName);
            if (i < 0) {
                throw new VirtException(ErrorCode.CONFIG_UNSUPPORTED, ErrorDomain.STORAGE,
                        "unknown volume type '" + typeName + "'");
            }
            type = StorageVolType.ofNumber(i);
        }
        VolDef.Backing backing = null;
        String backingPath = Xml.text(root, "backingStore", "path");
        if (backingPath != null) {
            backing = new VolDef.Backing(backingPath, format(pool, Xml.at(root, "backingStore", "format")),
                    Xml.perms(root.child("backingStore")));
        }
        long capacity = 0;
        boolean hasCapacity = false;
        String cap = Xml.text(root.child("capacity"));
        if (cap != null) {
            capacity = Units.size(root.child("capacity").attribute("unit"), cap);
            hasCapacity = true;
        } else if (!noCapacity && !(optionalCapacity && backing != null)) {
            throw Xml.xmlError("missing capacity element");
        }
        long allocation = capacity;
        boolean hasAllocation = false;
        String alloc = Xml.text(root.child("allocation"));
        if (alloc != null) {
            allocation = Units.size(root.child("allocation").attribute("unit"), alloc);
            hasAllocation = true;
        }
        XmlElement target = root.child("target");
        String path = Xml.text(target, "path");
        String format = format(pool, Xml.at(target, "format"));
        Perms perms = Xml.perms(target);
        XmlElement encryptionNode = Xml.at(target, "encryption");
        VolEncryption encryption = encryptionNode == null ? null : VolEncryption.parse(encryptionNode);
        String compat = Xml.text(target, "compat");
        checkCompat(compat);
        boolean nocow = Xml.at(target, "nocow") != null;
        long clusterSize = clusterSize(Xml.at(target, "clusterSize"));
        List<String> features = null;
        XmlElement feats = Xml.at(target, "features");
        if (feats != null) {
            if (compat == null) {
                compat = "1.1";
            }
            features = new ArrayList<>();
            for (XmlElement f : feats.children()) {
                if (XmlElement.TEXT.equals(f.name())) {
                    continue;
                }
                if (!FEATURES.contains(f.name())) {
                    throw new VirtException(ErrorCode.CONFIG_UNSUPPORTED, ErrorDomain.STORAGE,
                            "unsupported feature " + f.name());
                }
                if (!features.contains(f.name())) {
                    features.add(f.name());
                }
            }
            features.sort((a, b) -> Integer.compare(featureOrder(a), featureOrder(b)));
        }
        return new VolDef(name, key, type, capacity, hasCapacity, allocation, hasAllocation, path, format, perms,
                compat, nocow, clusterSize, features, backing, encryption);
    }

    /** {@code virStorageVolDefFormat} for a file-based pool. */
    public static String format(VolDef def) {
        return format(def, PoolType.DIR);
    }

    /** {@code virStorageVolDefFormat} for a volume of a pool of type {@code pool}. */
    public static String format(VolDef def, PoolType pool) {
        StringBuilder b = new StringBuilder();
        b.append("<volume type='").append(VOL_TYPES.get(def.type().number())).append("'>\n");
        b.append("  <name>").append(Xml.escape(def.name())).append("</name>\n");
        if (def.key() != null) {
            b.append("  <key>").append(Xml.escape(def.key())).append("</key>\n");
        }
        b.append("  <capacity unit='bytes'>").append(Long.toUnsignedString(def.capacity())).append("</capacity>\n");
        b.append("  <allocation unit='bytes'>").append(Long.toUnsignedString(def.allocation())).append("</allocation>\n");
        target(b, "target", def.path(), formatOf(pool, def.format()), def.perms(), def.encryption(), def.compat(),
                def.clusterSize(), def.features());
        if (def.backing() != null) {
            VolDef.Backing bs = def.backing();
            target(b, "backingStore", bs.path(), formatOf(pool, bs.format()), bs.perms(), null, null, 0, null);
        }
        return b.append("</volume>\n").toString();
    }

    private static void target(StringBuilder b, String element, String path, String format, Perms perms,
                               VolEncryption encryption, String compat, long clusterSize, List<String> features) {
        b.append("  <").append(element).append(">\n");
        if (path != null) {
            b.append("    <path>").append(Xml.escape(path)).append("</path>\n");
        }
        if (format != null) {
            b.append("    <format type='").append(format).append("'/>\n");
        }
        b.append(perms.format("    "));
        if (encryption != null) {
            encryption.format(b, "    ");
        }
        if (compat != null) {
            b.append("    <compat>").append(Xml.escape(compat)).append("</compat>\n");
        }
        if (clusterSize > 0) {
            b.append("    <clusterSize unit='B'>").append(clusterSize).append("</clusterSize>\n");
        }
        if (features != null) {
            if (features.isEmpty()) {
                b.append("    <features/>\n");
            } else {
                b.append("    <features>\n");
                for (String f : features) {
                    b.append("      <").append(f).append("/>\n");
                }
                b.append("    </features>\n");
            }
        }
        b.append("  </").append(element).append(">\n");
    }

    /** The format a pool of type {@code pool} writes: none when its volumes have no formats. */
    private static String formatOf(PoolType pool, String format) {
        return pool.volFormats().isEmpty() ? null : format;
    }

    /** The volume format named by {@code formatElement}, read only by pools whose volumes have formats. */
    private static String format(PoolType pool, XmlElement formatElement) throws VirtException {
        if (pool.volFormats().isEmpty()) {
            return null;
        }
        String format = formatElement == null ? null : formatElement.attribute("type");
        if (format == null) {
            return pool.volDefaultFormat();
        }
        if (!pool.volFormats().contains(format)) {
            throw new VirtException(ErrorCode.CONFIG_UNSUPPORTED, ErrorDomain.STORAGE,
                    "unknown volume format type " + format);
        }
        return format;
    }

    private static void checkCompat(String compat) throws VirtException {
        if (compat != null && !compat.matches("[0-9]+\\.[0-9]+")) {
            throw Xml.xmlError("forbidden characters in 'compat' attribute");
        }
    }

    private static long clusterSize(XmlElement e) throws VirtException {
        String v = Xml.text(e);
        if (v == null) {
            return 0;
        }
        try {
            return Units.scale(new BigInteger(v.trim()), e.attribute("unit"), Long.MAX_VALUE);
        } catch (NumberFormatException ex) {
            throw Xml.xmlError("invalid value for element './target/clusterSize'");
        }
    }

    private static int featureOrder(String f) {
        return "lazy_refcounts".equals(f) ? 0 : 1;
    }
}
