package org.jvirt.xml.internal;

import java.util.ArrayList;
import java.util.List;

import org.jvirt.api.VirtException;
import org.jvirt.api.xml.Tpm;
import org.jvirt.api.xml.TpmBackend;
import org.jvirt.api.xml.TpmBackendBuilder;
import org.jvirt.api.xml.TpmBuilder;
import org.jvirt.api.xml.XmlElement;

/** {@code <tpm>} and its {@code <backend>} (virDomainTPMDefParseXML / virDomainTPMDefFormat). */
final class TpmCodec {
    private static final String[] BACKEND_ATTRS = {"type", "version", "persistent_state", "debug"};

    private TpmCodec() {
    }

    static Tpm parse(Node n) throws VirtException {
        TpmBuilder b = Tpm.builder().model(n.attr("model"));
        // libvirt reads one backend; more than one stays as written
        if (n.element().children("backend").size() == 1) {
            b.backend(backend(n.child("backend")));
        }
        return b.info(DeviceInfoCodec.parse(n)).other(n.rest()).build();
    }

    private static TpmBackend backend(Node be) throws VirtException {
        TpmBackendBuilder b = TpmBackend.builder().type(be.attr("type")).version(be.attr("version"))
                .persistentState(be.attr("persistent_state")).debug(be.attr("debug"))
                .devicePath(Leaf.attr(be, "device", "path")).encryptionSecret(Leaf.attr(be, "encryption", "secret"));
        Node src = Leaf.known(be, "source", "type", "mode", "path");
        if (src != null) {
            b.sourceType(src.attr("type")).sourceMode(src.attr("mode")).sourcePath(src.attr("path"));
        }
        XmlElement banks = be.element().child("active_pcr_banks");
        if (banks != null && banks.attributes().isEmpty()
                && banks.children().stream().allMatch(c -> c.attributes().isEmpty() && c.children().isEmpty())) {
            be.use(banks);
            List<String> names = new ArrayList<>();
            banks.children().forEach(c -> names.add(c.name()));
            b.activePcrBanks(names);
        }
        return b.other(be.rest()).build();
    }

    static XmlElement format(Tpm t) {
        Out o = new Out("tpm").attr("model", t.model());
        TpmBackend be = t.backend();
        if (be != null) {
            Out bo = new Out("backend").attrOrder(BACKEND_ATTRS).attr("type", be.type()).attr("version", be.version())
                    .attr("persistent_state", be.persistentState()).attr("debug", be.debug());
            if (be.devicePath() != null) {
                bo.child(new Out("device").attr("path", be.devicePath()));
            }
            if (be.encryptionSecret() != null) {
                bo.child(new Out("encryption").attr("secret", be.encryptionSecret()));
            }
            if (!be.activePcrBanks().isEmpty()) {
                Out banks = new Out("active_pcr_banks");
                be.activePcrBanks().forEach(name -> banks.child(new Out(name)));
                bo.child(banks);
            }
            // libvirt writes the state source of an emulator after its encryption and PCR banks
            if (be.sourceType() != null || be.sourceMode() != null || be.sourcePath() != null) {
                bo.child(new Out("source").attr("type", be.sourceType()).attr("mode", be.sourceMode())
                        .attr("path", be.sourcePath()));
            }
            o.child(bo.preserved(be.other()));
        }
        return o.preserved(t.other()).children(DeviceInfoCodec.format(t.info())).build();
    }
}
