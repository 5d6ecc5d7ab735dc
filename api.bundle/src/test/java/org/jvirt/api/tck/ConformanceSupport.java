package org.jvirt.api.tck;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.jvirt.api.Connection;
import org.jvirt.api.Domain;
import org.jvirt.api.DomainEvent;
import org.jvirt.api.DomainEventType;
import org.jvirt.api.ErrorCode;
import org.jvirt.api.VirtException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * What a driver under the {@link DriverConformanceSuite} provides, and the helpers the suite's
 * tests share: a connection per test, unique domain names, cleanup of every domain the test
 * made, error and event assertions.
 */
public abstract class ConformanceSupport {
    /** Every domain the suite makes has a name with this prefix; cleanup removes them all. */
    protected static final String PREFIX = "tck-";

    /** The connection of the running test, opened read-write. */
    protected Connection conn;

    /** Opens a new connection to the driver under test (through the core's facade). */
    protected abstract Connection openConnection(int flags) throws VirtException;

    /**
     * A minimal valid definition for this driver: the given name and UUID, 2 vCPUs, {@code memKiB}
     * of memory, no devices needed to start it.
     */
    protected abstract String domainXml(String name, UUID uuid, long memKiB);

    /** True when shutdown and reboot take effect before the call returns (no guest OS needed). */
    protected boolean shutdownIsImmediate() {
        return false;
    }

    /**
     * For a driver whose shutdown is not immediate: a definition (name, UUID) whose guest OS boots
     * and powers off on the ACPI power button, so shutdown and reboot can be tested for real. Null
     * (the default) when the driver gives none; the suite then fails that test rather than skip it.
     */
    protected String guestOsXml(String name, UUID uuid) throws Exception {
        return null;
    }

    /**
     * Waits until the guest OS of {@code d} (from {@link #guestOsXml}) has booted {@code times}
     * times since it started.
     */
    protected void awaitGuestBoot(Domain d, int times) throws Exception {
        throw new AssertionError("the driver gives a guest OS but cannot tell when it booted");
    }

    /**
     * The libvirt functions the driver declares it does not support (for example
     * {@code virDomainPinVcpuFlags}): each must fail with {@link ErrorCode#NO_SUPPORT}, and every
     * other one must not.
     */
    protected Set<String> unsupportedOperations() {
        return Set.of();
    }

    /** True unless the driver declares {@code function} unsupported. */
    protected boolean supports(String function) {
        return !unsupportedOperations().contains(function);
    }

    /**
     * True when a pinned vCPU reports its new CPU at once (simulated vCPUs). Real vCPU threads
     * report the CPU they last ran on, and an idle one may not have run since the pinning.
     */
    protected boolean vcpusRunAtOnce() {
        return true;
    }

    /** How long to wait for an event. */
    protected Duration eventTimeout() {
        return Duration.ofSeconds(5);
    }

    @BeforeEach
    void openTestConnection() throws VirtException {
        conn = openConnection(0);
    }

    @AfterEach
    void removeTestDomains() throws VirtException {
        try (Connection c = openConnection(0)) {
            for (Domain d : c.listAllDomains(0)) {
                if (d.name().startsWith(PREFIX)) {
                    quietly(() -> d.destroy(0));
                    quietly(() -> d.undefine(0));
                }
            }
        } finally {
            conn.close();
        }
    }

    /** A name no other test uses. */
    protected static String uniqueName() {
        return PREFIX + UUID.randomUUID().toString().substring(0, 8);
    }

    protected String domainXml(String name, UUID uuid) {
        return domainXml(name, uuid, 262144);
    }

    protected Domain defineNew() throws VirtException {
        return conn.defineXml(domainXml(uniqueName(), UUID.randomUUID()), 0);
    }

    protected Domain startNew() throws VirtException {
        Domain d = defineNew();
        d.create(0);
        return d;
    }

    @FunctionalInterface
    protected interface Call {
        void run() throws VirtException;
    }

    /** Asserts that {@code call} fails with one of {@code codes}; returns the error. */
    protected static VirtException expectError(Call call, ErrorCode... codes) {
        try {
            call.run();
        } catch (VirtException e) {
            assertTrue(List.of(codes).contains(e.code()),
                    "expected " + List.of(codes) + " but got " + e.code() + ": " + e.getMessage());
            assertNotNull(e.getMessage());
            return e;
        }
        return fail("expected an error " + List.of(codes));
    }

    protected static void quietly(Call call) {
        try {
            call.run();
        } catch (VirtException e) {
            // cleanup of a domain that is already gone or stopped
        }
    }

    protected static List<String> names(List<Domain> domains) {
        List<String> out = new ArrayList<>();
        for (Domain d : domains) {
            out.add(d.name());
        }
        return out;
    }

    /** Collects the lifecycle events of one domain. */
    protected final class EventRecorder {
        private final UUID uuid;
        private final BlockingQueue<DomainEvent> events = new LinkedBlockingQueue<>();
        private final List<String> mismatches = new ArrayList<>();

        EventRecorder(UUID uuid) {
            this.uuid = uuid;
        }

        void accept(Domain domain, DomainEvent event) {
            if (event.uuid().equals(uuid)) {
                if (!domain.uuid().equals(event.uuid()) || !domain.name().equals(event.name())) {
                    mismatches.add("domain " + domain.name() + " for event " + event);
                }
                events.add(event);
            }
        }

        /** Waits for the next event of the domain and checks its type and detail. */
        DomainEvent expect(DomainEventType type, int detail) throws InterruptedException {
            DomainEvent e = events.poll(eventTimeout().toMillis(), TimeUnit.MILLISECONDS);
            assertNotNull(e, "no " + type + " event within " + eventTimeout());
            if (e.type() != type || e.detail() != detail) {
                fail("expected " + type + "/" + type.detailLabel(detail) + " but got " + e.type() + "/"
                        + e.type().detailLabel(e.detail()));
            }
            assertTrue(mismatches.isEmpty(), mismatches.toString());
            return e;
        }

        /** Asserts that no further event arrives within {@code wait}. */
        void expectNone(Duration wait) throws InterruptedException {
            DomainEvent e = events.poll(wait.toMillis(), TimeUnit.MILLISECONDS);
            if (e != null) {
                fail("unexpected event " + e);
            }
        }
    }

    protected EventRecorder record(UUID uuid) {
        return new EventRecorder(uuid);
    }
}
