package org.jvirt.rpc.internal.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.VirtException;
import org.jvirt.api.spi.HypervisorDriver;
import org.jvirt.core.internal.CoreConnectionFactory;
import org.jvirt.core.store.FileStateStore;
import org.jvirt.driver.test.internal.TestDriver;
import org.jvirt.xml.internal.DomainXmlCodecImpl;

/**
 * A call the core went away during is repeated on the replacement core only when it changes
 * nothing (issue 8): a state change may already have happened, so it is never sent twice.
 */
class SessionRepeatTest {

    private static CoreConnectionFactory core(Path state) throws VirtException {
        CoreConnectionFactory c = new CoreConnectionFactory(Duration.ofSeconds(2));
        c.addDriver(new TestDriver(new FileStateStore(state), new DomainXmlCodecImpl()),
                Map.of(HypervisorDriver.SCHEMES, "test"));
        return c;
    }

    /** An attempt that replaces the core during its first run and then fails, as a cut-off call does. */
    private static int run(SessionConnection session, CoreLink link, CoreConnectionFactory first,
                           CoreConnectionFactory second, boolean repeatable, AtomicInteger runs) throws Exception {
        return session.call("virDomainCreate", repeatable, () -> {
            if (runs.incrementAndGet() == 1) {
                link.unbind(first);
                link.bind(second);
                throw new VirtException(ErrorCode.INVALID_CONN, ErrorDomain.NONE, "core stopped");
            }
            return runs.get();
        });
    }

    @Test
    void aStateChangeIsNotSentAgainToTheReplacementCore(@TempDir Path dir) throws Exception {
        CoreConnectionFactory first = core(dir.resolve("state"));
        CoreLink link = new CoreLink(Duration.ofSeconds(5));
        link.bind(first);
        SessionConnection session = SessionConnection.open(link, "test:///default", 0);
        AtomicInteger runs = new AtomicInteger();
        VirtException e = assertThrows(VirtException.class,
                () -> run(session, link, first, core(dir.resolve("state")), false, runs));
        assertEquals(1, runs.get(), "the state change ran once");
        assertEquals(ErrorCode.OPERATION_FAILED, e.code());
        assertTrue(e.getMessage().contains("replaced during virDomainCreate; the outcome is unknown"), e.getMessage());
    }

    @Test
    void aReadIsRepeatedOnTheReplacementCore(@TempDir Path dir) throws Exception {
        CoreConnectionFactory first = core(dir.resolve("state"));
        CoreLink link = new CoreLink(Duration.ofSeconds(5));
        link.bind(first);
        SessionConnection session = SessionConnection.open(link, "test:///default", 0);
        AtomicInteger runs = new AtomicInteger();
        assertEquals(2, run(session, link, first, core(dir.resolve("state")), true, runs));
        assertEquals(2, runs.get(), "the read ran again on the new core");
    }
}
