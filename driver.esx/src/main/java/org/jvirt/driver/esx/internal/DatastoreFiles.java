package org.jvirt.driver.esx.internal;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.jvirt.api.VirtException;
import org.jvirt.driver.esx.internal.vi.MoRef;
import org.jvirt.driver.esx.internal.vi.ObjectContent;
import org.jvirt.driver.esx.internal.vi.PropertyCollector;
import org.jvirt.driver.esx.internal.vi.SoapXml;
import org.jvirt.driver.esx.internal.vi.ViClient;
import org.jvirt.driver.esx.internal.vi.ViErrors;
import org.jvirt.driver.esx.internal.vi.ViTransport;

/**
 * The host's datastores as file stores: their lookup by name and mount path (for the VMX file
 * name callbacks), and file transfer over the server's {@code /folder/<path>?dcPath=<datacenter>&dsName=<datastore>}
 * on the session's cookie, as libvirt's {@code esxVI_CURL_Download} / {@code _Upload}; files are
 * deleted with the FileManager's {@code DeleteDatastoreFile_Task} (the simulator has no HTTP DELETE).
 */
final class DatastoreFiles {
    private final ViClient client;
    private final PropertyCollector collector;
    private final EsxHost host;
    private final VmTasks tasks;

    DatastoreFiles(ViClient client, PropertyCollector collector, EsxHost host) {
        this.client = client;
        this.collector = collector;
        this.host = host;
        this.tasks = new VmTasks(client);
    }

    /** The datastores the connection's host mounts ({@code esxVI_LookupDatastoreList}). */
    List<Datastore> all() throws VirtException {
        List<Datastore> out = new ArrayList<>();
        for (ObjectContent o : collector.retrieve(host.hostSystem(), Map.of("Datastore", Datastore.PROPERTIES))) {
            Datastore ds = Datastore.of(o, host.hostSystem());
            if (ds.mountPath() != null) {
                out.add(ds);
            }
        }
        return out;
    }

    /** {@code esxVI_LookupDatastoreByName}: the datastore, or null when the host has none by that name. */
    Datastore byName(String name) throws VirtException {
        for (Datastore ds : all()) {
            if (ds.name().equals(name)) {
                return ds;
            }
        }
        return null;
    }

    byte[] download(DatastorePath file) throws VirtException {
        return client.transport().download(url(file));
    }

    void upload(DatastorePath file, byte[] content) throws VirtException {
        client.transport().upload(url(file), content);
    }

    boolean exists(DatastorePath file) throws VirtException {
        return client.transport().exists(url(file));
    }

    /** {@code DeleteDatastoreFile_Task} on the connection's datacenter. */
    void delete(DatastorePath file) throws VirtException {
        MoRef fileManager = client.service().fileManager();
        if (fileManager == null) {
            throw ViErrors.internal("The server has no FileManager to delete '" + file + "'");
        }
        tasks.run("DeleteDatastoreFile_Task", fileManager, SoapXml.element("name", file.toString())
                + host.datacenter().toXml("datacenter"), "delete file '" + file + "'");
    }

    /** {@code <transport>://<server>:<port>/folder/<path>?dcPath=<datacenter path>&dsName=<datastore>}. */
    URI url(DatastorePath file) {
        URI sdk = client.transport().url();
        String base = sdk.getScheme() + "://" + sdk.getRawAuthority();
        return URI.create(base + "/folder/" + encode(file.directoryAndFile(), true) + "?dcPath="
                + encode(host.datacenterPath(), false) + "&dsName=" + encode(file.datastore(), false));
    }

    /** Percent-encodes all but RFC 3986's unreserved characters (and {@code /} in a path). */
    static String encode(String text, boolean path) {
        StringBuilder out = new StringBuilder();
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || "-_.~".indexOf(c) >= 0
                    || (path && c == '/')) {
                out.append(c);
            } else {
                out.append('%').append(String.format("%02X", b & 0xff));
            }
        }
        return out.toString();
    }
}
