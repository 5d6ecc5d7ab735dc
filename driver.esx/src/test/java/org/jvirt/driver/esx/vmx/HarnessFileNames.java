package org.jvirt.driver.esx.vmx;

import org.jvirt.api.VirtException;

/**
 * The file name callbacks of libvirt's vmx2xmltest and xml2vmxtest, which the expected files depend
 * on: {@code /vmfs/volumes/DS/PATH} is {@code [DS] PATH} (a datastore or path named {@code missing}
 * does not exist), other absolute paths stay, a bare file is {@code [datastore] directory/FILE}.
 */
final class HarnessFileNames implements VmxContext.FileNames {
    private static final String VOLUMES = "/vmfs/volumes/";

    @Override
    public String parse(String fileName, boolean allowMissing) throws VirtException {
        if (fileName.startsWith(VOLUMES)) {
            String rest = fileName.substring(VOLUMES.length()).replaceFirst("^/+", "");
            int slash = rest.indexOf('/');
            String datastore = slash < 0 ? rest : rest.substring(0, slash);
            String path = slash < 0 ? "" : rest.substring(slash).replaceFirst("^/+", "");
            if (datastore.isEmpty() || path.isEmpty()) {
                throw VmxErrors.internal("Could not handle file name '" + fileName + "'");
            }
            if (datastore.equals("missing") || path.startsWith("missing")) {
                if (allowMissing) {
                    return null;
                }
                throw VmxErrors.internal("Referenced missing file '" + fileName + "'");
            }
            return "[" + datastore + "] " + path;
        } else if (fileName.startsWith("/")) {
            return fileName;
        } else if (fileName.contains("/")) {
            throw VmxErrors.internal("Could not handle file name '" + fileName + "'");
        }
        return "[datastore] directory/" + fileName;
    }

    @Override
    public String format(String source) throws VirtException {
        if (source.startsWith("[")) {
            int close = source.indexOf(']');
            if (close <= 1) {
                throw VmxErrors.internal("Could not handle file name '" + source + "'");
            }
            String path = source.substring(close + 1).replaceFirst("^ +", "");
            return VOLUMES + source.substring(1, close) + "/" + path;
        } else if (source.startsWith("/")) {
            return source;
        }
        throw VmxErrors.internal("Could not handle file name '" + source + "'");
    }
}
