package org.jvirt.driver.esx.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jvirt.api.VirtException;
import org.jvirt.driver.esx.internal.vi.MoRef;
import org.jvirt.driver.esx.internal.vi.ObjectContent;
import org.jvirt.driver.esx.internal.vi.PropertyCollector;
import org.jvirt.driver.esx.internal.vi.ViErrors;

/**
 * The managed objects a connection works in ({@code esxVI_Context_LookupManagedObjects} and
 * {@code ...ByPath}): the datacenter, the compute resource (a host or a cluster) with its root
 * resource pool, and the host. An ESX host has one of each; on a vCenter the URI path names them:
 * {@code [folder/...]datacenter/[folder/...]computeresource[/hostsystem]}, the host required
 * for a cluster. The inventory is read in one PropertyCollector call and walked here.
 *
 * @param datacenterPath the datacenter's path (folders included), the {@code dcPath} of file transfers
 */
record EsxHost(MoRef datacenter, String datacenterPath, MoRef computeResource, MoRef resourcePool,
               MoRef hostSystem, String hostName) {

    private static final List<String> CR = List.of("name", "resourcePool", "host");

    static EsxHost lookup(PropertyCollector collector, MoRef rootFolder, String scheme, String path)
            throws VirtException {
        Map<String, List<String>> props = new HashMap<>();
        props.put("Folder", List.of("name", "childEntity"));
        props.put("Datacenter", List.of("name", "hostFolder"));
        props.put("ComputeResource", CR);
        props.put("ClusterComputeResource", CR);
        props.put("HostSystem", List.of("name"));
        Map<MoRef, ObjectContent> all = new HashMap<>();
        for (ObjectContent o : collector.retrieve(rootFolder, props)) {
            all.put(o.obj(), o);
        }
        Inventory inv = new Inventory(all);
        return "vpx".equals(scheme) ? inv.byPath(rootFolder, path) : inv.first(rootFolder);
    }

    /** The inventory read from the root folder, walked by name. */
    private record Inventory(Map<MoRef, ObjectContent> all) {

        List<ObjectContent> children(MoRef folder) {
            List<ObjectContent> out = new ArrayList<>();
            ObjectContent f = all.get(folder);
            if (f != null) {
                for (MoRef child : f.moRefs("childEntity")) {
                    if (all.containsKey(child)) {
                        out.add(all.get(child));
                    }
                }
            }
            return out;
        }

        ObjectContent child(MoRef folder, String name, String... types) {
            for (ObjectContent c : children(folder)) {
                if (name.equals(c.string("name")) && List.of(types).contains(c.obj().type())) {
                    return c;
                }
            }
            return null;
        }

        /** ESX: the first datacenter, its first compute resource and that one's first host. */
        EsxHost first(MoRef rootFolder) throws VirtException {
            ObjectContent dc = firstOf(rootFolder, "Datacenter");
            if (dc == null) {
                throw ViErrors.internal("Could not retrieve datacenter");
            }
            ObjectContent cr = firstOf(dc.moRef("hostFolder"), "ComputeResource", "ClusterComputeResource");
            if (cr == null) {
                throw ViErrors.internal("Could not retrieve compute resource");
            }
            List<MoRef> hosts = cr.moRefs("host");
            if (hosts.isEmpty()) {
                throw ViErrors.internal("Could not retrieve host system");
            }
            return host(dc, dc.requiredString("name"), cr, all.get(hosts.get(0)));
        }

        private ObjectContent firstOf(MoRef folder, String... types) {
            for (ObjectContent c : children(folder)) {
                if (List.of(types).contains(c.obj().type())) {
                    return c;
                }
                if (c.obj().type().equals("Folder")) {
                    ObjectContent inner = firstOf(c.obj(), types);
                    if (inner != null) {
                        return inner;
                    }
                }
            }
            return null;
        }

        /** vCenter: {@code esxVI_Context_LookupManagedObjectsByPath}, with its messages. */
        EsxHost byPath(MoRef rootFolder, String path) throws VirtException {
            if (path == null || path.isEmpty() || path.equals("/")) {
                throw ViErrors.invalidArg("Path has to specify the datacenter and compute resource");
            }
            List<String> items = new ArrayList<>();
            for (String item : path.split("/")) {
                if (!item.isEmpty()) {
                    items.add(item);
                }
            }
            int i = 0;
            MoRef root = rootFolder;
            ObjectContent dc = null;
            List<String> dcPath = new ArrayList<>();
            while (dc == null && i < items.size()) {
                String item = items.get(i++);
                ObjectContent folder = child(root, item, "Folder");
                if (folder != null) {
                    root = folder.obj();
                } else {
                    dc = child(root, item, "Datacenter");
                }
                dcPath.add(item);
            }
            if (dc == null) {
                throw ViErrors.internal("Could not find datacenter specified in '" + path + "'");
            }
            if (i >= items.size()) {
                throw ViErrors.invalidArg("Path '" + path + "' does not specify a compute resource");
            }
            root = dc.moRef("hostFolder");
            ObjectContent cr = null;
            String previous = null;
            while (cr == null && i < items.size()) {
                previous = items.get(i++);
                ObjectContent folder = child(root, previous, "Folder");
                if (folder != null) {
                    root = folder.obj();
                } else {
                    cr = child(root, previous, "ComputeResource", "ClusterComputeResource");
                }
            }
            if (cr == null) {
                throw ViErrors.internal("Could not find compute resource specified in '" + path + "'");
            }
            if (cr.moRef("resourcePool") == null) {
                throw ViErrors.internal("Could not retrieve resource pool");
            }
            if (cr.obj().type().equals("ClusterComputeResource")) {
                if (i >= items.size()) {
                    throw ViErrors.invalidArg("Path '" + path + "' does not specify a host system");
                }
                previous = items.get(i++);
            }
            if (i < items.size()) {
                throw ViErrors.invalidArg("Path '" + path + "' ends with an excess item");
            }
            for (MoRef h : cr.moRefs("host")) {
                ObjectContent hs = all.get(h);
                if (hs != null && previous.equals(hs.string("name"))) {
                    return host(dc, String.join("/", dcPath), cr, hs);
                }
            }
            throw ViErrors.internal("Could not find host system specified in '" + path + "'");
        }

        private static EsxHost host(ObjectContent dc, String dcPath, ObjectContent cr, ObjectContent hs)
                throws VirtException {
            if (hs == null) {
                throw ViErrors.internal("Could not retrieve host system");
            }
            MoRef pool = cr.moRef("resourcePool");
            if (pool == null) {
                throw ViErrors.internal("Could not retrieve resource pool");
            }
            return new EsxHost(dc.obj(), dcPath, cr.obj(), pool, hs.obj(), hs.requiredString("name"));
        }
    }
}
