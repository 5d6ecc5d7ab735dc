package org.jvirt.driver.test.internal;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import org.jvirt.api.VirtException;
import org.jvirt.api.spi.RecordKind;
import org.jvirt.api.spi.StateStore;
import org.jvirt.api.xml.DomainDef;
import org.jvirt.api.xml.DomainXmlCodec;

/**
 * The default host's journal in the core's {@link StateStore}, under driver name {@code test}:
 * a CONFIG record per persistent domain (its inactive XML, keyed by UUID), a STATUS record per
 * domain (see {@link StatusRecord}) and the STATUS record {@value #HOST_KEY} with the next ID.
 */
final class StoreJournal implements HostJournal {
    static final String DRIVER = "test";
    static final String HOST_KEY = "host";

    private final StateStore store;
    private final DomainXmlCodec codec;

    StoreJournal(StateStore store, DomainXmlCodec codec) {
        this.store = store;
        this.codec = codec;
    }

    @Override
    public void saveDomain(DomainObj dom) throws VirtException {
        String key = dom.uuid().toString();
        DomainDef persistent = dom.persistentDef();
        if (persistent != null) {
            store.write(DRIVER, RecordKind.CONFIG, key, format(persistent, DomainXmlCodec.FORMAT_INACTIVE));
        } else {
            store.delete(DRIVER, RecordKind.CONFIG, key);
        }
        String live = dom.isActive() ? text(VcpuOps.withoutEmptyPins(dom.liveDef()), 0) : null;
        String pending = dom.isActive() && !dom.isPersistent() && dom.newDef() != null
                ? text(dom.newDef(), DomainXmlCodec.FORMAT_INACTIVE) : null;
        StatusRecord status = new StatusRecord(dom.state(), dom.stateInfo().reason(), dom.id(), dom.autostart(),
                live, pending);
        store.write(DRIVER, RecordKind.STATUS, key, status.toBytes());
    }

    @Override
    public void removeDomain(UUID uuid) throws VirtException {
        store.delete(DRIVER, RecordKind.CONFIG, uuid.toString());
        store.delete(DRIVER, RecordKind.STATUS, uuid.toString());
    }

    @Override
    public void saveNextId(int nextId) throws VirtException {
        store.write(DRIVER, RecordKind.STATUS, HOST_KEY, StatusRecord.hostRecord(nextId));
    }

    private byte[] format(DomainDef def, int flags) {
        return text(def, flags).getBytes(StandardCharsets.UTF_8);
    }

    private String text(DomainDef def, int flags) {
        return codec.format(def, flags | DomainXmlCodec.FORMAT_SECURE);
    }
}
