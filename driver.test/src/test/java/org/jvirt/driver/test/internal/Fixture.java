package org.jvirt.driver.test.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.function.UnaryOperator;

import org.jvirt.api.Connection;
import org.jvirt.api.VirtException;
import org.jvirt.api.spi.HypervisorDriver;
import org.jvirt.api.spi.StateStore;
import org.jvirt.api.xml.DomainXmlCodec;
import org.jvirt.core.internal.CoreConnectionFactory;
import org.jvirt.core.store.FileStateStore;
import org.jvirt.xml.internal.DomainXmlCodecImpl;

/**
 * The test driver as the platform runs it, without OSGi: the core's real connection factory and
 * file state store, the real domain XML codec.
 */
final class Fixture implements AutoCloseable {
    final Path stateDir;
    final StateStore store;
    final DomainXmlCodec codec;
    final CoreConnectionFactory core = new CoreConnectionFactory(Duration.ofSeconds(2));
    TestDriver driver;

    Fixture(Path stateDir) throws VirtException {
        this(stateDir, UnaryOperator.identity(), UnaryOperator.identity());
    }

    /** A fixture whose driver sees the store and the codec through the given wrappers (fault injection). */
    Fixture(Path stateDir, UnaryOperator<StateStore> storeWrapper, UnaryOperator<DomainXmlCodec> codecWrapper)
            throws VirtException {
        this.stateDir = stateDir;
        this.store = storeWrapper.apply(new FileStateStore(stateDir));
        this.codec = codecWrapper.apply(new DomainXmlCodecImpl());
        this.driver = newDriver();
        core.addDriver(driver, Map.of(HypervisorDriver.SCHEMES, new String[] {"test"}));
    }

    TestDriver newDriver() throws VirtException {
        return new TestDriver(store, codec);
    }

    /** Replaces the driver as a bundle update does: the old instance goes, a new one rebuilds. */
    void updateDriver() throws VirtException {
        core.removeDriver(driver);
        driver.deactivate();
        driver = newDriver();
        core.addDriver(driver, Map.of(HypervisorDriver.SCHEMES, new String[] {"test"}));
    }

    Connection open() throws VirtException {
        return core.open("test:///default", 0);
    }

    @Override
    public void close() {
        core.removeDriver(driver);
        driver.deactivate();
    }

    static String resource(String name) throws IOException {
        try (InputStream in = Fixture.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IOException("no test resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
