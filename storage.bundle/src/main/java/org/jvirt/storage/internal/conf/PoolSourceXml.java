package org.jvirt.storage.internal.conf;

import java.util.ArrayList;
import java.util.List;

import org.jvirt.api.VirtException;
import org.jvirt.api.xml.XmlElement;
import org.jvirt.storage.internal.conf.PoolType.Source;

/** A pool's {@code <source>}: {@code virStoragePoolDefParseSource} and {@code virStoragePoolSourceFormat}. */
final class PoolSourceXml {

    private PoolSourceXml() {
    }

    static PoolSource parse(XmlElement source, PoolType type, String poolName) throws VirtException {
        XmlElement src = source == null ? XmlElement.of("source") : source;
        String name = Xml.text(src.child("name"));
        if (type == PoolType.RBD && name == null) {
            throw Xml.xmlError("element 'name' is mandatory for RBD pool");
        }
        String format = null;
        if (!type.formats().isEmpty()) {
            XmlElement f = src.child("format");
            format = f == null || f.attribute("type") == null ? type.defaultFormat() : f.attribute("type");
            if (!type.formats().contains(format)) {
                throw Xml.xmlError("unknown pool format type " + format);
            }
        }
        List<PoolSource.Host> hosts = new ArrayList<>();
        for (XmlElement h : src.children("host")) {
            String hostName = h.attribute("name");
            if (hostName == null) {
                throw Xml.xmlError("missing storage pool host name");
            }
            hosts.add(new PoolSource.Host(hostName, port(h.attribute("port"))));
        }
        String iqn = Xml.at(src, "initiator", "iqn") == null ? null : Xml.at(src, "initiator", "iqn").attribute("name");
        List<PoolSource.Device> devices = new ArrayList<>();
        for (XmlElement d : src.children("device")) {
            String path = d.attribute("path");
            if (path == null) {
                throw Xml.xmlError("missing storage pool source device path");
            }
            String sep = d.attribute("part_separator");
            if (sep != null && !sep.equals("yes") && !sep.equals("no")) {
                throw Xml.xmlError("Invalid value for attribute 'part_separator' in element 'device': '" + sep
                        + "'. Expected 'on' or 'off'");
            }
            devices.add(new PoolSource.Device(path, sep));
        }
        XmlElement dirNode = src.child("dir");
        String dir = dirNode == null || dirNode.attribute("path") == null ? null : PoolXml.sanitize(dirNode.attribute("path"));
        if (dir == null && type == PoolType.GLUSTER) {
            // a gluster volume is mounted from its root unless told otherwise
            dir = "/";
        }
        XmlElement adapterNode = src.child("adapter");
        PoolAdapter adapter = adapterNode == null ? null : PoolAdapter.parse(adapterNode);
        XmlElement authNode = src.child("auth");
        PoolSource.Auth auth = authNode == null ? null : auth(authNode);
        XmlElement protocol = src.child("protocol");
        String ver = protocol == null ? null : protocol.attribute("ver");
        if (ver != null && !ver.matches("[0-9]+(\\.[0-9]+){0,2}")) {
            throw Xml.xmlError("storage pool protocol ver '" + ver + "' is malformed");
        }
        String vendor = src.child("vendor") == null ? null : src.child("vendor").attribute("name");
        String product = src.child("product") == null ? null : src.child("product").attribute("name");

        // virStoragePoolDefParseXML's checks of what each type requires
        if (type.has(Source.HOST) && hosts.isEmpty()) {
            throw Xml.xmlError("missing storage pool source host name");
        }
        if (type.has(Source.DIR) && dir == null) {
            throw Xml.xmlError("missing storage pool source path");
        }
        if (type.has(Source.NAME) && name == null) {
            name = poolName;
        }
        if (type.has(Source.ADAPTER) && adapter == null) {
            throw Xml.xmlError("missing storage pool source adapter");
        }
        if (type.deviceOnly() && devices.isEmpty()) {
            throw Xml.xmlError("missing storage pool source device name");
        }
        if (type == PoolType.ISCSI_DIRECT && iqn == null) {
            throw Xml.xmlError("missing initiator IQN");
        }
        return new PoolSource(hosts, devices, dir, adapter, name, format, auth, ver, vendor, product, iqn);
    }

