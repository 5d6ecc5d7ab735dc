package org.jvirt.driver.esx.internal;

import org.jvirt.api.VirtException;
import org.jvirt.driver.esx.internal.vi.ViErrors;
import org.jvirt.driver.esx.vmx.VmxContext;

/**
 * libvirt's VMX file name callbacks of the ESX driver: {@code esxParseVMXFileName} (a file name in a
 * VMX file to a datastore path of the domain XML) and {@code esxFormatVMXFileName} (back). A bare
 * file name lies beside the VMX file; an absolute one is matched against the datastores' mount
 * paths, then against {@code /vmfs/volumes/<datastore>/}, else kept as it is.
 */
final class EsxFileNames implements VmxContext.FileNames {
    private final DatastoreFiles datastores;
    private final String vmxDirectory;

    /**
     * @param vmxDirectory the datastore path of the VMX file's directory, {@code [ds] vm}, for bare
     *                     file names (domxml-from-native: libvirt's {@code [?] ?})
     */
    EsxFileNames(DatastoreFiles datastores, String vmxDirectory) {
        this.datastores = datastores;
        this.vmxDirectory = vmxDirectory;
    }

    @Override
    public String parse(String fileName, boolean allowMissing) throws VirtException {
        if (fileName.indexOf('/') < 0 && fileName.indexOf('\\') < 0) {
            return vmxDirectory + "/" + fileName;
        }
        for (Datastore ds : datastores.all()) {
            if (fileName.startsWith(ds.mountPath())) {
                String rest = fileName.substring(ds.mountPath().length()).replaceFirst("^[/\\\\]+", "");
                return "[" + ds.name() + "] " + rest.replace('\\', '/');
            }
        }
        String volumes = "/vmfs/volumes/";
        if (fileName.startsWith(volumes)) {
            String rest = fileName.substring(volumes.length()).replaceFirst("^/+", "");
            int slash = rest.indexOf('/');
            String path = slash < 0 ? "" : rest.substring(slash + 1).replaceFirst("^/+", "");
            if (slash <= 0 || path.isEmpty()) {
                throw ViErrors.internal("File name '" + fileName + "' doesn't have expected format"
                        + " '/vmfs/volumes/<datastore>/<path>'");
            }
            String name = rest.substring(0, slash);
            if (datastores.byName(name) == null) {
                if (allowMissing) {
                    return null;
                }
                throw ViErrors.internal("File name '" + fileName + "' refers to non-existing datastore '" + name + "'");
            }
            return "[" + name + "] " + path;
        }
        if (fileName.startsWith("/")) {
            return fileName;
        }
        throw ViErrors.internal("Could not handle file name '" + fileName + "'");
    }

    @Override
    public String format(String source) throws VirtException {
        if (source.startsWith("[")) {
            DatastorePath path = DatastorePath.parse(source);
            Datastore ds = datastores.byName(path.datastore());
            if (ds == null) {
                throw ViErrors.internal("Could not find datastore with name '" + path.datastore() + "'");
            }
            String mount = ds.mountPath();
            char separator = mount.indexOf('\\') >= 0 ? '\\' : '/';
            int end = mount.length();
            while (end > 0 && mount.charAt(end - 1) == separator) {
                end--;
            }
            return mount.substring(0, end) + separator + path.directoryAndFile().replace('/', separator);
        }
        if (source.startsWith("/")) {
            return source;
        }
        throw ViErrors.internal("Could not handle file name '" + source + "'");
    }
}
