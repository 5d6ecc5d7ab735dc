package org.jvirt.rpc.internal.testkit;

import java.io.IOException;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.jvirt.api.ConnectionFactory;
import org.jvirt.api.spi.HypervisorDriver;
import org.jvirt.core.internal.CoreConnectionFactory;
import org.jvirt.core.store.FileStateStore;
import org.jvirt.driver.lxc.internal.LxcConfig;
import org.jvirt.driver.lxc.internal.LxcDriver;
import org.jvirt.driver.lxc.internal.LxcfsCleanup;
import org.jvirt.xml.internal.DomainXmlCodecImpl;

/**
 * The core around the real LXC driver ({@code lxc:///system}), its state store, lxc path and logs
 * under one folder. Deactivating it leaves containers running, so tests stop what they start.
 */
public final class LxcHosts implements AutoCloseable {
    private static final Path BUSYBOX = Path.of("/bin/busybox");

    public final Path dir;
    public final ConnectionFactory factory;
    private final CoreConnectionFactory core;
    private final LxcDriver driver;

    public LxcHosts(Path dir) {
        this.dir = dir;
        driver = new LxcDriver(new DomainXmlCodecImpl(), new FileStateStore(dir.resolve("state")));
        driver.activate(config(dir), null);
        core = new CoreConnectionFactory(Duration.ofSeconds(2));
        core.addDriver(driver, Map.of(HypervisorDriver.SCHEMES, new String[] {"lxc"}));
        factory = core;
    }

    /** Root, liblxc's tools and busybox-static: what a container needs here. */
    public static boolean canRunContainers() {
        return "root".equals(System.getProperty("user.name")) && Proc.available("lxc-start")
                && Proc.available("script") && Files.isExecutable(BUSYBOX);
    }

    /** A busybox root folder: {@code /bin/busybox} and its applets installed as links to it. */
    public static Path busyboxRoot(Path root) throws IOException, InterruptedException {
        Path bin = Files.createDirectories(root.resolve("bin"));
        for (String d : List.of("proc", "sys", "dev", "tmp", "sbin", "usr/bin", "usr/sbin")) {
            Files.createDirectories(root.resolve(d));
        }
        Files.copy(BUSYBOX, bin.resolve("busybox"), StandardCopyOption.REPLACE_EXISTING);
        // chroot so that the links point at /bin/busybox of the new root
        Proc.Result r = Proc.run(List.of("chroot", root.toString(), "/bin/busybox", "--install", "-s"), Map.of(), 30);
        if (r.exit() != 0) {
            throw new IOException("busybox --install: " + r);
        }
        return root;
    }

    /** The driver's defaults, with its lxc path and logs under {@code dir}. */
    private static LxcConfig config(Path dir) {
        return (LxcConfig) Proxy.newProxyInstance(LxcConfig.class.getClassLoader(), new Class<?>[] {LxcConfig.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "run_dir" -> dir.resolve("run").toString();
                    case "log_dir" -> dir.resolve("log").toString();
                    case "annotationType" -> LxcConfig.class;
                    default -> method.getDefaultValue();
                });
    }

    @Override
    public void close() throws InterruptedException {
        core.removeDriver(driver);
        driver.deactivate();
        LxcfsCleanup.stop(dir);   // the lxcfs the driver started for the containers' /proc/meminfo
    }
}
