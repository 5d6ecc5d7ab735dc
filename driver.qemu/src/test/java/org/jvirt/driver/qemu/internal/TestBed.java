package org.jvirt.driver.qemu.internal;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.lang.annotation.Annotation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import org.jvirt.api.DomainEvent;
import org.jvirt.driver.qemu.internal.cgroup.CgroupMounts;
import org.jvirt.driver.qemu.internal.domain.QemuDomainObj;
import org.jvirt.api.ConnectUri;
import org.jvirt.api.VirtException;
import org.jvirt.api.spi.DomainEventSink;
import org.jvirt.api.spi.DomainRef;
import org.jvirt.api.spi.NetworkDriver;
import org.jvirt.api.spi.DriverConnection;
import org.jvirt.core.store.FileStateStore;
import org.jvirt.driver.qemu.internal.process.QemuProcesses;
import org.jvirt.driver.qemu.internal.vcpu.DefaultVcpuThreadResolver;
import org.jvirt.xml.internal.DomainXmlCodecImpl;

/**
 * A QEMU driver outside OSGi over temporary folders, with the real codec, state store and
 * default resolver. Remembers every guest pid it saw and kills them all in {@link #close()}.
 */
final class TestBed implements AutoCloseable {
    static final Path QEMU = Path.of("/usr/bin/qemu-system-x86_64");

    final Path dir;
    final FileStateStore store;
    final Set<Long> pids = ConcurrentHashMap.newKeySet();
    final List<QemuDriver> drivers = new ArrayList<>();
    final BlockingQueue<DomainEvent> events = new LinkedBlockingQueue<>();
    /** The domains of the reboot events, in order. */
    final BlockingQueue<DomainRef> reboots = new LinkedBlockingQueue<>();
    /** The device-removed events, as {@code <domain name> <alias>}, in order. */
    final BlockingQueue<String> removals = new LinkedBlockingQueue<>();
    QemuDriver driver;
    DriverConnection conn;
    /** Set before {@link #newDriver()}: the driver's command prefix (a test's network namespace). */
    List<String> commandPrefix = List.of();
    /** Set before {@link #newDriver()}: the network driver bound to the QEMU driver, or null. */
    NetworkDriver networkDriver;
    /** Set before {@link #newDriver()}: the cgroup hierarchies the driver uses, null for the host's. */
    Supplier<CgroupMounts> cgroupMounts;

    private final StartObserver startObserver;
    private final String user;
    private final String group;

    TestBed(Path dir) throws VirtException {
        this(dir, StartObserver.NONE);
    }

    /** A bed whose drivers tell {@code startObserver} of each step of a guest start. */
    TestBed(Path dir, StartObserver startObserver) throws VirtException {
        this(dir, startObserver, "root", "root");
    }

    /** A bed whose guests run as {@code user} and {@code group} (qemu.conf's user and group). */
    TestBed(Path dir, StartObserver startObserver, String user, String group) throws VirtException {
        this.user = user;
        this.group = group;
        this.dir = dir;
        this.store = new FileStateStore(dir.resolve("state"));
        this.startObserver = startObserver;
        newDriver();
    }

    /** Deactivates the current driver (guests keep running) and activates a fresh one. */
    QemuDriver newDriver() throws VirtException {
        stopDriver();
        driver = new QemuDriver(new DomainXmlCodecImpl(), store);
        driver.bindResolver(new DefaultVcpuThreadResolver(), Map.of("service.ranking", 0, "service.id", 1L));
        driver.observeStarts(startObserver);
        if (cgroupMounts != null) {
            driver.useCgroupMounts(cgroupMounts);
        }
        if (networkDriver != null) {
            driver.bindNetworkDriver(networkDriver);
        }
        driver.activate(config(), null);
        drivers.add(driver);
        conn = driver.open(ConnectUri.parse("qemu:///system"), 0).orElseThrow();
        conn.setEventSink(new DomainEventSink() {
            @Override
            public void accept(DomainEvent event) {
                events.add(event);
            }

            @Override
            public void reboot(DomainRef dom) {
                reboots.add(dom);
            }

            @Override
            public void deviceRemoved(DomainRef dom, String alias) {
                removals.add(dom.name() + " " + alias);
            }
        });
        return driver;
    }

    /**
     * Deactivates the current driver without a replacement (guests keep running, no driver
     * watches them) until {@link #newDriver()}.
     */
    void stopDriver() {
        if (driver != null) {
            conn.close();
            driver.deactivate();
            driver = null;
            conn = null;
        }
    }

    QemuConfig config() {
        return config(dir, user, group, commandPrefix);
    }

    /** The driver's configuration over {@code dir}: its run and log folders, short timeouts. */
    static QemuConfig config(Path dir) {
        return config(dir, "root", "root");
    }

