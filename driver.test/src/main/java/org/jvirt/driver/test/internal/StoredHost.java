package org.jvirt.driver.test.internal;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.UUID;

import org.jvirt.api.DomainState;
import org.jvirt.api.VirtException;
import org.jvirt.api.spi.RecordKind;
import org.jvirt.api.spi.StateStore;
import org.jvirt.api.xml.DomainDef;
import org.jvirt.api.xml.DomainXmlCodec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Rebuilds the default host from what a previous driver instance wrote to the state store
 * ({@link StoreJournal}); creates libvirt's default host when the store holds nothing.
 */
final class StoredHost {
    private static final Logger LOG = LoggerFactory.getLogger(StoredHost.class);

    private final StateStore store;
    private final DomainXmlCodec codec;

    StoredHost(StateStore store, DomainXmlCodec codec) {
        this.store = store;
        this.codec = codec;
    }

    TestHost open() throws VirtException {
        StoreJournal journal = new StoreJournal(store, codec);
        Map<String, byte[]> configs = store.readAll(StoreJournal.DRIVER, RecordKind.CONFIG);
        Map<String, byte[]> statuses = store.readAll(StoreJournal.DRIVER, RecordKind.STATUS);
        if (configs.isEmpty() && statuses.isEmpty()) {
            TestHost host = DefaultHost.create(codec, journal);
            host.saveAll();
            LOG.info("Created the default test host in the state store");
            return host;
        }
        TestHost host = new TestHost(DefaultHost.NODE_INFO, DefaultHost.capabilities(), codec, journal);
        Optional<byte[]> hostRecord = Optional.ofNullable(statuses.get(StoreJournal.HOST_KEY));
        List<DomainObj> domains = new ArrayList<>();
        TreeSet<String> keys = new TreeSet<>(configs.keySet());
        keys.addAll(statuses.keySet());
        keys.remove(StoreJournal.HOST_KEY);
        int maxId = 0;
        for (String key : keys) {
            try {
                DomainObj dom = restore(key, configs.get(key), statuses.get(key));
                domains.add(dom);
                maxId = Math.max(maxId, dom.id());
            } catch (VirtException | IllegalArgumentException e) {
                // keep the record for inspection; the rest of the host still comes back
                LOG.error("Cannot restore test domain record {}: {}", key, e.getMessage(), e);
            }
        }
        int nextId = hostRecord.isPresent() ? StatusRecord.nextIdOf(hostRecord.get()) : maxId + 1;
        host.setNextId(Math.max(nextId, maxId + 1));
        domains.sort(Comparator.comparingInt((DomainObj d) -> d.isActive() ? d.id() : Integer.MAX_VALUE)
                .thenComparing(DomainObj::name));
        domains.forEach(host::put);
        LOG.info("Restored the default test host: {} domains, next id {}", domains.size(), host.nextId());
        return host;
    }

    private DomainObj restore(String key, byte[] config, byte[] statusBytes) throws VirtException {
        UUID uuid = UUID.fromString(key);
        DomainDef persistent = config == null ? null
                : codec.parse(new String(config, StandardCharsets.UTF_8), DomainXmlCodec.PARSE_INACTIVE, DefinitionPolicy.GUEST_DEFAULTS);
        StatusRecord status = statusBytes == null ? null : StatusRecord.fromBytes(key, statusBytes);
        DomainDef live = status == null || status.liveXml() == null ? null : codec.parse(status.liveXml(), 0, DefinitionPolicy.GUEST_DEFAULTS);
        if (persistent == null && live == null) {
            throw new IllegalArgumentException("neither a definition nor a running domain");
        }
        DomainObj dom = new DomainObj(persistent != null ? persistent : live, persistent != null);
        if (!uuid.equals(dom.uuid())) {
            throw new IllegalArgumentException("record key and domain UUID " + dom.uuid() + " differ");
        }
        if (live != null && status.id() >= 0) {
            DomainDef pending = persistent != null ? persistent
                    : status.pendingXml() == null ? null : codec.parse(status.pendingXml(), DomainXmlCodec.PARSE_INACTIVE, DefinitionPolicy.GUEST_DEFAULTS);
            dom.restore(live, pending, status.id());
            dom.setState(status.state(), status.reason());
        } else {
            boolean known = status != null && status.state() == DomainState.SHUTOFF;
            dom.setState(DomainState.SHUTOFF, known ? status.reason() : 0);
        }
        dom.setAutostart(status != null && status.autostart());
        dom.setManagedSave(status != null && status.managedSave());
        return dom;
    }
}
