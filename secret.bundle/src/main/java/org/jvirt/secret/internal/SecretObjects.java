package org.jvirt.secret.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.Flag;
import org.jvirt.api.SecretListFlag;
import org.jvirt.api.SecretUsageType;
import org.jvirt.api.VirtException;
import org.jvirt.secret.internal.conf.SecretDef;

/**
 * The secrets in memory: libvirt's {@code virSecretObjList}, with its rules for adding a
 * definition. Not thread-safe: {@link SecretService} holds its lock around every use.
 */
final class SecretObjects {

    /** A secret: its definition and value (null when it has none). */
    static final class Obj {
        SecretDef def;
        byte[] value;

        Obj(SecretDef def) {
            this.def = def;
        }
    }

    private final Map<UUID, Obj> byUuid = new LinkedHashMap<>();

    Obj find(UUID uuid) {
        return byUuid.get(uuid);
    }

    /**
     * libvirt's {@code virSecretObjFindByUsage}: a secret of that type whose usage is {@code usageId};
     * none for {@link SecretUsageType#NONE}, which names nothing.
     */
    Obj findByUsage(SecretUsageType type, String usageId) {
        if (type == SecretUsageType.NONE) {
            return null;
        }
        for (Obj o : byUuid.values()) {
            if (o.def.usageType() == type && Objects.equals(o.def.usageId(), usageId)) {
                return o;
            }
        }
        return null;
    }

    /**
     * libvirt's {@code virSecretObjListAdd}: a definition of a known UUID replaces the old one if it
     * is for the same usage and does not make a private secret public; a new UUID must not take
     * another secret's usage.
     *
     * @return the object, and in {@code backup[0]} the definition it replaced (null when new)
     */
    Obj add(SecretDef def, SecretDef[] backup) throws VirtException {
        Obj existing = byUuid.get(def.uuid());
        if (existing != null) {
            SecretDef old = existing.def;
            if (!Objects.equals(old.usageId(), def.usageId())) {
                // libvirt prints the C NULL of a secret without usage as "(null)"
                throw internal("a secret with UUID " + def.uuid() + " is already defined for use with "
                        + (old.usageId() == null ? "(null)" : old.usageId()));
            }
            if (old.isPrivate() && !def.isPrivate()) {
                throw internal("cannot change private flag on existing secret");
            }
            backup[0] = old;
            existing.def = def;
            return existing;
        }
        Obj sameUsage = findByUsage(def.usageType(), def.usageId());
        if (sameUsage != null) {
            throw internal("a secret with UUID " + sameUsage.def.uuid() + " already defined for use with "
                    + def.usageId());
        }
        Obj o = new Obj(def);
        byUuid.put(def.uuid(), o);
        backup[0] = null;
        return o;
    }

    void remove(UUID uuid) {
        byUuid.remove(uuid);
    }

    /** libvirt's {@code virSecretObjListExport} filter: the secrets matching {@code flags}. */
    List<SecretDef> list(int flags) {
        List<SecretDef> out = new ArrayList<>();
        for (Obj o : byUuid.values()) {
            if (matches(o.def, flags)) {
                out.add(o.def);
            }
        }
        return out;
    }

    private static boolean matches(SecretDef d, int flags) {
        if (Flag.isSet(flags, SecretListFlag.EPHEMERAL) || Flag.isSet(flags, SecretListFlag.NO_EPHEMERAL)) {
            if (!(Flag.isSet(flags, SecretListFlag.EPHEMERAL) && d.ephemeral()
                    || Flag.isSet(flags, SecretListFlag.NO_EPHEMERAL) && !d.ephemeral())) {
                return false;
            }
        }
        if (Flag.isSet(flags, SecretListFlag.PRIVATE) || Flag.isSet(flags, SecretListFlag.NO_PRIVATE)) {
            return Flag.isSet(flags, SecretListFlag.PRIVATE) && d.isPrivate()
                    || Flag.isSet(flags, SecretListFlag.NO_PRIVATE) && !d.isPrivate();
        }
        return true;
    }

    private static VirtException internal(String message) {
        return new VirtException(ErrorCode.INTERNAL_ERROR, ErrorDomain.SECRET, message);
    }
}
