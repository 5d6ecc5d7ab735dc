package org.jvirt.driver.qemu.internal.command;

import java.util.ArrayList;
import java.util.List;

import org.jvirt.api.xml.DiskEncryption;
import org.jvirt.api.xml.DiskSource;
import org.jvirt.api.xml.Preserved;
import org.jvirt.api.xml.SourceHost;
import org.jvirt.api.xml.XmlElement;

/**
 * The {@code -blockdev} storage properties of a network disk source, per protocol, in the order of
 * libvirt's qemuBlockStorageSourceGet{CURL,NBD,ISCSI,RBD}Props, with the secrets of
 * {@link StorageSecrets} (iSCSI {@code user}/{@code password-secret}, RBD {@code user}/
 * {@code key-secret} and librbd {@code encrypt}, curl {@code username}/{@code password-secret}).
 */
final class NetworkStorage {
    private NetworkStorage() {
    }

    static void props(Json storage, DiskSource src, StorageSecrets secrets) {
        String proto = src.protocol() == null ? "" : src.protocol();
        storage.put("driver", proto);
        SourceHost host = src.hosts().isEmpty() ? null : src.hosts().get(0);
        switch (proto) {
            case "http", "https", "ftp", "ftps", "tftp" -> curl(storage, src, host, secrets);
            case "nbd" -> nbd(storage, src, host);
            case "iscsi" -> iscsi(storage, src, host, secrets);
            case "rbd" -> rbd(storage, src, secrets);
            default -> {
            }
        }
    }

    private static void curl(Json storage, DiskSource src, SourceHost host, StorageSecrets secrets) {
        String path = src.name() == null ? "" : src.name();
        storage.put("url", src.protocol() + "://" + (host == null ? "" : host.name())
                + (host == null || host.port() == null ? "" : ":" + host.port())
                + (path.startsWith("/") ? "" : "/") + path + (src.query() == null ? "" : "?" + src.query()));
        if (secrets.authAlias != null) {
            storage.put("username", secrets.username).put("password-secret", secrets.authAlias);
        }
        storage.put("readahead", src.readahead()).put("timeout", src.timeout());
    }

    private static void nbd(Json storage, DiskSource src, SourceHost host) {
        Json server = host != null && "unix".equals(host.transport())
                ? Json.object().put("type", "unix").put("path", host.socket())
                : Json.object().put("type", "inet").put("host", host == null ? null : host.name())
                .put("port", host == null ? null : String.valueOf(host.port() == null ? 10809 : host.port()));
        storage.put("server", server).put("export", src.name());
    }

    /** {@code name} is {@code target/lun} (libvirt's parser adds {@code /0} when the LUN is left out). */
    private static void iscsi(Json storage, DiskSource src, SourceHost host, StorageSecrets secrets) {
        String name = src.name() == null ? "" : src.name();
        int slash = name.lastIndexOf('/');
        String target = slash < 0 ? name : name.substring(0, slash);
        int lun = slash < 0 ? 0 : Integer.parseInt(name.substring(slash + 1));
        String hostName = host == null ? "" : host.name();
        // QEMU's portal takes IPv6 addresses in brackets
        String portal = (hostName.contains(":") ? "[" + hostName + "]" : hostName) + ":"
                + (host == null || host.port() == null ? 3260 : host.port());
        storage.put("portal", portal).put("target", target).put("lun", lun)
                .put("transport", host != null && "rdma".equals(host.transport()) ? "iser" : "tcp");
        if (secrets.authAlias != null) {
            storage.put("user", secrets.username).put("password-secret", secrets.authAlias);
        }
        storage.put("initiator-name", initiator(src.other()));
    }

    private static String initiator(Preserved other) {
        for (XmlElement e : other.children()) {
            if (e.name().equals("initiator") && e.child("iqn") != null) {
                return e.child("iqn").attribute("name");
            }
        }
        return null;
    }

    /** {@code name} is {@code pool/image} or {@code pool/namespace/image}, an {@code @snapshot} optional. */
    private static void rbd(Json storage, DiskSource src, StorageSecrets secrets) {
        String name = src.name() == null ? "" : src.name();
        String snapshot = childAttribute(src.other(), "snapshot", "name");
        int at = name.indexOf('@');
        if (at >= 0) {
            snapshot = snapshot == null ? name.substring(at + 1) : snapshot;
            name = name.substring(0, at);
        }
        String[] parts = name.split("/", 3);
        storage.put("pool", parts[0]);
        if (parts.length == 3) {
            storage.put("namespace", parts[1]).put("image", parts[2]);
        } else {
            storage.put("image", parts.length > 1 ? parts[1] : "");
        }
        storage.put("snapshot", snapshot).put("conf", childAttribute(src.other(), "config", "file"));
        if (!src.hosts().isEmpty()) {
            List<Json> servers = new ArrayList<>();
            for (SourceHost h : src.hosts()) {
                servers.add(Json.object().put("host", h.name())
                        .put("port", h.port() == null ? null : String.valueOf(h.port())));
            }
            storage.put("server", servers);
        }
        DiskEncryption enc = secrets.encryption;
        if (enc != null && "librbd".equals(enc.engine()) && !secrets.encryptionAliases.isEmpty()) {
            storage.put("encrypt", rbdEncrypt(enc, secrets.encryptionAliases, 0));
        }
        if (secrets.authAlias != null) {
            storage.put("user", secrets.username).put("auth-client-required", List.of("cephx", "none"))
                    .put("key-secret", secrets.authAlias);
        }
    }

    /** librbd's layered encryption: each further secret opens the parent image's layer. */
    private static Json rbdEncrypt(DiskEncryption enc, List<String> aliases, int i) {
        Json j = Json.object().put("format", enc.format()).put("key-secret", aliases.get(i));
        if (i + 1 < aliases.size()) {
            j.put("parent", rbdEncrypt(enc, aliases, i + 1));
        }
        return j;
    }

    private static String childAttribute(Preserved other, String child, String attr) {
        for (XmlElement e : other.children()) {
            if (e.name().equals(child)) {
                return e.attribute(attr);
            }
        }
        return null;
    }
}
