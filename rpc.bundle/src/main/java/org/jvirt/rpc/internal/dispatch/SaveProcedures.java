package org.jvirt.rpc.internal.dispatch;

import static org.jvirt.rpc.internal.dispatch.Access.WRITE;
import static org.jvirt.rpc.internal.dispatch.Wire.domain;

import org.jvirt.api.Domain;
import org.jvirt.rpc.internal.wire.RemoteProc;

/**
 * Saving domains to files and restoring them: {@code virsh save}, {@code restore},
 * {@code save-image-dumpxml}, {@code save-image-define}. Every argument is decoded before the call.
 */
final class SaveProcedures {

    void registerInto(ProcedureTable t) {
        t.add(RemoteProc.DOMAIN_SAVE, "virDomainSave", WRITE, (c, a, r) -> {
            Domain d = domain(c, a);
            d.save(a.readString());
        });
        t.add(RemoteProc.DOMAIN_SAVE_FLAGS, "virDomainSaveFlags", WRITE, (c, a, r) -> {
            Domain d = domain(c, a);
            String to = a.readString();
            String dxml = a.readOptString();
            d.saveFlags(to, dxml, a.readInt());
        });
        t.add(RemoteProc.DOMAIN_RESTORE, "virDomainRestore", WRITE,
                (c, a, r) -> c.connection().restore(a.readString()));
        t.add(RemoteProc.DOMAIN_RESTORE_FLAGS, "virDomainRestoreFlags", WRITE, (c, a, r) -> {
            String from = a.readString();
            String dxml = a.readOptString();
            c.connection().restoreFlags(from, dxml, a.readInt());
        });
        // WRITE: libvirt 9.0 refuses a read-only connection even without the SECURE flag
        t.add(RemoteProc.DOMAIN_SAVE_IMAGE_GET_XML_DESC, "virDomainSaveImageGetXMLDesc", WRITE, (c, a, r) -> {
            String file = a.readString();
            r.writeString(c.connection().saveImageXmlDesc(file, a.readInt()));
        });
        t.add(RemoteProc.DOMAIN_SAVE_IMAGE_DEFINE_XML, "virDomainSaveImageDefineXML", WRITE, (c, a, r) -> {
            String file = a.readString();
            String dxml = a.readString();
            c.connection().saveImageDefineXml(file, dxml, a.readInt());
        });
    }
}
