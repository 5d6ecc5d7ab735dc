package org.jvirt.driver.test.internal;

import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.OptionalInt;
import java.util.UUID;

import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
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
    public void commit(Collection<DomainObj> saved, Collection<UUID> removed, OptionalInt nextId)
            throws VirtException {
        RecordBatch batch = new RecordBatch(DRIVER);
        for (DomainObj dom : saved) {
            addDomain(batch, dom);
        }
        for (UUID uuid : removed) {
            batch.delete(RecordKind.CONFIG, uuid.toString()).delete(RecordKind.STATUS, uuid.toString());
        }
        if (nextId.isPresent()) {
            batch.write(RecordKind.STATUS, HOST_KEY, StatusRecord.hostRecord(nextId.getAsInt()));
        }
        batch.apply(store);
    }

    /** Formats the domain's records into the batch: a definition that cannot be formatted fails here, before any write. */
    private void addDomain(RecordBatch batch, DomainObj dom) throws VirtException {
        String key = dom.uuid().toString();
        try {
            DomainDef persistent = dom.persistentDef();
            if (persistent != null) {
                batch.write(RecordKind.CONFIG, key, format(persistent, DomainXmlCodec.FORMAT_INACTIVE));
            } else {
                batch.delete(RecordKind.CONFIG, key);
            }
            String live = dom.isActive() ? text(VcpuOps.withoutEmptyPins(dom.liveDef()), 0) : null;
            String pending = dom.isActive() && !dom.isPersistent() && dom.newDef() != null
                    ? text(dom.newDef(), DomainXmlCodec.FORMAT_INACTIVE) : null;
            StatusRecord status = new StatusRecord(dom.state(), dom.stateInfo().reason(), dom.id(), dom.autostart(),
                    dom.hasManagedSave(), live, pending);
            batch.write(RecordKind.STATUS, key, status.toBytes());
        } catch (RuntimeException e) {
            throw new VirtException(ErrorCode.INTERNAL_ERROR, ErrorDomain.TEST,
                    "cannot format the definition of domain '" + dom.name() + "': " + e.getMessage(), e);
        }
    }

    private byte[] format(DomainDef def, int flags) {
        return text(def, flags).getBytes(StandardCharsets.UTF_8);
    }

    private String text(DomainDef def, int flags) {
        return codec.format(def, flags | DomainXmlCodec.FORMAT_SECURE);
    }
}
