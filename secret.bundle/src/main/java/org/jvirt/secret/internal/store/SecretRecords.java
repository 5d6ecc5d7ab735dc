package org.jvirt.secret.internal.store;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.VirtException;
import org.jvirt.api.spi.RecordKind;
import org.jvirt.api.spi.StateStore;
import org.jvirt.secret.internal.conf.SecretDef;
import org.jvirt.secret.internal.conf.SecretXml;
import org.jvirt.secret.internal.conf.Uuids;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Persistent secrets in the core's state store, as libvirt keeps {@code <uuid>.xml} and
 * {@code <uuid>.base64} in its secrets folder: config records {@code <uuid>.xml} (the definition
 * as libvirt formats it) and {@code <uuid>.value} (the value, encrypted with {@link ValueCipher}
 * under the {@link MasterKey}, which is read or made the first time a value is). Ephemeral
 * secrets never come here.
 */
public final class SecretRecords {
    private static final Logger LOG = LoggerFactory.getLogger(SecretRecords.class);
    /** The store's driver name for secrets. */
    static final String STORE = "secret";
    private static final String XML = ".xml";
    private static final String VALUE = ".value";

    private final StateStore store;
    private final MasterKey masterKey;
    private final SecureRandom random;
    private ValueCipher cipher;

    /** A secret read back: its definition and its value (null when none or unreadable). */
    public record Loaded(SecretDef def, byte[] value) {
    }

    public SecretRecords(StateStore store, MasterKey masterKey, SecureRandom random) {
        this.store = store;
        this.masterKey = masterKey;
        this.random = random;
    }

    public void saveConfig(SecretDef def) throws VirtException {
        store.write(STORE, RecordKind.CONFIG, def.uuid() + XML, SecretXml.format(def).getBytes(StandardCharsets.UTF_8));
    }

    public void saveValue(UUID uuid, byte[] value) throws VirtException {
        byte[] sealed;
        try {
            sealed = cipher().encrypt(uuid, value);
        } catch (GeneralSecurityException e) {
            throw new VirtException(ErrorCode.INTERNAL_ERROR, ErrorDomain.SECRET,
                    "cannot encrypt the value of secret '" + uuid + "': " + e.getMessage(), e);
        }
        store.write(STORE, RecordKind.CONFIG, uuid + VALUE, sealed);
    }

    public void deleteConfig(UUID uuid) throws VirtException {
        store.delete(STORE, RecordKind.CONFIG, uuid + XML);
    }

    public void deleteValue(UUID uuid) throws VirtException {
        store.delete(STORE, RecordKind.CONFIG, uuid + VALUE);
    }

    /**
     * Every stored secret. A definition that does not parse, or whose name is not its UUID, is
     * skipped with a warning (libvirt's {@code virSecretLoadAllConfigs}); a value that does not
     * decrypt (altered, another key, or a key file refused) is left out with a warning, the secret stays.
     */
    public List<Loaded> loadAll(SecretXml xml) throws VirtException {
        Map<String, byte[]> records = store.readAll(STORE, RecordKind.CONFIG);
        List<Loaded> out = new ArrayList<>();
        for (Map.Entry<String, byte[]> e : records.entrySet()) {
            String key = e.getKey();
            if (!key.endsWith(XML)) {
                continue;
            }
            UUID named = Uuids.parse(key.substring(0, key.length() - XML.length()));
            SecretDef def;
            try {
                def = xml.parse(new String(e.getValue(), StandardCharsets.UTF_8), key);
            } catch (VirtException ex) {
                LOG.warn("secret record {} is skipped: {}", key, ex.getMessage());
                continue;
            }
            if (!def.uuid().equals(named)) {
                LOG.warn("secret record {} is skipped: it defines secret {}", key, def.uuid());
                continue;
            }
            out.add(new Loaded(def, value(def.uuid(), records.get(def.uuid() + VALUE))));
        }
        return out;
    }

    private byte[] value(UUID uuid, byte[] sealed) throws VirtException {
        if (sealed == null) {
            return null;
        }
        try {
            return cipher().decrypt(uuid, sealed);
        } catch (GeneralSecurityException | VirtException e) {
            // the record stays on disk: with the right key back in place, a restart reads it again
            LOG.warn("the stored value of secret {} cannot be decrypted with {} and is ignored: {}",
                    uuid, masterKey.file(), e.getMessage());
            return null;
        }
    }

    /** For tests: the raw record of a secret's value, if any. */
    Optional<byte[]> rawValue(UUID uuid) throws VirtException {
        return store.read(STORE, RecordKind.CONFIG, uuid + VALUE);
    }

    private synchronized ValueCipher cipher() throws VirtException {
        if (cipher == null) {
            cipher = new ValueCipher(masterKey.loadOrCreate(), random);
        }
        return cipher;
    }
}
