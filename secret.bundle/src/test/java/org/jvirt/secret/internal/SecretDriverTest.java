package org.jvirt.secret.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.jvirt.api.Connection;
import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.Secret;
import org.jvirt.api.SecretEvent;
import org.jvirt.api.SecretEventType;
import org.jvirt.api.SecretListFlag;
import org.jvirt.api.SecretUsageType;
import org.jvirt.api.VirtException;
import org.junit.jupiter.api.function.Executable;

/** The secret driver through the real core, with libvirtd 9.0's answers (recorded from its secret driver). */
class SecretDriverTest {
    static final String VOLUME = "<secret ephemeral='no' private='yes'><description>my volume</description>"
            + "<uuid>0a81f5b2-8403-7b23-c8d6-21ccc2f80d6f</uuid>"
            + "<usage type='volume'><volume>/var/lib/libvirt/images/a.img</volume></usage></secret>";
    static final UUID VOLUME_UUID = UUID.fromString("0a81f5b2-8403-7b23-c8d6-21ccc2f80d6f");

    @TempDir
    Path dir;
    SecretHost host;
    Connection c;

    @BeforeEach
    void open() throws VirtException {
        host = new SecretHost(dir);
        c = host.open();
    }

    @Test
    void defineLookupListDumpxml() throws VirtException {
        Secret s = c.defineSecret(VOLUME, 0);
        assertEquals(VOLUME_UUID, s.uuid());
        assertEquals(SecretUsageType.VOLUME, s.usageType());
        assertEquals("/var/lib/libvirt/images/a.img", s.usageId());
        Secret ceph = c.defineSecret("<secret ephemeral='yes'><usage type='ceph'><name>client.admin secret</name></usage></secret>", 0);
        assertEquals(2, c.numOfSecrets());
        assertEquals(ceph.uuid(), c.lookupSecretByUsage(SecretUsageType.CEPH, "client.admin secret").uuid());
        assertEquals(VOLUME_UUID, c.lookupSecretByUuid(VOLUME_UUID).uuid());
        assertEquals(List.of(VOLUME_UUID), uuids(c.listAllSecrets(SecretListFlag.PRIVATE.bit())));
        assertEquals(List.of(ceph.uuid()), uuids(c.listAllSecrets(SecretListFlag.EPHEMERAL.bit())));
        assertEquals(List.of(VOLUME_UUID), uuids(c.listAllSecrets(SecretListFlag.NO_EPHEMERAL.bit())));
        assertEquals(List.of(), uuids(c.listAllSecrets(SecretListFlag.NO_PRIVATE.bit() | SecretListFlag.NO_EPHEMERAL.bit())));
        assertEquals("<secret ephemeral='no' private='yes'>\n  <uuid>0a81f5b2-8403-7b23-c8d6-21ccc2f80d6f</uuid>\n"
                + "  <description>my volume</description>\n  <usage type='volume'>\n"
                + "    <volume>/var/lib/libvirt/images/a.img</volume>\n  </usage>\n</secret>\n", s.xmlDesc(0));
        fails(ErrorCode.NO_SECRET, "Secret not found: no secret with matching usage 'nope'",
                () -> c.lookupSecretByUsage(SecretUsageType.CEPH, "nope"));
        fails(ErrorCode.NO_SECRET, "Secret not found: no secret with matching usage 'nope'",
                () -> c.lookupSecretByUsage(SecretUsageType.NONE, "nope"));
        fails(ErrorCode.NO_SECRET, "Secret not found: no secret with matching uuid '99999999-2222-3333-4444-555555555555'",
                () -> c.lookupSecretByUuid(UUID.fromString("99999999-2222-3333-4444-555555555555")));
        fails(ErrorCode.INVALID_ARG, "unsupported flags (0x40) in function secretConnectListAllSecrets",
                () -> c.listAllSecrets(64));
        fails(ErrorCode.INVALID_ARG, "unsupported flags (0x1) in function secretGetXMLDesc", () -> s.xmlDesc(1));
    }