    /** The configuration over {@code dir} with guests run as {@code user} and {@code group}. */
    static QemuConfig config(Path dir, String user, String group) {
        return config(dir, user, group, List.of());
    }

    /** The configuration over {@code dir} with host commands and QEMU run behind {@code prefix}. */
    static QemuConfig config(Path dir, String user, String group, List<String> prefix) {
        return new QemuConfig() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return QemuConfig.class;
            }

            @Override
            public String[] emulator_search_path() {
                return new String[] {QEMU.getParent().toString()};
            }

            @Override
            public String state_dir() {
                return dir.resolve("run").toString();
            }

            @Override
            public String log_dir() {
                return dir.resolve("log").toString();
            }

            @Override
            public String save_dir() {
                return dir.resolve("save").toString();
            }

            @Override
            public String cpu_map_dir() {
                return "/usr/share/libvirt/cpu_map";
            }

            @Override
            public String machine_default() {
                return "pc";
            }

            @Override
            public long destroy_timeout_ms() {
                return 2000;
            }

            @Override
            public long monitor_timeout_ms() {
                return 10000;
            }

            @Override
            public long command_timeout_ms() {
                return 10000;
            }

            @Override
            public int max_message_bytes() {
                return 1 << 20;
            }

            @Override
            public long init_wait_ms() {
                return 60_000;
            }

            // guests run as root unless a test asks (qemu.conf user = "root"): the temporary
            // folders are the test's own (mode 0700); QemuDacTest runs them as the default user
            @Override
            public String user() {
                return user;
            }

            @Override
            public String group() {
                return group;
            }

            @Override
            public boolean dynamic_ownership() {
                return true;
            }

            @Override
            public boolean remember_owner() {
                return true;
            }

            @Override
            public String[] command_prefix() {
                return prefix.toArray(String[]::new);
            }
        };
    }

    static String xml(String name, UUID uuid, int vcpus, String extra) {
        return "<domain type='qemu'>\n  <name>" + name + "</name>\n  <uuid>" + uuid + "</uuid>\n"
                + "  <memory unit='KiB'>65536</memory>\n  <vcpu placement='static'>" + vcpus + "</vcpu>\n"
                + "  <os>\n    <type arch='x86_64' machine='pc'>hvm</type>\n  </os>\n" + extra
                + "  <devices>\n    <emulator>" + QEMU + "</emulator>\n  </devices>\n</domain>\n";
    }

    /** The current driver's qemu:///system host. */
    QemuHost host() {
        return driver.hosts().get(0);
    }

    /** The pid of a running domain, remembered for cleanup. */
    long pid(DomainRef ref) {
        QemuDomainObj d = driver.hosts().get(0).byUuid(ref.uuid());
        long pid = d.pid();
        if (pid > 0) {
            pids.add(pid);
        }
        return pid;
    }

    DomainEvent nextEvent() throws InterruptedException {
        return events.poll(10, TimeUnit.SECONDS);
    }

    @Override
    public void close() {
        for (QemuDriver d : drivers) {
            for (QemuHost h : d.hosts()) {
                for (QemuDomainObj dom : h.all()) {
                    if (dom.pid() > 0) {
                        pids.add(dom.pid());
                    }
                }
            }
        }
        for (long pid : pids) {
            QemuProcesses.terminate(pid, Duration.ofSeconds(3), Duration.ofSeconds(3));
        }
        if (driver != null) {
            conn.close();
            driver.deactivate();
        }
    }

    /**
     * Closes the bed and asserts that every guest pid it saw is gone: the tear-down of the tests
     * that drive real guests.
     */
    void closeAndAssertNoGuestLeft() {
        close();
        for (long pid : pids) {
            assertFalse(QemuProcesses.isAlive(pid), "pid " + pid + " left running");
        }
    }

    /** A bed over {@code dir}; skips the calling test when QEMU is not installed. */
    static TestBed openIfQemuInstalled(Path dir) throws VirtException {
        assumeTrue(qemuInstalled(), "qemu-system-x86_64 not installed");
        return new TestBed(dir);
    }

    /**
     * A bed over a new temporary folder named {@code prefix...}; skips the calling test when QEMU
     * is not installed. Pair with {@link #closeAndDeleteDir()}.
     */
    static TestBed openInTempDirIfQemuInstalled(String prefix) throws IOException, VirtException {
        assumeTrue(qemuInstalled(), "qemu-system-x86_64 not installed");
        return new TestBed(Files.createTempDirectory(prefix));
    }

    /** Closes the bed and deletes its folder. */
    void closeAndDeleteDir() throws IOException {
        close();
        try (var paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    static boolean qemuInstalled() {
        return Files.isExecutable(QEMU);
    }
}