    private static int port(String port) throws VirtException {
        if (port == null) {
            return 0;
        }
        try {
            return Integer.parseInt(port.trim());
        } catch (NumberFormatException e) {
            throw Xml.xmlError("Invalid port number: " + port);
        }
    }

    /** {@code virStorageAuthDefParse}. */
    private static PoolSource.Auth auth(XmlElement node) throws VirtException {
        String type = node.attribute("type");
        if (type != null && !type.equals("chap") && !type.equals("ceph")) {
            throw Xml.xmlError("unknown auth type '" + type + "'");
        }
        String username = node.attribute("username");
        if (username == null) {
            throw Xml.xmlError("missing username for auth");
        }
        XmlElement secret = node.child("secret");
        if (secret == null) {
            throw Xml.xmlError("Missing <secret> element in auth");
        }
        String uuid = secret.attribute("uuid");
        String usage = secret.attribute("usage");
        if (uuid != null && usage != null) {
            throw Xml.xmlError("either secret uuid or usage expected");
        }
        if (uuid == null && usage == null) {
            throw Xml.xmlError("either secret uuid or usage expected");
        }
        return new PoolSource.Auth(type, username, uuid, usage);
    }

    static void format(StringBuilder b, PoolType type, PoolSource src) {
        b.append("  <source>\n");
        if (type.has(Source.HOST)) {
            for (PoolSource.Host h : src.hosts()) {
                b.append("    <host name='").append(Xml.escape(h.name())).append('\'');
                if (h.port() != 0) {
                    b.append(" port='").append(h.port()).append('\'');
                }
                b.append("/>\n");
            }
        }
        if (type.has(Source.DEVICE)) {
            for (PoolSource.Device d : src.devices()) {
                b.append("    <device path='").append(Xml.escape(d.path())).append('\'');
                if (d.partSeparator() != null) {
                    b.append(" part_separator='").append(d.partSeparator()).append('\'');
                }
                b.append("/>\n");
            }
        }
        if (type.has(Source.DIR) && src.dir() != null) {
            b.append("    <dir path='").append(Xml.escape(src.dir())).append("'/>\n");
        }
        if (type.has(Source.ADAPTER) && src.adapter() != null) {
            src.adapter().format(b, "    ");
        }
        if (type.has(Source.NAME) && src.name() != null) {
            b.append("    <name>").append(Xml.escape(src.name())).append("</name>\n");
        }
        if (type.has(Source.INITIATOR_IQN) && src.initiatorIqn() != null) {
            b.append("    <initiator>\n      <iqn name='").append(Xml.escape(src.initiatorIqn()))
                    .append("'/>\n    </initiator>\n");
        }
        if (src.format() != null) {
            b.append("    <format type='").append(src.format()).append("'/>\n");
        }
        if (src.auth() != null) {
            PoolSource.Auth a = src.auth();
            b.append("    <auth");
            if (a.type() != null) {
                b.append(" type='").append(a.type()).append('\'');
            }
            b.append(" username='").append(Xml.escape(a.username())).append("'>\n      <secret");
            if (a.secretUuid() != null) {
                b.append(" uuid='").append(Xml.escape(a.secretUuid())).append('\'');
            } else {
                b.append(" usage='").append(Xml.escape(a.secretUsage())).append('\'');
            }
            b.append("/>\n    </auth>\n");
        }
        if (src.protocolVer() != null) {
            b.append("    <protocol ver='").append(src.protocolVer()).append("'/>\n");
        }
        if (src.vendor() != null) {
            b.append("    <vendor name='").append(Xml.escape(src.vendor())).append("'/>\n");
        }
        if (src.product() != null) {
            b.append("    <product name='").append(Xml.escape(src.product())).append("'/>\n");
        }
        b.append("  </source>\n");
    }
}
