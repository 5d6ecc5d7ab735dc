package org.jvirt.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.jvirt.api.ConnectAuth;
import org.jvirt.api.ConnectUri;
import org.jvirt.api.Connection;
import org.jvirt.api.CredentialRequest;
import org.jvirt.api.CredentialType;
import org.jvirt.api.VirtException;
import org.jvirt.api.spi.DriverConnection;
import org.jvirt.api.spi.HypervisorDriver;

/** {@code virConnectOpenAuth}: the caller's callback reaches the driver, on the first open and on a reopen. */
class OpenAuthTest {
    private final FakeHost host = new FakeHost();
    private final CoreConnectionFactory core = new CoreConnectionFactory(Duration.ofSeconds(1));
    private final ConnectAuth auth = new ConnectAuth() {
        @Override
        public List<CredentialType> types() {
            return List.of(CredentialType.PASSPHRASE);
        }

        @Override
        public List<String> answer(List<CredentialRequest> requests) {
            return List.of("secret");
        }
    };

    /** A fake driver that records the callback of each open. */
    private final class Recording implements HypervisorDriver {
        final List<ConnectAuth> seen = new ArrayList<>();
        final FakeDriver fake;

        Recording(String name) {
            fake = new FakeDriver(name, 0, host);
        }

        @Override
        public String name() {
            return fake.name();
        }

        @Override
        public Optional<DriverConnection> open(ConnectUri uri, int flags) throws VirtException {
            return open(uri, null, flags);
        }

        @Override
        public Optional<DriverConnection> open(ConnectUri uri, ConnectAuth a, int flags) throws VirtException {
            seen.add(a);
            return fake.open(uri, flags);
        }
    }

    @Test
    void theCallbackReachesTheDriverAndStaysForAReopen() throws VirtException {
        Recording first = new Recording("First");
        core.addDriver(first, FakeDriver.props(0, "test"));
        try (Connection c = core.open("test:///default", auth, 0)) {
            assertEquals(List.of(auth), first.seen);
            Recording second = new Recording("Second");
            core.addDriver(second, FakeDriver.props(0, "test"));
            core.removeDriver(first);
            assertEquals("Second", c.type());
            assertSame(auth, second.seen.get(0));
        }
        try (Connection c = core.open("test:///default", 0)) {
            assertEquals(1, first.seen.size());
        }
    }

    @Test
    void withoutACallbackTheDriverGetsNull() throws VirtException {
        Recording only = new Recording("Only");
        core.addDriver(only, FakeDriver.props(0, "test"));
        try (Connection c = core.open("test:///default", 0)) {
            assertEquals(1, only.seen.size());
            assertEquals(null, only.seen.get(0));
        }
    }
}
