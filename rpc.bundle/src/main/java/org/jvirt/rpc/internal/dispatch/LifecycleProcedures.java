package org.jvirt.rpc.internal.dispatch;

import static org.jvirt.rpc.internal.dispatch.Access.WRITE;
import static org.jvirt.rpc.internal.dispatch.Wire.domain;
import static org.jvirt.rpc.internal.dispatch.Wire.writeDomain;

import org.jvirt.api.Domain;
import org.jvirt.rpc.internal.wire.RemoteProc;

/** Procedures that change domains: define, start, stop, pause, undefine. All are writes. */
final class LifecycleProcedures {

    void registerInto(ProcedureTable t) {
        t.add(RemoteProc.DOMAIN_CREATE, "virDomainCreate", WRITE, (c, a, r) -> domain(c, a).create(0));
        t.add(RemoteProc.DOMAIN_CREATE_WITH_FLAGS, "virDomainCreateWithFlags", WRITE, (c, a, r) -> {
            Domain d = domain(c, a);
            d.create(a.readInt());
            // the reply carries the domain again so the client learns its new ID
            writeDomain(r, c.connection().lookupByUuid(d.uuid()));
        });
        t.add(RemoteProc.DOMAIN_CREATE_XML, "virDomainCreateXML", WRITE, (c, a, r) -> {
            String xml = a.readString();
            writeDomain(r, c.connection().createXml(xml, a.readInt()));
        });
        t.add(RemoteProc.DOMAIN_DEFINE_XML, "virDomainDefineXML", WRITE,
                (c, a, r) -> writeDomain(r, c.connection().defineXml(a.readString(), 0)));
        t.add(RemoteProc.DOMAIN_DEFINE_XML_FLAGS, "virDomainDefineXMLFlags", WRITE, (c, a, r) -> {
            String xml = a.readString();
            writeDomain(r, c.connection().defineXml(xml, a.readInt()));
        });
        t.add(RemoteProc.DOMAIN_UNDEFINE, "virDomainUndefine", WRITE, (c, a, r) -> domain(c, a).undefine(0));
        t.add(RemoteProc.DOMAIN_UNDEFINE_FLAGS, "virDomainUndefineFlags", WRITE, (c, a, r) -> {
            Domain d = domain(c, a);
            d.undefine(a.readInt());
        });
        t.add(RemoteProc.DOMAIN_DESTROY, "virDomainDestroy", WRITE, (c, a, r) -> domain(c, a).destroy(0));
        t.add(RemoteProc.DOMAIN_DESTROY_FLAGS, "virDomainDestroyFlags", WRITE, (c, a, r) -> {
            Domain d = domain(c, a);
            d.destroy(a.readInt());
        });
        t.add(RemoteProc.DOMAIN_SHUTDOWN, "virDomainShutdown", WRITE, (c, a, r) -> domain(c, a).shutdown(0));
        t.add(RemoteProc.DOMAIN_SHUTDOWN_FLAGS, "virDomainShutdownFlags", WRITE, (c, a, r) -> {
            Domain d = domain(c, a);
            d.shutdown(a.readInt());
        });
        t.add(RemoteProc.DOMAIN_REBOOT, "virDomainReboot", WRITE, (c, a, r) -> {
            Domain d = domain(c, a);
            d.reboot(a.readInt());
        });
        t.add(RemoteProc.DOMAIN_RESET, "virDomainReset", WRITE, (c, a, r) -> {
            Domain d = domain(c, a);
            d.reset(a.readInt());
        });
        t.add(RemoteProc.DOMAIN_SEND_PROCESS_SIGNAL, "virDomainSendProcessSignal", WRITE, (c, a, r) -> {
            Domain d = domain(c, a);
            long pid = a.readHyper();
            int signum = a.readInt();
            d.sendProcessSignal(pid, signum, a.readInt());
        });
        t.add(RemoteProc.DOMAIN_SUSPEND, "virDomainSuspend", WRITE, (c, a, r) -> domain(c, a).suspend());
        t.add(RemoteProc.DOMAIN_MANAGED_SAVE, "virDomainManagedSave", WRITE, (c, a, r) -> {
            Domain d = domain(c, a);
            d.managedSave(a.readInt());
        });
        t.add(RemoteProc.DOMAIN_MANAGED_SAVE_REMOVE, "virDomainManagedSaveRemove", WRITE, (c, a, r) -> {
            Domain d = domain(c, a);
            d.managedSaveRemove(a.readInt());
        });
        // remote_domain_send_key_args: codeset, holdtime, keycodes<REMOTE_DOMAIN_SEND_KEY_MAX>, flags
        t.add(RemoteProc.DOMAIN_SEND_KEY, "virDomainSendKey", WRITE, (c, a, r) -> {
            Domain d = domain(c, a);
            int codeset = a.readInt();
            int holdtime = a.readInt();
            int n = a.readCount(RemoteProc.DOMAIN_SEND_KEY_MAX, 4, "keycodes");
            // XDR decodes an empty array as a NULL pointer, so libvirtd's API refuses it as
            // "keycodes ... must not be NULL" before it counts the codes: the same here
            int[] keycodes = n == 0 ? null : new int[n];
            for (int k = 0; k < n; k++) {
                keycodes[k] = a.readInt();
            }
            d.sendKey(codeset, holdtime, keycodes, a.readInt());
        });
        t.add(RemoteProc.DOMAIN_RESUME, "virDomainResume", WRITE, (c, a, r) -> domain(c, a).resume());
    }
}
