package org.jvirt.rpc.internal.testkit;

import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.jvirt.api.ConnectionFactory;
import org.jvirt.api.spi.HypervisorDriver;
import org.jvirt.core.internal.CoreConnectionFactory;
import org.jvirt.core.store.FileStateStore;
import org.jvirt.driver.qemu.internal.QemuConfig;
import org.jvirt.driver.qemu.internal.QemuDriver;
import org.jvirt.driver.qemu.internal.vcpu.DefaultVcpuThreadResolver;
import org.jvirt.xml.internal.DomainXmlCodecImpl;

/**
 * The core around the real QEMU driver (qemu:///system and qemu:///session), every file of it
 * (state store, run, log and save folders) under one folder, emulators found on the PATH. Serves
 * definitions without starting guests; deactivating it leaves any guest running, so tests that
 * start guests must stop them.
 */
public final class QemuHosts implements AutoCloseable {
    public final Path dir;
    public final ConnectionFactory factory;
    private final CoreConnectionFactory core;
    private final QemuDriver driver;

    public QemuHosts(Path dir) {
        this(dir, Map.of("user", "root", "group", "root"));
    }

    /**
     * The driver over {@code dir} with some settings of its configuration replaced (by method
     * name: {@code user}, {@code group}, ...). The default constructor runs guests as root, since the
     * test folders are mode 0700; an empty map keeps the driver's defaults.
     */
    public QemuHosts(Path dir, Map<String, Object> settings) {
        this.dir = dir;
        driver = new QemuDriver(new DomainXmlCodecImpl(), new FileStateStore(dir.resolve("state")));
        driver.bindResolver(new DefaultVcpuThreadResolver(), Map.of("service.ranking", 0, "service.id", 1L));
        driver.activate(config(dir, settings), null);
        core = new CoreConnectionFactory(Duration.ofSeconds(2));
        core.addDriver(driver, Map.of(HypervisorDriver.SCHEMES, new String[] {"qemu"}));
        factory = core;
    }

    /** Whether an x86_64 QEMU is on the PATH. */
    public static boolean qemuInstalled() {
        for (String d : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (!d.isEmpty() && Files.isExecutable(Path.of(d, "qemu-system-x86_64"))) {
                return true;
            }
        }
        return false;
    }

    /** The driver's defaults, with its run and log folders under {@code dir}. */
    private static QemuConfig config(Path dir, Map<String, Object> settings) {
        return (QemuConfig) Proxy.newProxyInstance(QemuConfig.class.getClassLoader(), new Class<?>[] {QemuConfig.class},
                (proxy, method, args) -> settings.containsKey(method.getName()) ? settings.get(method.getName())
                        : switch (method.getName()) {
                            case "state_dir" -> dir.resolve("run").toString();
                            case "log_dir" -> dir.resolve("log").toString();
                            case "save_dir" -> dir.resolve("save").toString();
                            case "annotationType" -> QemuConfig.class;
                            default -> method.getDefaultValue();
                        });
    }

    @Override
    public void close() {
        core.removeDriver(driver);
        driver.deactivate();
    }
}
