package org.jvirt.itest;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.options;

import java.io.FileInputStream;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import javax.inject.Inject;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.jvirt.api.Connection;
import org.jvirt.api.ConnectionFactory;
import org.jvirt.api.StoragePool;
import org.jvirt.api.StorageVol;
import org.jvirt.api.spi.HostDirectories;
import org.jvirt.api.spi.StorageDriver;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceReference;

/**
 * Updates storage.bundle at run time (Bundle.update from its jar: a new class loader, a new driver
 * instance) while a connection opened before stays open: the running pool, its volume and the
 * persistent definition are all there afterwards, read back by the new instance from the state store.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class StorageUpdateIT {

    @Inject
    private BundleContext context;

    @Inject
    private ConnectionFactory factory;

    @Configuration
    public Option[] config() {
        return options(ItestFramework.base("storage-update"), ItestFramework.runtime("storage", 4));
    }

    @Test
    public void poolsAndVolumesSurviveAnUpdate() throws Exception {
        Path target = ItestFramework.stateDir(context).resolve("pool-images");
        String uri = "storage:///" + (HostDirectories.isRoot() ? "system" : "session");
        try (Connection c = factory.open(uri, 0)) {
            StoragePool pool = c.defineStoragePool("<pool type='dir'><name>images</name><target><path>" + target
                    + "</path></target></pool>", 0);
            pool.build(0);
            pool.create(0);
            StorageVol vol = pool.createVolume("<volume><name>disk.img</name><capacity>1048576</capacity></volume>", 0);
            Object before = driverServiceId();

            Bundle storage = bundle("org.jvirt.storage");
            try (InputStream in = new FileInputStream(ItestFramework.bundleJar(context, "storage"))) {
                storage.update(in);
            }
            assertEquals(Bundle.ACTIVE, storage.getState());
            Object after = awaitNewDriver(before);
            assertNotEquals("a new driver instance", before, after);

            StoragePool again = c.lookupStoragePoolByName("images");
            assertTrue("still running", again.isActive());
            assertTrue("still persistent", again.isPersistent());
            List<StorageVol> vols = again.listAllVolumes(0);
            assertEquals(1, vols.size());
            assertEquals(vol.path(), vols.get(0).path());
            assertEquals(1048576, vols.get(0).info().capacity());
            assertTrue(Files.exists(target.resolve("disk.img")));
            again.destroy();
            again.undefine();
        }
    }

    private Bundle bundle(String bsn) {
        for (Bundle b : context.getBundles()) {
            if (bsn.equals(b.getSymbolicName())) {
                return b;
            }
        }
        throw new AssertionError("no bundle " + bsn);
    }

    private Object driverServiceId() {
        ServiceReference<StorageDriver> ref = context.getServiceReference(StorageDriver.class);
        return ref == null ? null : ref.getProperty(Constants.SERVICE_ID);
    }

    private Object awaitNewDriver(Object before) throws InterruptedException {
        long end = System.nanoTime() + 30_000_000_000L;
        while (System.nanoTime() < end) {
            Object now = driverServiceId();
            if (now != null && !now.equals(before)) {
                return now;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("no new StorageDriver service after the update");
    }
}
