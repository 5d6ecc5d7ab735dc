package org.jvirt.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.jvirt.api.Connection;
import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.SecretUsageType;
import org.jvirt.api.VirtException;
import org.jvirt.api.spi.SecretDriver;
import org.jvirt.api.spi.SecretDriverConnection;
import org.jvirt.api.spi.SecretRef;

/** Where a connection's secret calls go: the shared secret driver, a replacement of it, or nowhere. */
class SecretRoutingTest {
    private final CoreConnectionFactory core = new CoreConnectionFactory(Duration.ofSeconds(1));

    /** A secret driver that knows one secret per instance and counts the connections it opened. */
    private static final class OneSecret implements SecretDriver {
        final UUID uuid = UUID.randomUUID();
        final List<Integer> opened = new ArrayList<>();
        int closed;

        @Override
        public SecretDriverConnection open(int flags) {
            opened.add(flags);
            return new SecretDriverConnection() {
                @Override
                public List<SecretRef> listAllSecrets(int f) {
                    return List.of(new SecretRef(uuid, SecretUsageType.TLS, "t"));
                }

                @Override
                public SecretRef lookupByUuid(UUID u) throws VirtException {
                    if (!u.equals(uuid)) {
                        throw new VirtException(ErrorCode.NO_SECRET, ErrorDomain.SECRET, "no secret with matching uuid '" + u + "'");
                    }
                    return listAllSecrets(0).get(0);
                }

                @Override
                public SecretRef lookupByUsage(SecretUsageType t, String id) {
                    return listAllSecrets(0).get(0);
                }

                @Override
                public SecretRef defineXml(String xml, int f) {
                    return listAllSecrets(0).get(0);
                }

                @Override
                public String xmlDesc(SecretRef s, int f) {
                    return "<secret/>";
                }

                @Override
                public void setValue(SecretRef s, byte[] v, int f) {
                }

                @Override
                public byte[] value(SecretRef s, int f, boolean internal) {
                    return new byte[] {internal ? (byte) 1 : 0};
                }

                @Override
                public void undefine(SecretRef s) {
                }

                @Override
                public void close() {
                    closed++;
                }
            };
        }
    }

    @Test
    void sharedDriverReplacedAndGone() throws VirtException {
        FakeDriver qemu = new FakeDriver("QEMU", 0, new FakeHost());
        core.addDriver(qemu, FakeDriver.props(0, "qemu"));
        try (Connection c = core.open("qemu:///system", 1)) {
            VirtException none = assertThrows(VirtException.class, () -> c.numOfSecrets());
            assertEquals(ErrorCode.NO_SUPPORT, none.code());
            assertEquals(ErrorDomain.SECRET, none.domain());
            assertEquals("this function is not supported by the connection driver: virConnectNumOfSecrets", none.getMessage());

            OneSecret first = new OneSecret();
            core.bindSecretDriver(first);
            assertEquals(first.uuid, c.listAllSecrets(0).get(0).uuid());
            assertEquals(first.uuid, c.lookupSecretByUuid(first.uuid).uuid());
            assertEquals(List.of(1), first.opened); // one connection, opened read-only as the caller's
            VirtException ro = assertThrows(VirtException.class, () -> c.lookupSecretByUuid(first.uuid).value(0));
            assertEquals(ErrorCode.OPERATION_DENIED, ro.code());
            assertEquals("operation forbidden: read only access prevents virSecretGetValue", ro.getMessage());
            try (Connection rw = core.open("qemu:///system", 0)) {
                // the public API never asks for the value as the hypervisor would
                assertEquals(0, rw.lookupSecretByUuid(first.uuid).value(0)[0]);
            }

            OneSecret second = new OneSecret();
            core.bindSecretDriver(second);
            core.unbindSecretDriver(first);
            assertEquals(second.uuid, c.listAllSecrets(0).get(0).uuid());
            assertEquals(2, first.closed); // the read-write connection's on close, the read-only one's on the switch

            core.unbindSecretDriver(second);
            assertEquals(ErrorCode.NO_SUPPORT, assertThrows(VirtException.class, () -> c.listAllSecrets(0)).code());
        }
    }
}
