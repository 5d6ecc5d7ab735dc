package org.jvirt.core.internal;

import org.jvirt.api.ErrorDomain;
import org.jvirt.api.VirtException;

/**
 * The connection's entry points that read save images: restore and the image's XML, with the checks
 * of libvirt 9.0's {@code virDomainRestore(Flags)}, {@code virDomainSaveImageGetXMLDesc} and
 * {@code virDomainSaveImageDefineXML} (in their order), then the path made absolute.
 */
final class SaveImageCalls {
    private final ConnectionFacade connection;

    SaveImageCalls(ConnectionFacade connection) {
        this.connection = connection;
    }

    void restore(String from) throws VirtException {
        String fn = "virDomainRestore";
        connection.checkWritable(fn, ErrorDomain.DOMAIN);
        SaveFiles.notNull(from, "from", fn);
        String path = SaveFiles.absolute(from);
        run(fn, b -> SaveFiles.driver(b, fn).restore(path));
    }

    void restoreFlags(String from, String dxml, int flags) throws VirtException {
        String fn = "virDomainRestoreFlags";
        connection.checkWritable(fn, ErrorDomain.DOMAIN);
        SaveFiles.notNull(from, "from", fn);
        SaveFiles.runningOrPaused(flags);
        String path = SaveFiles.absolute(from);
        run(fn, b -> SaveFiles.driver(b, fn).restoreFlags(path, dxml, flags));
    }

    String xmlDesc(String file, int flags) throws VirtException {
        String fn = "virDomainSaveImageGetXMLDesc";
        // libvirt 9.0 refuses read-only connections outright (CVE-2019-10161: it let them probe files)
        connection.checkWritable(fn, ErrorDomain.DOMAIN);
        SaveFiles.notNull(file, "file", fn);
        String path = SaveFiles.absolute(file);
        return connection.call(fn, b -> SaveFiles.driver(b, fn).saveImageXmlDesc(path, flags));
    }

    void defineXml(String file, String dxml, int flags) throws VirtException {
        String fn = "virDomainSaveImageDefineXML";
        connection.checkWritable(fn, ErrorDomain.DOMAIN);
        SaveFiles.notNull(file, "file", fn);
        SaveFiles.notNull(dxml, "dxml", fn);
        SaveFiles.runningOrPaused(flags);
        String path = SaveFiles.absolute(file);
        run(fn, b -> SaveFiles.driver(b, fn).saveImageDefineXml(path, dxml, flags));
    }

    /** A restore cut off by a driver swap is not repeated: its outcome is unknown. */
    private void run(String fn, DomainCalls.VoidCall op) throws VirtException {
        connection.call(fn, b -> {
            op.apply(b);
            return Boolean.TRUE;
        }, Outcome.unknown());
    }
}
