package org.jvirt.storage.internal;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.jvirt.api.Connection;
import org.jvirt.api.VirtException;
import org.jvirt.api.spi.HypervisorDriver;
import org.jvirt.core.internal.CoreConnectionFactory;
import org.jvirt.core.store.FileStateStore;
import org.jvirt.storage.internal.backend.LvmCommands;
import org.jvirt.xml.internal.DomainXmlCodecImpl;

/** The real core with storage:///system and the storage driver on a state folder, without OSGi. */
final class StorageHost {
    final Path state;
    final CoreConnectionFactory core = new CoreConnectionFactory(Duration.ofSeconds(2));
    final StorageDriverComponent driver;
    /** Where the driver writes passphrase files for qemu-img. */
    final Path run;

    StorageHost(Path dir) throws VirtException {
        this(dir, new LvmCommands(""));
    }

    /** With the LVM tools of {@code lvm}. */
    StorageHost(Path dir, LvmCommands lvm) throws VirtException {
        this.state = dir.resolve("state");
        this.run = dir.resolve("run");
        this.driver = new StorageDriverComponent(new FileStateStore(state), new DomainXmlCodecImpl(), "qemu-img", run, lvm);
        core.addDriver(new StorageHypervisorDriver(true), Map.of(HypervisorDriver.SCHEMES, new String[] {"storage"}));
        core.bindStorageDriver(driver);
    }

    Connection open() throws VirtException {
        return core.open("storage:///system", 0);
    }

    Connection openReadOnly() throws VirtException {
        return core.open("storage:///system", 1);
    }

    static String dirPool(String name, Path target) {
        return "<pool type='dir'><name>" + name + "</name><target><path>" + target + "</path></target></pool>";
    }

    static String volume(String name, String capacity, String format) {
        return "<volume><name>" + name + "</name><capacity>" + capacity + "</capacity>"
                + "<target><format type='" + format + "'/></target></volume>";
    }
}
