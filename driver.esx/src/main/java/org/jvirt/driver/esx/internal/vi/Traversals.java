package org.jvirt.driver.esx.internal.vi;

/**
 * The traversal specs of every retrieval, libvirt's {@code esxVI_BuildSelectSetCollection}: from
 * a folder down through datacenters, compute resources and resource pools to virtual machines,
 * and from a host to its datastores. Where a walk starts decides what it reaches: from a
 * resource pool only its (nested) pools and their VMs, from the root folder everything.
 */
final class Traversals {
    private Traversals() {
    }

    private static final String[][] SPECS = {
        // name, type, path, the specs to continue with
        {"folderToChildEntity", "Folder", "childEntity", "folderToChildEntity datacenterToHostFolder"
                + " datacenterToVmFolder datacenterToDatastore computeResourceToHost computeResourceToResourcePool"},
        {"datacenterToHostFolder", "Datacenter", "hostFolder", "folderToChildEntity"},
        {"datacenterToVmFolder", "Datacenter", "vmFolder", "folderToChildEntity"},
        {"datacenterToDatastore", "Datacenter", "datastore", ""},
        {"computeResourceToHost", "ComputeResource", "host", "hostSystemToDatastore"},
        {"computeResourceToResourcePool", "ComputeResource", "resourcePool",
            "resourcePoolToResourcePool resourcePoolToVm"},
        {"resourcePoolToResourcePool", "ResourcePool", "resourcePool", "resourcePoolToResourcePool resourcePoolToVm"},
        {"resourcePoolToVm", "ResourcePool", "vm", ""},
        {"hostSystemToDatastore", "HostSystem", "datastore", ""},
    };

    /** The {@code selectSet} elements of an {@code ObjectSpec}: every traversal spec. */
    static String selectSet() {
        StringBuilder out = new StringBuilder();
        for (String[] spec : SPECS) {
            out.append("<selectSet xsi:type=\"TraversalSpec\">").append(SoapXml.element("name", spec[0]))
                    .append(SoapXml.element("type", spec[1])).append(SoapXml.element("path", spec[2]))
                    .append("<skip>false</skip>");
            for (String next : spec[3].split(" ")) {
                if (!next.isEmpty()) {
                    out.append("<selectSet>").append(SoapXml.element("name", next)).append("</selectSet>");
                }
            }
            out.append("</selectSet>");
        }
        return out.toString();
    }
}
