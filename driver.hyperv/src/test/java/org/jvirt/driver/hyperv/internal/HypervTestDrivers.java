package org.jvirt.driver.hyperv.internal;

import java.nio.file.Path;

/** The Hyper-V driver for other modules' tests (the shell's, the daemon's), outside OSGi. */
public final class HypervTestDrivers {
    private HypervTestDrivers() {
    }

    /** The driver with the core's XML codec and {@code credentials} as its credentials file. */
    public static HypervDriver withCredentialsFile(Path credentials) {
        return new HypervDriver(HypervTestSupport.config(30, 1 << 20, 10, 1000, credentials.toString()),
                HypervTestSupport.CODEC);
    }
}
