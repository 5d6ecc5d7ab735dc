package org.jvirt.storage.internal.conf;

import java.util.ArrayList;
import java.util.List;

import org.jvirt.api.VirtException;
import org.jvirt.api.xml.XmlAttribute;
import org.jvirt.api.xml.XmlElement;

/**
 * A pool's backend namespace data: the fs/netfs {@code <fs:mount_opts>} and the rbd
 * {@code <rbd:config_opts>} ({@code storage_backend_fs.c} / {@code storage_backend_rbd.c}
 * {@code virXMLNamespace}s). libvirt finds them by namespace URI and writes its own prefix.
 *
 * @param prefix  the prefix libvirt writes ({@code fs}, {@code rbd})
 * @param uri     the namespace URI
 * @param options the options as name and value (value null for mount options)
 */
public record PoolNamespace(String prefix, String uri, List<String[]> options) {
    private static final String FS_URI = "http://libvirt.org/schemas/storagepool/fs/1.0";
    private static final String RBD_URI = "http://libvirt.org/schemas/storagepool/rbd/1.0";

    /** The namespace data of {@code root} for {@code type}, null when it has none. */
    static PoolNamespace parse(XmlElement root, PoolType type) throws VirtException {
        boolean fs = type == PoolType.FS || type == PoolType.NETFS;
        if (!fs && type != PoolType.RBD) {
            return null;
        }
        String uri = fs ? FS_URI : RBD_URI;
        String prefix = prefixOf(root, uri);
        if (prefix == null) {
            return null;
        }
        XmlElement wrapper = root.child(prefix + (fs ? ":mount_opts" : ":config_opts"));
        if (wrapper == null) {
            return null;
        }
        List<String[]> options = new ArrayList<>();
        for (XmlElement o : wrapper.children(prefix + ":option")) {
            String name = o.attribute("name");
            String value = o.attribute("value");
            if (name == null || (!fs && value == null)) {
                throw Xml.xmlError(fs ? "failed to parse mount_opts option name"
                        : "failed to parse config_opts option name and value");
            }
            options.add(new String[] {name, fs ? null : value});
        }
        return options.isEmpty() ? null : new PoolNamespace(fs ? "fs" : "rbd", uri, options);
    }

    private static String prefixOf(XmlElement root, String uri) {
        for (XmlAttribute a : root.attributes()) {
            if (a.name().startsWith("xmlns:") && uri.equals(a.value())) {
                return a.name().substring("xmlns:".length());
            }
        }
        return null;
    }

    /** The {@code xmlns:prefix} declaration for the root element. */
    String declaration() {
        return " xmlns:" + prefix + "='" + uri + "'";
    }

    /** The namespace's elements at the end of the pool. */
    void format(StringBuilder b) {
        String wrapper = prefix + (prefix.equals("fs") ? ":mount_opts" : ":config_opts");
        b.append("  <").append(wrapper).append(">\n");
        for (String[] o : options) {
            b.append("    <").append(prefix).append(":option name='").append(Xml.escape(o[0])).append('\'');
            if (o[1] != null) {
                b.append(" value='").append(Xml.escape(o[1])).append('\'');
            }
            b.append("/>\n");
        }
        b.append("  </").append(wrapper).append(">\n");
    }
}
