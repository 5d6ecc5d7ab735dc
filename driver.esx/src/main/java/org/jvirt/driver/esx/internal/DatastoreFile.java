package org.jvirt.driver.esx.internal;

import org.jvirt.driver.esx.internal.vi.SoapXml;
import org.w3c.dom.Element;

/**
 * A file the datastore browser found ({@code FileInfo} and its subtypes).
 *
 * @param datastore      the datastore's name
 * @param name           the path inside the datastore, {@code dir/disk.vmdk} (libvirt's volume name)
 * @param type           the {@code FileInfo} subtype: {@code VmDiskFileInfo}, {@code IsoImageFileInfo},
 *                       {@code FloppyImageFileInfo}, ... ({@code FileInfo} when the server says none)
 * @param fileSize       bytes, 0 when not told
 * @param capacityKb     a disk's capacity in KiB, -1 when not told (the simulator never tells)
 * @param controllerType a disk's {@code controllerType}, or null
 */
record DatastoreFile(String datastore, String name, String type, long fileSize, long capacityKb,
                     String controllerType) {

    static DatastoreFile of(String datastore, String folder, Element file) {
        String path = SoapXml.childText(file, "path");
        String type = SoapXml.xsiType(file);
        return new DatastoreFile(datastore, folder.isEmpty() ? path : folder + "/" + path,
                type == null ? "FileInfo" : type, number(SoapXml.childText(file, "fileSize"), 0),
                number(SoapXml.childText(file, "capacityKb"), -1), SoapXml.childText(file, "controllerType"));
    }

    private static long number(String text, long fallback) {
        try {
            return text == null ? fallback : Long.parseLong(text);
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    /** {@code [datastore] dir/file}. */
    String path() {
        return "[" + datastore + "] " + name;
    }

    boolean isDisk() {
        return "VmDiskFileInfo".equals(type);
    }
}