    @Test
    void redefineRulesAsLibvirt() throws VirtException {
        c.defineSecret(VOLUME, 0);
        Secret noUsage = c.defineSecret("<secret><uuid>fd0fc9f3-957a-4bec-9c1e-29201537a87e</uuid></secret>", 0);
        Secret ceph = c.defineSecret("<secret><usage type='ceph'><name>client.admin secret</name></usage></secret>", 0);
        fails(ErrorCode.INTERNAL_ERROR, "internal error: a secret with UUID 0a81f5b2-8403-7b23-c8d6-21ccc2f80d6f already"
                + " defined for use with /var/lib/libvirt/images/a.img",
                () -> c.defineSecret("<secret><uuid>1a81f5b2-8403-7b23-c8d6-21ccc2f80d6f</uuid>"
                        + "<usage type='volume'><volume>/var/lib/libvirt/images/a.img</volume></usage></secret>", 0));
        fails(ErrorCode.INTERNAL_ERROR, "internal error: a secret with UUID 0a81f5b2-8403-7b23-c8d6-21ccc2f80d6f is"
                + " already defined for use with /var/lib/libvirt/images/a.img",
                () -> c.defineSecret("<secret><uuid>0a81f5b2-8403-7b23-c8d6-21ccc2f80d6f</uuid>"
                        + "<usage type='ceph'><name>x</name></usage></secret>", 0));
        fails(ErrorCode.INTERNAL_ERROR, "internal error: a secret with UUID fd0fc9f3-957a-4bec-9c1e-29201537a87e is"
                + " already defined for use with (null)",
                () -> c.defineSecret("<secret><uuid>fd0fc9f3-957a-4bec-9c1e-29201537a87e</uuid>"
                        + "<usage type='ceph'><name>new</name></usage></secret>", 0));
        fails(ErrorCode.INTERNAL_ERROR, "internal error: a secret with UUID " + ceph.uuid() + " is already defined"
                + " for use with client.admin secret",
                () -> c.defineSecret("<secret><uuid>" + ceph.uuid() + "</uuid></secret>", 0));
        fails(ErrorCode.INTERNAL_ERROR, "internal error: cannot change private flag on existing secret",
                () -> c.defineSecret(VOLUME.replace("private='yes'", "private='no'"), 0));
        // same usage, new description and ephemeral: allowed, as in libvirt
        c.defineSecret(VOLUME.replace("my volume", "changed").replace("ephemeral='no'", "ephemeral='yes'"), 0);
        assertEquals(true, c.lookupSecretByUuid(VOLUME_UUID).xmlDesc(0).contains("changed"));
        assertEquals(3, c.numOfSecrets());
        assertEquals(noUsage.uuid(), c.lookupSecretByUuid(noUsage.uuid()).uuid());
    }

    @Test
    void valuesAndPrivacy() throws VirtException {
        Secret priv = c.defineSecret(VOLUME, 0);
        Secret pub = c.defineSecret("<secret><usage type='tls'><name>t</name></usage></secret>", 0);
        fails(ErrorCode.NO_SECRET, "Secret not found: secret '" + pub.uuid() + "' does not have a value", () -> pub.value(0));
        pub.setValue(new byte[] {0, 1, 'a'}, 0);
        assertArrayEquals(new byte[] {0, 1, 'a'}, pub.value(0));
        priv.setValue("secret".getBytes(), 0);
        fails(ErrorCode.INVALID_SECRET, "Invalid secret: secret is private", () -> priv.value(0));
        fails(ErrorCode.INVALID_ARG, "unsupported flags (0x1) in function secretGetValue", () -> pub.value(1));
        fails(ErrorCode.INVALID_ARG, "value in virSecretSetValue must not be NULL", () -> pub.setValue(null, 0));
        Connection ro = host.openReadOnly();
        Secret roPub = ro.lookupSecretByUuid(pub.uuid());
        fails(ErrorCode.OPERATION_DENIED, "operation forbidden: read only access prevents virSecretGetValue", () -> roPub.value(0));
        fails(ErrorCode.OPERATION_DENIED, "operation forbidden: read only access prevents virSecretSetValue",
                () -> roPub.setValue(new byte[1], 0));
        fails(ErrorCode.OPERATION_DENIED, "operation forbidden: read only access prevents virSecretUndefine", roPub::undefine);
        fails(ErrorCode.OPERATION_DENIED, "operation forbidden: read only access prevents virSecretDefineXML",
                () -> ro.defineSecret("<secret/>", 0));
        assertEquals(2, ro.listAllSecrets(0).size());
        pub.undefine();
        fails(ErrorCode.NO_SECRET, "Secret not found: no secret with matching uuid '" + pub.uuid() + "'", () -> pub.value(0));
        assertEquals(1, c.numOfSecrets());
    }

    @Test
    void events() throws Exception {
        BlockingQueue<SecretEvent> got = new LinkedBlockingQueue<>();
        int id = c.addSecretEventListener((s, e) -> got.add(e));
        Secret s = c.defineSecret(VOLUME, 0);
        s.setValue(new byte[] {1}, 0);
        s.undefine();
        assertEquals(SecretEventType.DEFINED, next(got).type());
        SecretEvent changed = next(got);
        assertEquals(SecretEventType.VALUE_CHANGED, changed.type());
        assertEquals("/var/lib/libvirt/images/a.img", changed.usageId());
        assertEquals(SecretEventType.UNDEFINED, next(got).type());
        c.removeSecretEventListener(id);
        c.defineSecret(VOLUME, 0);
        assertEquals(null, got.poll(200, TimeUnit.MILLISECONDS));
        fails(ErrorCode.INVALID_ARG, "invalid argument: could not find event callback " + id + " for deletion",
                () -> c.removeSecretEventListener(id));
    }

    private static SecretEvent next(BlockingQueue<SecretEvent> q) throws InterruptedException {
        SecretEvent e = q.poll(5, TimeUnit.SECONDS);
        if (e == null) {
            throw new AssertionError("no event");
        }
        return e;
    }

    static List<UUID> uuids(List<Secret> secrets) {
        return secrets.stream().map(Secret::uuid).sorted().toList();
    }

    static void fails(ErrorCode code, String message, Executable r) {
        VirtException e = assertThrows(VirtException.class, r);
        assertEquals(code, e.code(), e.getMessage());
        assertEquals(ErrorDomain.SECRET, e.domain(), e.getMessage());
        assertEquals(message, e.getMessage());
    }
}
