package org.jvirt.rpc.internal.client;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

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
import org.jvirt.api.spi.HostDirectories;
import org.jvirt.core.internal.CoreConnectionFactory;
import org.jvirt.rpc.internal.testkit.Hosts;
import org.jvirt.rpc.internal.testkit.Jvirtd;

/** jvirt's Java secret API through the remote driver against jvirtd's secret procedures and events. */
class RemoteSecretsTest {
    @TempDir
    Path dir;

    @Test
    void secretsOfTheRemoteDaemon() throws Exception {
        CoreConnectionFactory client = CoreConnectionFactory.forDriver(new RemoteDriver(RemoteSettings.defaults()), "remote");
        try (Jvirtd jvirtd = new Jvirtd(Hosts.withSecrets(dir.resolve("state"), dir.resolve("key")));
             Connection c = client.open("secret+unix:///" + (HostDirectories.isRoot() ? "system" : "session")
                     + "?socket=" + jvirtd.rw, 0)) {
            BlockingQueue<SecretEvent> events = new LinkedBlockingQueue<>();
            int cb = c.addSecretEventListener((s, e) -> events.add(e));
            Secret priv = c.defineSecret("<secret private='yes'><usage type='iscsi'><target>t1</target></usage></secret>", 0);
            Secret pub = c.defineSecret("<secret ephemeral='yes'><usage type='ceph'><name>c1</name></usage></secret>", 0);
            assertEquals(SecretUsageType.ISCSI, priv.usageType());
            assertEquals("t1", priv.usageId());
            assertEquals(2, c.numOfSecrets());
            assertEquals(List.of(pub.uuid()), c.listAllSecrets(SecretListFlag.EPHEMERAL.bit()).stream().map(Secret::uuid).toList());
            assertEquals(pub.uuid(), c.lookupSecretByUsage(SecretUsageType.CEPH, "c1").uuid());
            pub.setValue(new byte[] {0, 7, 42}, 0);
            assertArrayEquals(new byte[] {0, 7, 42}, pub.value(0));
            priv.setValue(new byte[] {1}, 0);
            VirtException e = assertThrows(VirtException.class, () -> priv.value(0));
            assertEquals(ErrorCode.INVALID_SECRET, e.code());
            assertEquals(ErrorDomain.SECRET, e.domain());
            assertEquals("Invalid secret: secret is private", e.getMessage());
            e = assertThrows(VirtException.class, () -> pub.setValue(new byte[70000], 0));
            assertEquals("value length greater than maximum: 70000 > 65536", e.getMessage());
            assertEquals(true, pub.xmlDesc(0).contains("<name>c1</name>"));
            pub.undefine();
            e = assertThrows(VirtException.class, () -> c.lookupSecretByUuid(pub.uuid()));
            assertEquals(ErrorCode.NO_SECRET, e.code());
            assertEquals(List.of(SecretEventType.DEFINED, SecretEventType.DEFINED, SecretEventType.VALUE_CHANGED,
                    SecretEventType.VALUE_CHANGED, SecretEventType.UNDEFINED), take(events, 5));
            c.removeSecretEventListener(cb);
            priv.undefine();
            assertEquals(null, events.poll(300, TimeUnit.MILLISECONDS));
            assertEquals(0, c.numOfSecrets());
        }
    }

    @Test
    void theRemoteTestDriverHasNone() throws Exception {
        CoreConnectionFactory client = CoreConnectionFactory.forDriver(new RemoteDriver(RemoteSettings.defaults()), "remote");
        try (Jvirtd jvirtd = new Jvirtd(Hosts.withSecrets(dir.resolve("state"), dir.resolve("key")));
             Connection c = client.open(jvirtd.unixUri(), 0)) {
            VirtException e = assertThrows(VirtException.class, () -> c.lookupSecretByUuid(UUID.randomUUID()));
            assertEquals(ErrorCode.NO_SUPPORT, e.code());
            assertEquals(ErrorDomain.SECRET, e.domain());
            assertEquals("this function is not supported by the connection driver: virSecretLookupByUUID", e.getMessage());
        }
    }

    private static List<SecretEventType> take(BlockingQueue<SecretEvent> q, int n) throws InterruptedException {
        List<SecretEventType> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            SecretEvent e = q.poll(5, TimeUnit.SECONDS);
            if (e == null) {
                break;
            }
            out.add(e.type());
        }
        return out;
    }
}
