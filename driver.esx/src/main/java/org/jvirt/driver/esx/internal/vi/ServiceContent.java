package org.jvirt.driver.esx.internal.vi;

import org.jvirt.api.VirtException;
import org.w3c.dom.Element;

/**
 * What {@code RetrieveServiceContent} answers, as far as libvirt reads it.
 *
 * @param apiType       {@code HostAgent} (ESX, GSX) or {@code VirtualCenter}
 * @param productLineId {@code embeddedEsx}, {@code esx}, {@code gsx} or {@code vpx}
 * @param version       the product version, {@code 6.5.0}
 * @param fileManager   the FileManager (deletes datastore files), or null when the server has none
 * @param virtualDiskManager the VirtualDiskManager (disk UUIDs), or null when the server has none
 */
public record ServiceContent(MoRef rootFolder, MoRef propertyCollector, MoRef sessionManager,
                             String apiType, String productLineId, String version, String fullName,
                             MoRef fileManager, MoRef virtualDiskManager) {

    static ServiceContent of(Element returnval) throws VirtException {
        Element about = SoapXml.child(returnval, "about");
        if (about == null) {
            throw ViErrors.internal("Missing 'about' property in the service content");
        }
        return new ServiceContent(required(returnval, "rootFolder"), required(returnval, "propertyCollector"),
                required(returnval, "sessionManager"), SoapXml.childText(about, "apiType"),
                SoapXml.childText(about, "productLineId"), SoapXml.childText(about, "version"),
                SoapXml.childText(about, "fullName"),
                optional(returnval, "fileManager"), optional(returnval, "virtualDiskManager"));
    }

    private static MoRef optional(Element returnval, String name) {
        Element e = SoapXml.child(returnval, name);
        return e == null ? null : MoRef.of(e);
    }

    private static MoRef required(Element returnval, String name) throws VirtException {
        Element e = SoapXml.child(returnval, name);
        if (e == null) {
            throw ViErrors.internal("Missing '" + name + "' property in the service content");
        }
        return MoRef.of(e);
    }

    /** libvirt's product line: "esx" (also for embeddedEsx), "gsx" or "vpx". */
    public String productLine() {
        if ("VirtualCenter".equals(apiType) || "vpx".equals(productLineId)) {
            return "vpx";
        }
        return "gsx".equals(productLineId) ? "gsx" : "esx";
    }

    /** libvirt's encoding of the version: major * 1,000,000 + minor * 1,000 + micro. */
    public long versionNumber() {
        String[] parts = version == null ? new String[0] : version.split("\\.");
        long v = 0;
        for (int i = 0; i < 3; i++) {
            long part = 0;
            if (i < parts.length) {
                try {
                    part = Long.parseLong(parts[i].replaceAll("\\D.*", ""));
                } catch (NumberFormatException e) {
                    part = 0;
                }
            }
            v = v * 1000 + part;
        }
        return v;
    }
}
