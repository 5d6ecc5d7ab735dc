package org.jvirt.driver.xen.internal;

import java.io.IOException;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.jvirt.api.ConnectUri;
import org.jvirt.api.DomainEvent;
import org.jvirt.api.VirtException;
import org.jvirt.api.spi.DomainEventSink;
import org.jvirt.api.spi.DomainRef;
import org.jvirt.api.spi.DriverConnection;
import org.jvirt.core.store.FileStateStore;
import org.jvirt.xml.internal.DomainXmlCodecImpl;

/**
 * A Xen driver outside OSGi: a faked control domain under {@code dir/root}, a file state store under
 * {@code dir/state}, and the given xl program. {@link #restart()} replaces the driver instance as an
 * update or a daemon restart does.
 */
final class XenTestBed implements AutoCloseable {
    private final Path dir;
    private final String xl;
    private final long pollMillis;
    private final FileStateStore store;
    private XenDriver driver;
    final List<DomainEvent> events = new CopyOnWriteArrayList<>();
    final List<DomainRef> reboots = new CopyOnWriteArrayList<>();

    XenTestBed(Path dir, String xl, long pollMillis) throws IOException {
        this.dir = dir;
        this.xl = xl;
        this.pollMillis = pollMillis;
        Files.createDirectories(dir.resolve("root/proc/xen"));
        Files.writeString(dir.resolve("root/proc/xen/capabilities"), "control_d\n");
        this.store = new FileStateStore(Files.createDirectories(dir.resolve("state")));
        start();
    }

    private void start() {
        driver = new XenDriver(new DomainXmlCodecImpl(), store, dir.resolve("root"));
        driver.activate(config(xl, pollMillis));
    }

    void restart() {
        driver.deactivate();
        start();
    }

    /** A connection whose events land in {@link #events} and {@link #reboots}. */
    DriverConnection open() throws VirtException {
        DriverConnection c = driver.open(ConnectUri.parse("xen:///system"), 0).orElseThrow();
        c.setEventSink(new DomainEventSink() {
            @Override
            public void accept(DomainEvent event) {
                events.add(event);
            }

            @Override
            public void reboot(DomainRef dom) {
                reboots.add(dom);
            }
        });
        return c;
    }

    XenDriver driver() {
        return driver;
    }

    Path stateDir() {
        return dir.resolve("state");
    }

    static XenConfig config(String xl, long pollMillis) {
        return (XenConfig) Proxy.newProxyInstance(XenConfig.class.getClassLoader(), new Class<?>[] {XenConfig.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "xl" -> xl;
                    case "timeout_seconds" -> 60;
                    case "poll_interval_ms" -> pollMillis;
                    case "annotationType" -> XenConfig.class;
                    default -> method.getDefaultValue();
                });
    }

    @Override
    public void close() {
        driver.deactivate();
    }
}
